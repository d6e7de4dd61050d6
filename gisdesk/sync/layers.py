"""Which tables of a GeoPackage a hub carries, with their UUID key and owning department.

Every table that matches a layer definition travels, keyed by the definition's UUID field;
so does the inspection-photo table, so that photos travel with their inspection records
(the issue's "photos travel with their records"). Shared by ``gisdesk hub init`` and the app.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pyogrio

from gisdesk.core.definitions import Catalog
from gisdesk.io.gpkg_store_photos import PHOTO_TABLE


@dataclass
class HubLayers:
    """What ``Hub.init`` needs to know about the tables of a source GeoPackage."""

    keys: dict[str, str] = field(default_factory=dict)  # table -> UUID key field
    owners: dict[str, str | None] = field(default_factory=dict)  # table -> OPD (None: all)
    departments: list[str] = field(default_factory=list)  # every OPD code


def hub_layers(source: Path, catalog: Catalog) -> HubLayers:
    """The tables of ``source`` a hub should carry (see the module docstring)."""
    found = HubLayers()
    for name, _geometry in pyogrio.list_layers(source):
        table = str(name)
        ldef = catalog.match(table)
        if ldef is not None:
            found.keys[table], found.owners[table] = ldef.key, ldef.owner
        elif table == PHOTO_TABLE:
            found.keys[table], found.owners[table] = "uuid", None
    opd = catalog.domains.get("opd")
    found.departments = [str(c) for c in opd.codes()] if opd else []
    return found
