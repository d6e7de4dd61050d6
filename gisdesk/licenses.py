"""What GIS Desk bundles, under which licence, in which version: the facts behind Help ▸ About.

Versions (and, for Python packages, licence fields) are read from the installed packages at run
time with :mod:`importlib.metadata`, so the list stays true after an upgrade instead of going
stale in a hand-written table. The table below only says *what* we ship, the licence we use it
under when the metadata says nothing usable (a frozen bundle may carry no package metadata), and
which full text in ``resources/licenses/`` to show. Qt-free, so the CLI can list it too.

>>> [c.name for c in COMPONENTS][:3]
['GIS Desk', 'Qt / PySide6', 'GDAL']
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from gisdesk import __version__, paths
from gisdesk.i18n import QT_TRANSLATE_NOOP, translate

CONTEXT = "Licenses"
OSM_ATTRIBUTION = "© OpenStreetMap contributors, ODbL"
"""The credit a map, page or report must carry where OpenStreetMap tiles or data are used."""

_CLASSIFIER_LICENCES = {
    "MIT License": "MIT",
    "BSD License": "BSD",
    "Apache Software License": "Apache-2.0",
    "GNU Lesser General Public License v3 (LGPLv3)": "LGPL-3.0",
}
_SHORT_NAMES = {
    "mit": "MIT", "mit license": "MIT", "the mit license": "MIT",
    "bsd": "BSD", "bsd license": "BSD", "bsd 3-clause": "BSD-3-Clause",
    "bsd-3-clause": "BSD-3-Clause", "new bsd": "BSD-3-Clause",
    "bsd 2-clause": "BSD-2-Clause", "bsd-2-clause": "BSD-2-Clause",
}


def _module_attr(module: str, attr: str) -> Callable[[], str | None]:
    """A version reader for a native library, asked through the Python module that bundles it."""

    def read() -> str | None:
        try:
            value = getattr(importlib.import_module(module), attr, None)
        except ImportError:
            return None
        return str(value) if value else None

    return read


@dataclass(frozen=True)
class Component:
    """One thing GIS Desk ships (itself, a library, a data source) and its licence.

    ``licence`` is the SPDX expression we use it under; for a dual-licensed package (Qt) it is
    the option we chose, which is why it wins over the metadata when ``chosen`` is True.
    """

    name: str
    purpose: str
    licence: str
    licence_file: str
    url: str
    distribution: str | None = None
    native_version: Callable[[], str | None] | None = None
    chosen: bool = False

    def version(self) -> str | None:
        """The installed version (None when it cannot be found, e.g. metadata not bundled)."""
        if self.native_version is not None:
            return self.native_version()
        if self.name == "GIS Desk":
            return __version__
        if self.distribution is None:
            return None
        try:
            return metadata.version(self.distribution)
        except metadata.PackageNotFoundError:
            return None

    def licence_in_use(self) -> str:
        """The package metadata's licence when it has a readable one, else :attr:`licence`."""
        if self.chosen or self.distribution is None:
            return self.licence
        return metadata_licence(self.distribution) or self.licence

    def licence_path(self) -> Path:
        """The full licence text shipped in ``resources/licenses/``."""
        return licenses_dir() / self.licence_file

    def licence_text(self) -> str:
        """The full licence text, or a line saying where to find it when the file is missing."""
        try:
            return self.licence_path().read_text(encoding="utf-8")
        except OSError:
            text = translate("Licenses", "The licence text is missing from {path}; see {url}.")
            return text.format(path=self.licence_path(), url=self.url)

    def translated_purpose(self) -> str:
        """What GIS Desk uses the component for, in the UI language (marked in COMPONENTS)."""
        return translate(CONTEXT, self.purpose)


def licenses_dir() -> Path:
    """Folder of full licence texts shipped with the program."""
    return paths.resources_dir() / "licenses"


