"""Writing a push into the PostGIS hub's tables: COPY into a staging table, then set-based SQL.

Why not one statement per feature: 10 000 changed features as 10 000 UPDATEs cost a round trip,
a plan and an audit-trigger call each (seconds). Instead each layer's changes are COPYed into a
temporary table (one stream, parsed by the server into the layer's own column types) and applied
by a DELETE, an UPDATE and an INSERT per field set, so the statement-level audit triggers fire a
handful of times, not once per row.

Semantics are those of the per-row version, so the merge and the idempotent retry are unchanged:

* an update writes only the fields it changes (a partial update never overwrites a field the hub
  changed meanwhile) and does nothing when the feature is gone;
* an insert of a UUID that exists updates the fields it carries (a retried push lands once); a
  new feature gets the table's defaults for fields it does not carry;
* a delete of a missing UUID does nothing.

Column names come from the server's catalogue and are composed with :class:`psycopg.sql.Identifier`;
values only travel in the COPY stream.
"""

from __future__ import annotations

import math
from typing import Any

import psycopg
from psycopg import sql

from gisdesk.sync.changes import GEOMETRY
from gisdesk.sync.merge import Change

DATA_SCHEMA = "city"
GEOM = "geom"  # the geometry column of every hub table (see postgis_hub._load_layer)
_OP, _CHANGED, _GROUP = "_gisdesk_op", "_gisdesk_changed", "_gisdesk_group"
_STAGE = "_gisdesk_stage"
_INTEGER_TYPES = {"bigint", "integer", "smallint"}


def column_types(conn: psycopg.Connection, layer: str) -> dict[str, str]:
    """Column -> information_schema data type of ``city.<layer>``, in table order."""
    rows = conn.execute(
        "SELECT column_name, data_type FROM information_schema.columns "
        "WHERE table_schema = %s AND table_name = %s ORDER BY ordinal_position",
        (DATA_SCHEMA, layer),
    ).fetchall()
    return dict(rows)


def pg_value(value: Any, pg_type: str | None) -> Any:
    """A SQLite value as the server should read it into a column of ``pg_type``.

    SQLite is loosely typed: booleans are 0/1 and an integer column may hold 3.0. COPY parses
    text strictly, so these are normalised here the way PostgreSQL's assignment casts would
    (float to integer rounds half to even, like Python's round).
    """
    if value is None:
        return None
    if pg_type == "boolean":
        return bool(value)
    if pg_type in _INTEGER_TYPES and isinstance(value, float) and math.isfinite(value):
        return round(value)
    return value


def apply_all(conn: psycopg.Connection, changes: list[Change], keys: dict[str, str]) -> None:
    """Apply ``changes`` inside the caller's transaction, layer by layer (see module docstring)."""
    by_layer: dict[str, list[Change]] = {}
    for change in changes:
        by_layer.setdefault(change.layer, []).append(change)
    for layer, layer_changes in by_layer.items():
        _apply_layer(conn, layer, keys[layer], layer_changes)


def _carried(change: Change, types: dict[str, str], key: str, only_changed: bool) -> list[str]:
    """Hub columns a change writes: all it carries, or for an update only those that differ."""
    old = change.old or {}
    names = []
    for name, value in (change.new or {}).items():
        if only_changed and name in old and old[name] == value:
            continue
        column = GEOM if name == GEOMETRY else name
        if name == GEOM or column in (key, "fid") or column not in types:
            continue
        names.append(column)
    return sorted(names)


def _apply_layer(conn: psycopg.Connection, layer: str, key: str, changes: list[Change]) -> None:
    types = column_types(conn, layer)
    if any(name in types for name in (_OP, _CHANGED, _GROUP)):
        raise ValueError(f"layer '{layer}' has a column reserved by GIS Desk sync")
    staged: list[tuple[str, str, list[str], int | None, Change]] = []
    groups: dict[tuple[str, ...], int] = {}
    for change in changes:
        if change.kind == "delete":
            staged.append(("d", change.uuid, [], None, change))
        elif change.kind == "update" and change.old is not None:
            names = _carried(change, types, key, only_changed=True)
            if names:  # an update that changes no hub column writes nothing (and audits nothing)
                staged.append(("u", change.uuid, names, None, change))
        else:
            names = _carried(change, types, key, only_changed=False)
            group = groups.setdefault(tuple(names), len(groups))
            staged.append(("i", change.uuid, names, group, change))
    if not staged:
        return
    used = sorted({n for _op, _uuid, names, _group, _change in staged for n in names},
                  key=list(types).index)
    _stage(conn, layer, key, used, types, staged)
    srid = 0
    if GEOM in used:
        srid = conn.execute(
            "SELECT Find_SRID(%s, %s, %s)", (DATA_SCHEMA, layer, GEOM)).fetchone()[0]
    table, stage = sql.Identifier(DATA_SCHEMA, layer), sql.Identifier(_STAGE)
    ops = {op for op, *_ in staged}
    if "d" in ops:
        conn.execute(sql.SQL("DELETE FROM {t} AS t USING {s} AS s "
                             "WHERE s.{op} = 'd' AND t.{k} = s.{k}").format(
            t=table, s=stage, op=sql.Identifier(_OP), k=sql.Identifier(key)))
    writes = [names for op, _uuid, names, _group, _change in staged if op != "d"]
    if writes:
        _update(conn, table, key, used, srid, writes)
    for names, group in groups.items():
        _insert(conn, table, key, list(names), srid, group)
    conn.execute(sql.SQL("DROP TABLE {}").format(stage))


