"""What the writer needs to know about one GeoPackage table, read from the file itself.

Table and column names in SQL come only from layer definitions and the file's own catalogue
(``gpkg_contents``, ``PRAGMA table_info``) and are always quoted; values are always parameters.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from gisdesk.core.definitions import LayerDef
from gisdesk.i18n import translate

SQL_TYPES = {
    "uuid": "TEXT",
    "text": "TEXT",
    "integer": "INTEGER",
    "real": "REAL",
    "date": "DATE",
    "datetime": "DATETIME",
    "boolean": "BOOLEAN",
}


def quote(name: str) -> str:
    """Quote an SQL identifier (embedded quotes doubled), so no name can break the statement."""
    return '"' + name.replace('"', '""') + '"'


@dataclass
class TableInfo:
    """A table's columns, geometry column, SRS and key, as found in the file."""

    name: str
    columns: set[str]
    key: str
    geometry: str | None = None
    srs_id: int = 0
    bounds: list[float] = field(default_factory=list)  # minx, miny, maxx, maxy of new shapes

    def grow(self, box: tuple[float, float, float, float]) -> None:
        """Extend the running extent of written geometries by ``box``."""
        if not self.bounds:
            self.bounds = list(box)
        else:
            self.bounds = [
                min(self.bounds[0], box[0]), min(self.bounds[1], box[1]),
                max(self.bounds[2], box[2]), max(self.bounds[3], box[3]),
            ]


def table_info(conn: sqlite3.Connection, table: str, ldef: LayerDef) -> TableInfo:
    """Inspect ``table``; LookupError when the file does not register it in gpkg_contents."""
    found = conn.execute(
        "SELECT table_name FROM gpkg_contents WHERE lower(table_name) = lower(?)", (table,)
    ).fetchone()
    if found is None:
        msg = translate("Store", "table '{table}' is not in this GeoPackage")
        raise LookupError(msg.format(table=table))
    name = found[0]
    columns = {row[1] for row in conn.execute(f"PRAGMA table_info({quote(name)})")}
    info = TableInfo(name, columns, ldef.key)
    geom = conn.execute(
        "SELECT column_name, srs_id FROM gpkg_geometry_columns WHERE table_name = ?", (name,)
    ).fetchone()
    if geom is not None:
        info.geometry, info.srs_id = geom[0], int(geom[1])
    if ldef.key not in columns:
        msg = translate("Store", "table '{table}' has no key column '{key}'")
        raise LookupError(msg.format(table=name, key=ldef.key))
    return info


def ensure_columns(conn: sqlite3.Connection, info: TableInfo, ldef: LayerDef, names: list[str]):
    """Add defined fields the file lacks (as GDAL would), so no edited value is dropped."""
    for name in names:
        fdef = ldef.field(name)
        if fdef is None or name in info.columns:
            continue
        conn.execute(
            f"ALTER TABLE {quote(info.name)} ADD COLUMN {quote(name)} {SQL_TYPES[fdef.type]}"
        )
        info.columns.add(name)


def ensure_key_index(conn: sqlite3.Connection, info: TableInfo) -> None:
    """Index the UUID key so updates by UUID do not scan a million rows."""
    index = quote(f"gisdesk_{info.name}_{info.key}_idx")
    conn.execute(f"CREATE INDEX IF NOT EXISTS {index} ON {quote(info.name)} ({quote(info.key)})")


def update_contents(conn: sqlite3.Connection, info: TableInfo, stamp: str) -> None:
    """Record the change time, and grow the layer extent to cover the written geometries."""
    conn.execute(
        "UPDATE gpkg_contents SET last_change = ? WHERE table_name = ?", (stamp, info.name)
    )
    if not info.bounds:
        return
    minx, miny, maxx, maxy = info.bounds
    conn.execute(
        "UPDATE gpkg_contents SET "
        "min_x = min(coalesce(min_x, ?), ?), min_y = min(coalesce(min_y, ?), ?), "
        "max_x = max(coalesce(max_x, ?), ?), max_y = max(coalesce(max_y, ?), ?) "
        "WHERE table_name = ?",
        (minx, minx, miny, miny, maxx, maxx, maxy, maxy, info.name),
    )