def metadata_licence(distribution: str) -> str | None:
    """A short licence name from a package's metadata, or None when it has none usable.

    In order: the ``License-Expression`` (PEP 639), a one-line ``License`` field (some packages
    put the whole licence text there, which is not a name), then the ``License ::`` classifiers.
    """
    try:
        meta = metadata.metadata(distribution)
    except metadata.PackageNotFoundError:
        return None
    expression = meta.get("License-Expression")
    if expression:
        return expression.strip()
    field = (meta.get("License") or "").strip()
    if field and "\n" not in field and len(field) <= 60:
        return _SHORT_NAMES.get(field.lower(), field)
    names = [_CLASSIFIER_LICENCES.get(c.rsplit(" :: ", 1)[-1])
             for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    names = [n for n in names if n]
    return " OR ".join(dict.fromkeys(names)) or None


def licence_family(expression: str) -> str:
    """The licence family of an SPDX-like name, for comparing metadata with our table.

    >>> licence_family("BSD 3-Clause"), licence_family("LGPL-3.0-only OR GPL-2.0-only")
    ('BSD', 'LGPL')
    """
    first = re.split(r"\s+(?:OR|AND)\s+", expression.strip(), maxsplit=1)[0]
    match = re.match(r"\(?\s*([A-Za-z]+)", first)
    return match.group(1).upper() if match else ""


def _leaflet_version() -> str | None:
    """Leaflet's version from the banner of the bundled ``leaflet.js`` (it has no metadata)."""
    script = paths.resources_dir() / "web" / "leaflet" / "leaflet.js"
    try:
        with script.open(encoding="utf-8") as handle:
            head = handle.read(400)
    except OSError:
        return None
    match = re.search(r"Leaflet\s+(\d+\.\d+(?:\.\d+)?)", head)
    return match.group(1) if match else None


COMPONENTS: tuple[Component, ...] = (
    Component("GIS Desk",
              QT_TRANSLATE_NOOP("Licenses", "This program"),
              "GPL-3.0-or-later", "GPL-3.0.txt", "https://www.gnu.org/licenses/gpl-3.0.html",
              distribution="gisdesk"),
    Component("Qt / PySide6",
              QT_TRANSLATE_NOOP("Licenses", "User interface"),
              "LGPL-3.0-only", "Qt-PySide6.txt", "https://doc.qt.io/qtforpython-6/licenses.html",
              distribution="PySide6-Essentials", chosen=True),
    Component("GDAL",
              QT_TRANSLATE_NOOP("Licenses", "Reading and writing GIS file formats"),
              "MIT", "GDAL.txt", "https://gdal.org/license.html",
              native_version=_module_attr("pyogrio", "__gdal_version_string__")),
    Component("PROJ",
              QT_TRANSLATE_NOOP("Licenses", "Coordinate systems and reprojection"),
              "MIT", "PROJ.txt", "https://proj.org/about.html",
              native_version=_module_attr("pyproj", "proj_version_str")),
    Component("GEOS",
              QT_TRANSLATE_NOOP("Licenses", "Geometry operations"),
              "LGPL-2.1-only", "GEOS.txt", "https://libgeos.org/project/license/",
              native_version=_module_attr("shapely", "geos_version_string")),
    Component("Leaflet",
              QT_TRANSLATE_NOOP("Licenses", "Exported web maps"),
              "BSD-2-Clause", "Leaflet.txt", "https://leafletjs.com/",
              native_version=_leaflet_version),
    Component("OpenStreetMap",
              QT_TRANSLATE_NOOP("Licenses", "Optional online background of exported web maps"),
              "ODbL-1.0", "OpenStreetMap.txt", "https://www.openstreetmap.org/copyright"),
    Component("geopandas",
              QT_TRANSLATE_NOOP("Licenses", "Feature tables"),
              "BSD-3-Clause", "geopandas.txt", "https://geopandas.org/", distribution="geopandas"),
    Component("shapely",
              QT_TRANSLATE_NOOP("Licenses", "Geometries"),
              "BSD-3-Clause", "shapely.txt", "https://shapely.readthedocs.io/",
              distribution="shapely"),
    Component("pyogrio",
              QT_TRANSLATE_NOOP("Licenses", "Fast file reading"),
              "MIT", "pyogrio.txt", "https://pyogrio.readthedocs.io/", distribution="pyogrio"),
    Component("pyproj",
              QT_TRANSLATE_NOOP("Licenses", "Coordinate systems and reprojection"),
              "MIT", "pyproj.txt", "https://pyproj4.github.io/pyproj/", distribution="pyproj"),
    Component("fiona",
              QT_TRANSLATE_NOOP("Licenses", "Reading and writing GIS file formats"),
              "BSD-3-Clause", "fiona.txt", "https://fiona.readthedocs.io/", distribution="fiona"),
    Component("folium",
              QT_TRANSLATE_NOOP("Licenses", "Exported web maps"),
              "MIT", "folium.txt", "https://python-visualization.github.io/folium/",
              distribution="folium"),
    Component("pyqtgraph",
              QT_TRANSLATE_NOOP("Licenses", "Charts"),
              "MIT", "pyqtgraph.txt", "https://www.pyqtgraph.org/", distribution="pyqtgraph"),
    Component("pygeodiff",
              QT_TRANSLATE_NOOP("Licenses", "Sync change sets"),
              "MIT", "pygeodiff.txt", "https://github.com/MerginMaps/geodiff",
              distribution="pygeodiff"),
    Component("pydantic",
              QT_TRANSLATE_NOOP("Licenses", "Checking layer definitions"),
              "MIT", "pydantic.txt", "https://docs.pydantic.dev/", distribution="pydantic"),
    Component("PyYAML",
              QT_TRANSLATE_NOOP("Licenses", "Reading layer definitions"),
              "MIT", "PyYAML.txt", "https://pyyaml.org/", distribution="PyYAML"),
    Component("NumPy",
              QT_TRANSLATE_NOOP("Licenses", "Numerical arrays"),
              "BSD-3-Clause", "numpy.txt", "https://numpy.org/", distribution="numpy"),
    Component("pandas",
              QT_TRANSLATE_NOOP("Licenses", "Feature tables"),
              "BSD-3-Clause", "pandas.txt", "https://pandas.pydata.org/", distribution="pandas"),
    Component("Apache Arrow (pyarrow)",
              QT_TRANSLATE_NOOP("Licenses", "Fast file reading"),
              "Apache-2.0", "pyarrow.txt", "https://arrow.apache.org/", distribution="pyarrow"),
    Component("psycopg",
              QT_TRANSLATE_NOOP("Licenses", "PostGIS hub connection"),
              "LGPL-3.0-only", "LGPL-3.0.txt", "https://www.psycopg.org/", distribution="psycopg"),
    Component("openpyxl",
              QT_TRANSLATE_NOOP("Licenses", "Excel table export"),
              "MIT", "openpyxl.txt", "https://openpyxl.readthedocs.io/", distribution="openpyxl"),
)
"""Everything the About dialog lists, GIS Desk first, then Qt and the geospatial engines."""


def component(name: str) -> Component:
    """The component called ``name`` (KeyError when unknown)."""
    for item in COMPONENTS:
        if item.name == name:
            return item
    raise KeyError(name)
