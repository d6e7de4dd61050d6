"""Writing merged changes into a GeoPackage by UUID, inside the caller's transaction.

Used for both the working copy and the folder hub's master file. Every statement is
parameterised; table and column names come from the file's own catalogue and are quoted. GDAL's
R-tree triggers need the ST_* functions, so they are registered on every connection first.
Applying is idempotent: an insert whose UUID exists becomes an update, a delete of a missing UUID
does nothing, so a sync interrupted and run again lands every change exactly once.

Large change lists (a pull of 10 000 features, written into two files) are applied in batches:
one query finds which UUIDs exist, geometries are encoded in one vectorised call, and the writes
go out as one ``executemany`` per statement shape. The per-change path stays for lists that name a
feature twice, where order matters.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from gisdesk.io.gpkg_store_blob import register_functions
from gisdesk.io.gpkg_store_tables import quote
from gisdesk.sync.changes import GEOMETRY, geometry_blob, geometry_blobs
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
        self.blobs: dict[bytes, bytes] = {}  # WKB -> GeoPackage blob, filled by a batch
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
                    blob = self.blobs.get(value) if value is not None else None
                    out[self.geom_col] = blob or geometry_blob(value, self.srs_id)
            elif name in self.columns and name != self.fid:
                out[name] = value
        return out


def apply_changes(conn: sqlite3.Connection, changes: Iterable[Change], keys: dict[str, str]) -> int:
    """Apply ``changes`` through ``conn`` (the caller owns BEGIN/COMMIT); returns rows written."""
    changes = list(changes)
    tables: dict[str, _Table] = {}
    for change in changes:
        if change.layer not in tables:
            tables[change.layer] = _Table(conn, change.layer, keys[change.layer])
    written = 0
    if len({(c.layer, c.uuid) for c in changes}) == len(changes):
        by_layer: dict[str, list[Change]] = {}
        for change in changes:
            by_layer.setdefault(change.layer, []).append(change)
        for layer, layer_changes in by_layer.items():
            written += _apply_batch(conn, tables[layer], layer_changes)
            tables[layer].touched = True
    else:  # a feature named twice: apply one by one, in order
        for change in changes:
            written += _apply_one(conn, tables[change.layer], change)
            tables[change.layer].touched = True
    stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")[:-4] + "Z"
    for table in tables.values():
        if table.touched:
            _refresh_contents(conn, table, stamp)
    return written


_IN_CHUNK = 500  # UUIDs per IN (...) lookup, well under SQLite's parameter limit


def _apply_batch(conn: sqlite3.Connection, table: _Table, changes: list[Change]) -> int:
    """Same result as :func:`_apply_one` for each change (features are distinct), in batches."""
    name, where = quote(table.name), f"{quote(table.key)} = ?"
    existing = _existing(conn, table, [c.uuid for c in changes])
    if table.geom_col is not None:
        wanted = {
            c.new[GEOMETRY] for c in changes
            if c.new is not None and c.new.get(GEOMETRY) is not None
            and (c.kind != "update" or c.old is None
                 or c.old.get(GEOMETRY, _MISSING) != c.new[GEOMETRY])
        }
        wkbs = list(wanted)
        table.blobs = dict(zip(wkbs, geometry_blobs(wkbs, table.srs_id), strict=True))
    deletes: list[tuple[str]] = []
    updates: dict[tuple[str, ...], list[list]] = {}
    inserts: dict[tuple[str, ...], list[list]] = {}
    for change in changes:
        if change.kind == "delete":
            if change.uuid in existing:
                deletes.append((change.uuid,))
            continue
        values = table.values(_changed_fields(change))
        values.pop(table.key, None)
        if change.uuid in existing or (not values and change.kind == "update"):
            if values:  # an update that changes nothing writes nothing, present or not
                updates.setdefault(tuple(values), []).append([*values.values(), change.uuid])
            continue
        full = table.values(dict(change.new or {}))
        full[table.key] = change.uuid
        inserts.setdefault(tuple(full), []).append(list(full.values()))
    table.blobs = {}
    conn.executemany(f"DELETE FROM {name} WHERE {where}", deletes)  # noqa: S608 - quoted names
    for columns, rows in updates.items():
        sets = ", ".join(f"{quote(c)} = ?" for c in columns)
        conn.executemany(f"UPDATE {name} SET {sets} WHERE {where}", rows)  # noqa: S608
    for columns, rows in inserts.items():
        cols = ", ".join(quote(c) for c in columns)
        marks = ", ".join("?" * len(columns))
        conn.executemany(f"INSERT INTO {name} ({cols}) VALUES ({marks})", rows)  # noqa: S608
    return (len(deletes) + sum(len(r) for r in updates.values())
            + sum(len(r) for r in inserts.values()))


def _existing(conn: sqlite3.Connection, table: _Table, uuids: list[str]) -> set[str]:
    """Which of ``uuids`` the table holds (one indexed lookup per chunk, not per feature)."""
    found: set[str] = set()
    for start in range(0, len(uuids), _IN_CHUNK):
        chunk = uuids[start : start + _IN_CHUNK]
        marks = ",".join("?" * len(chunk))
        found.update(str(r[0]) for r in conn.execute(
            f"SELECT {quote(table.key)} FROM {quote(table.name)} "  # noqa: S608 - quoted names
            f"WHERE {quote(table.key)} IN ({marks})", chunk))
    return found


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
