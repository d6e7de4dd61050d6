"""Runtime hook: every bundled GDAL/PROJ uses the data files of its own version.

The bundle holds three geospatial native stacks, each vendored by its wheel with its own data:

* pyogrio → GDAL 3.12 + PROJ 9.8   data in ``pyogrio/gdal_data`` and ``pyogrio/proj_data``
* pyproj  → PROJ 9.5               data in ``pyproj/proj_dir/share/proj``
* fiona   → GDAL 3.9  + PROJ 9.4   data in ``fiona/gdal_data`` and ``fiona/proj_data``

(versions of the build venv when this was written; the spec copies whatever is installed.)
``proj.db`` is versioned — PROJ 9.8 refuses the 9.5 database ("DATABASE.LAYOUT.VERSION.MINOR")
— so there is no single correct process-wide ``GDAL_DATA`` / ``PROJ_DATA``: whichever folder
it named would be the wrong version for at least one library. The correct setting is per
library, and each one already finds the folder next to its own module (the spec keeps those
relative places) *as long as the environment does not name another*:

* pyogrio sets GDAL's ``GDAL_DATA`` config and PROJ search path from its own folders;
* pyproj prefers its internal ``proj_dir`` over ``PROJ_DATA``;
* fiona prefers ``GDAL_DATA`` / ``PROJ_DATA`` / ``PROJ_LIB`` from the environment.

City PCs often have QGIS or OSGeo4W, which set those variables machine-wide to *their* GDAL's
data; a bundled library given a foreign ``proj.db`` fails to reproject, and a foreign
``GDAL_DRIVER_PATH`` loads plugins built against another GDAL into ours (a crash). So the hook
moves those variables aside, keeping their values as ``GISDESK_HOST_<NAME>`` for diagnosis.
``GISDESK_KEEP_GEO_ENV=1`` keeps them (for an admin who knows they match, e.g. extra grids).

It runs before any application module is imported. tests/test_bundle_files.py checks the
function; the bundle test runs the app with a broken ``proj.db`` in all four variables and
checks reading and reprojection still work.
"""

from __future__ import annotations

import os
import sys
from collections.abc import MutableMapping

GEO_VARIABLES = ("GDAL_DATA", "PROJ_DATA", "PROJ_LIB", "GDAL_DRIVER_PATH")


def isolate_geo_environment(environ: MutableMapping[str, str]) -> list[str]:
    """Move inherited GDAL/PROJ paths aside in ``environ``; return the names moved."""
    if environ.get("GISDESK_KEEP_GEO_ENV") == "1":
        return []
    moved = []
    for name in GEO_VARIABLES:
        value = environ.pop(name, None)
        if value is not None:
            environ[f"GISDESK_HOST_{name}"] = value
            moved.append(name)
    return moved


if getattr(sys, "frozen", False):  # importing it from a test must not touch the test's env
    isolate_geo_environment(os.environ)