def _stage(conn: psycopg.Connection, layer: str, key: str, used: list[str],
           types: dict[str, str], staged: list[tuple[str, str, list[str], int | None, Change]]
           ) -> None:
    """COPY the changes into a temporary table with the layer's own column types.

    The staging table is made from the layer itself (``CREATE TABLE AS … WITH NO DATA``), so its
    columns have exactly the layer's types without GIS Desk spelling a type name; the geometry
    is staged as WKB (bytea) and given its SRID when written.
    """
    columns = [
        sql.SQL("ST_AsBinary(t.{c}) AS {c}" if name == GEOM else "t.{c}").format(
            c=sql.Identifier(name)) for name in used
    ]
    conn.execute(sql.SQL(
        "CREATE TEMPORARY TABLE {s} ON COMMIT DROP AS SELECT ''::text AS {op}, "
        "'{{}}'::text[] AS {changed}, 0 AS {group}, t.{k}, {columns} FROM {t} AS t WITH NO DATA"
    ).format(
        s=sql.Identifier(_STAGE), op=sql.Identifier(_OP), changed=sql.Identifier(_CHANGED),
        group=sql.Identifier(_GROUP), k=sql.Identifier(key), t=sql.Identifier(DATA_SCHEMA, layer),
        columns=sql.SQL(", ").join(columns) if columns else sql.SQL("NULL AS {}").format(
            sql.Identifier("_gisdesk_none")),
    ))
    targets = [_OP, _CHANGED, _GROUP, key, *used]
    copy_sql = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(_STAGE), sql.SQL(", ").join(sql.Identifier(n) for n in targets))
    positions = {name: i for i, name in enumerate(used)}
    with conn.cursor() as cur, cur.copy(copy_sql) as copy:
        for op, uuid, names, group, change in staged:
            row: list[Any] = [None] * len(used)
            new = change.new or {}
            for name in names:
                value = new.get(GEOMETRY) if name == GEOM else new.get(name)
                row[positions[name]] = value if name == GEOM else pg_value(value, types[name])
            copy.write_row([op, names, group, uuid, *row])


def _update(conn: psycopg.Connection, table: sql.Identifier, key: str, used: list[str],
            srid: int, writes: list[list[str]]) -> None:
    """One UPDATE for every staged update and insert whose feature exists.

    A field only some rows change is set with CASE so the others keep the hub's value.
    """
    counts = {name: 0 for name in used}
    for names in writes:
        for name in names:
            counts[name] += 1
    sets = []
    for name in used:
        if not counts[name]:
            continue
        ident = sql.Identifier(name)
        value = (sql.SQL("ST_SetSRID(ST_GeomFromWKB(s.{}), {})").format(ident, sql.Literal(srid))
                 if name == GEOM else sql.SQL("s.{}").format(ident))
        if counts[name] < len(writes):
            value = sql.SQL("CASE WHEN {} = ANY(s.{}) THEN {} ELSE t.{} END").format(
                sql.Literal(name), sql.Identifier(_CHANGED), value, ident)
        sets.append(sql.SQL("{} = {}").format(ident, value))
    if not sets:
        return
    conn.execute(sql.SQL(
        "UPDATE {t} AS t SET {sets} FROM {s} AS s WHERE s.{op} IN ('u', 'i') AND t.{k} = s.{k}"
    ).format(t=table, sets=sql.SQL(", ").join(sets), s=sql.Identifier(_STAGE),
             op=sql.Identifier(_OP), k=sql.Identifier(key)))


def _insert(conn: psycopg.Connection, table: sql.Identifier, key: str, names: list[str],
            srid: int, group: int) -> None:
    """Insert the staged new features carrying ``names`` that the hub does not have yet."""
    columns = [key, *names]
    values = [
        sql.SQL("ST_SetSRID(ST_GeomFromWKB(s.{}), {})").format(sql.Identifier(n), sql.Literal(srid))
        if n == GEOM else sql.SQL("s.{}").format(sql.Identifier(n)) for n in columns
    ]
    conn.execute(sql.SQL(
        "INSERT INTO {t} ({columns}) SELECT {values} FROM {s} AS s WHERE s.{op} = 'i' "
        "AND s.{group} = {g} AND NOT EXISTS (SELECT 1 FROM {t} AS x WHERE x.{k} = s.{k})"
    ).format(t=table, columns=sql.SQL(", ").join(sql.Identifier(n) for n in columns),
             values=sql.SQL(", ").join(values), s=sql.Identifier(_STAGE),
             op=sql.Identifier(_OP), group=sql.Identifier(_GROUP), g=sql.Literal(group),
             k=sql.Identifier(key)))
