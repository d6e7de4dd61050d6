"""Writing merged changes into a GeoPackage by UUID, inside the caller's transaction.

Used for both the working copy and the folder hub's master file. Every statement is
parameterised; table and column names come from the file's own catalogue and are quoted. GDAL's
R-tree triggers need the ST_* functions, so they are registered on every connection first.
Applying is idempotent: an insert whose UUID exists becomes an update, a delete of a missing UUID
does nothing, so a sync interrupted and run again lands every change exactly once.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from gisdesk.io.gpkg_store_blob import register_functions
from gisdesk.io.gpkg_store_tables import quote
from gisdesk.sync.changes import GEOMETRY, geometry_blob
from gisdesk.sync.merge import Change


def connect(path: Path) -> sqlite3.Connection:
    """A connection ready to write GeoPackage geometries (autocommit off, ST_* registered)."""
    conn = sqlite3.connect(path, timeout=30, isolation_level=None)
    register_functions(conn)
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


class _Table:
    def __init__(self, conn: sqlite3.Connection, name: str, key: str) -> None:
        geom = conn.execute(
            "SELECT column_name, srs_id FROM gpkg_geometry_columns WHERE table_name = ?", (name,)
        ).fetchone()
        info = list(conn.execute(f"PRAGMA table_info({quote(name)})"))
        if not info:
            raise LookupError(f"table '{name}' is missing from the GeoPackage")
        self.name, self.key = name, key
        self.columns = {r[1] for r in info}
        self.fid = next((r[1] for r in info if r[5]), "fid")
        self.geom_col, self.srs_id = (geom[0], int(geom[1])) if geom else (None, 0)
        self.touched = False
        # Updates find features by UUID: without an index each one scans the whole table.
        # (Same index name as gisdesk.io.gpkg_store, so the two never build it twice.)
        index = quote(f"gisdesk_{name}_{key}_idx")
        conn.execute(f"CREATE INDEX IF NOT EXISTS {index} ON {quote(name)} ({quote(key)})")

    def values(self, row: dict) -> dict:
        """Column -> stored value for the columns this table has (unknown fields are kept out)."""
        out = {}
        for name, value in row.items():
            if name == GEOMETRY:
                if self.geom_col is not None:
                    out[self.geom_col] = geometry_blob(value, self.srs_id)
            elif name in self.columns and name != self.fid:
                out[name] = value
        return out


def apply_changes(conn: sqlite3.Connection, changes: Iterable[Change], keys: dict[str, str]) -> int:
    """Apply ``changes`` through ``conn`` (the caller owns BEGIN/COMMIT); returns rows written."""
    tables: dict[str, _Table] = {}
    written = 0
    for change in changes:
        table = tables.get(change.layer)
        if table is None:
            table = tables[change.layer] = _Table(conn, change.layer, keys[change.layer])
        written += _apply_one(conn, table, change)
        table.touched = True
    stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")[:-4] + "Z"
    for table in tables.values():
        if table.touched:
            _refresh_contents(conn, table, stamp)
    return written


def _changed_fields(change: Change) -> dict:
    """The fields an update really changes (all fields for an insert or an unknown old row)."""
    assert change.new is not None
    if change.kind != "update" or change.old is None:
        return dict(change.new)
    return {k: v for k, v in change.new.items() if change.old.get(k, _MISSING) != v}


_MISSING = object()


def _apply_one(conn: sqlite3.Connection, table: _Table, change: Change) -> int:
    """Write one change; an update only touches the fields that differ (no R-tree churn when
    only attributes changed), and falls back to an insert when the feature is missing."""
    where = f"{quote(table.key)} = ?"
    name = quote(table.name)
    if change.kind == "delete":
        sql = f"DELETE FROM {name} WHERE {where}"  # noqa: S608 - quoted names
        return conn.execute(sql, (change.uuid,)).rowcount
    values = table.values(_changed_fields(change))
    values.pop(table.key, None)
    if values and change.kind == "update":
        sets = ", ".join(f"{quote(c)} = ?" for c in values)
        sql = f"UPDATE {name} SET {sets} WHERE {where}"  # noqa: S608 - quoted names
        if conn.execute(sql, [*values.values(), change.uuid]).rowcount:
            return 1
    elif not values and change.kind == "update":
        return 0
    else:
        exists = conn.execute(
            f"SELECT 1 FROM {name} WHERE {where}", (change.uuid,)  # noqa: S608
        ).fetchone()
        if exists:
            sets = ", ".join(f"{quote(c)} = ?" for c in values)
            sql = f"UPDATE {name} SET {sets} WHERE {where}"  # noqa: S608 - quoted names
            return conn.execute(sql, [*values.values(), change.uuid]).rowcount
    full = table.values(dict(change.new or {}))
    full[table.key] = change.uuid
    cols = ", ".join(quote(c) for c in full)
    marks = ", ".join("?" * len(full))
    sql = f"INSERT INTO {name} ({cols}) VALUES ({marks})"  # noqa: S608 - quoted names
    conn.execute(sql, list(full.values()))
    return 1


def _refresh_contents(conn: sqlite3.Connection, table: _Table, stamp: str) -> None:
    """Keep gpkg_contents honest for GDAL and QGIS: change time and the layer's extent."""
    conn.execute(
        "UPDATE gpkg_contents SET last_change = ? WHERE table_name = ?", (stamp, table.name)
    )
    if table.geom_col is None:
        return
    rtree = f"rtree_{table.name}_{table.geom_col}"
    has_rtree = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (rtree,)
    ).fetchone()
    if has_rtree:
        box = conn.execute(
            f"SELECT min(minx), min(miny), max(maxx), max(maxy) FROM {quote(rtree)}"  # noqa: S608
        ).fetchone()
        if box and box[0] is not None:
            conn.execute(
                "UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ? "
                "WHERE table_name = ?",
                (*box, table.name),
            )
