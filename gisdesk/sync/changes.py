"""Finding what changed in a GeoPackage since its base, keyed by UUID.

pygeodiff compares the working copy with the base copy table by table (in C++, fast, and it sees
edits made by any tool: QGIS, GDAL, GIS Desk). Its changesets are keyed by the integer fid, which
is only a storage detail, so we take the fids it reports, read those rows from both files and match
them by the layer's UUID key. A row deleted and re-inserted with a new fid (as some tools do) is
therefore an update, not a delete plus an insert.
"""

from __future__ import annotations

import json
import sqlite3
import struct
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pygeodiff
import shapely

from gisdesk.io.gpkg_store_blob import _split as split_blob  # the blob header parser
from gisdesk.io.gpkg_store_blob import from_blob, to_blob
from gisdesk.io.gpkg_store_tables import quote
from gisdesk.sync.merge import Change
from gisdesk.sync.sqlite_files import open_readonly, recover_journal

GEOMETRY = "geometry"
"""Rows carry their geometry under this name, as ISO WKB bytes, whatever the column is called."""

_CHUNK = 500


def detect_changes(base: Path, current: Path, keys: Mapping[str, str]) -> list[Change]:
    """Changes from ``base`` to ``current`` for the tables in ``keys`` (table -> UUID field).

    Tables not named in ``keys`` (GIS Desk's own bookkeeping, layers without a definition) are
    ignored. Raises ValueError naming the table when a changed row has no UUID.
    """
    recover_journal(base)  # pygeodiff cannot undo a write a killed process left half-done
    recover_journal(current)
    fids = _changed_fids(base, current, set(keys))
    changes: list[Change] = []
    for table, (old_fids, new_fids) in sorted(fids.items()):
        key = keys[table]
        old_rows = _rows_by_key(base, table, key, old_fids)
        new_rows = _rows_by_key(current, table, key, new_fids)
        for uuid in sorted(set(old_rows) | set(new_rows)):
            old, new = old_rows.get(uuid), new_rows.get(uuid)
            if old is None:
                changes.append(Change(table, uuid, "insert", None, new))
            elif new is None:
                changes.append(Change(table, uuid, "delete", old, None))
            elif old != new:
                changes.append(Change(table, uuid, "update", old, new))
    return changes


def _changed_fids(
    base: Path, current: Path, tables: set[str]
) -> dict[str, tuple[set[int], set[int]]]:
    """{table: (fids to read from base, fids to read from current)} via a pygeodiff changeset.

    The changeset is listed as JSON by pygeodiff's C++ code: several times faster than walking
    its entries through ctypes one value at a time.
    """
    geodiff = pygeodiff.GeoDiff()
    out: dict[str, tuple[set[int], set[int]]] = {}
    with tempfile.TemporaryDirectory(prefix="gisdesk-diff-") as tmp:
        changeset, listing = str(Path(tmp) / "changes.bin"), Path(tmp) / "changes.json"
        geodiff.set_tables_to_include(sorted(tables))
        geodiff.create_changeset(str(base), str(current), changeset)
        if not geodiff.has_changes(changeset):
            return out
        geodiff.list_changes(changeset, str(listing))
        entries = json.loads(listing.read_text(encoding="utf-8")).get("geodiff", [])
    pk_columns = _pk_columns(current, {e["table"] for e in entries} & tables)
    for entry in entries:
        table = entry["table"]
        if table not in tables:
            continue
        pk = next(c for c in entry["changes"] if c["column"] == pk_columns[table])
        old_fids, new_fids = out.setdefault(table, (set(), set()))
        if entry["type"] == "insert":
            new_fids.add(pk["new"])
        elif entry["type"] == "delete":
            old_fids.add(pk["old"])
        else:  # update: the pk is unchanged and listed under "old"
            old_fids.add(pk["old"])
            new_fids.add(pk["old"])
    return out


def _pk_columns(path: Path, tables: set[str]) -> dict[str, int]:
    """Column index of each table's integer primary key (the fid)."""
    with open_readonly(path) as conn:
        out = {}
        for table in tables:
            info = conn.execute(f"PRAGMA table_info({quote(table)})").fetchall()
            out[table] = next((r[0] for r in info if r[5]), 0)
    conn.close()
    return out


def _rows_by_key(path: Path, table: str, key: str, fids: Iterable[int]) -> dict[str, dict]:
    fids = sorted(fids)
    if not fids:
        return {}
    raw_rows: list[dict[str, Any]] = []
    blobs: list[bytes | None] = []
    with open_readonly(path) as conn:
        geom_col, fid_col = _geometry_and_fid(conn, table)
        for start in range(0, len(fids), _CHUNK):
            chunk = fids[start : start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            cursor = conn.execute(
                f"SELECT * FROM {quote(table)} WHERE {quote(fid_col)} IN ({marks})",  # noqa: S608
                chunk,
            )
            names = [d[0] for d in cursor.description]
            for values in cursor:
                raw = dict(zip(names, values, strict=True))
                if geom_col is not None:
                    blob = raw.pop(geom_col, None)
                    blobs.append(None if blob is None else bytes(blob))
                raw_rows.append(raw)
    conn.close()
    if geom_col is not None:
        for raw, wkb in zip(raw_rows, _normalised_wkb(path, table, fid_col, raw_rows, blobs),
                            strict=True):
            raw[GEOMETRY] = wkb
    rows: dict[str, dict] = {}
    for raw in raw_rows:
        raw.pop(fid_col, None)
        uuid = raw.get(key)
        if not uuid:
            raise ValueError(
                f"{path}: layer '{table}' has a feature without a value in its key "
                f"field '{key}'; give it a UUID before syncing"
            )
        rows[str(uuid)] = raw
    return rows


def _normalised_wkb(path: Path, table: str, fid_col: str, raws: list[dict[str, Any]],
                    blobs: list[bytes | None]) -> list[bytes | None]:
    """GeoPackage blobs as ISO little-endian WKB, decoded and encoded by shapely in one call.

    Normalising makes the same geometry the same bytes whichever tool wrote it (GDAL, QGIS, GIS
    Desk, the hub), so comparing rows compares shapes. One vectorised call for all rows instead
    of two per row: reading the 10 000 rows of a large push is several times faster. When some
    blob is unreadable the rows are decoded one by one to name the feature.
    """
    present = [i for i, blob in enumerate(blobs) if blob is not None]
    out: list[bytes | None] = [None] * len(blobs)
    try:
        wkbs = [_strip_header(blobs[i]) for i in present]  # type: ignore[arg-type]
        geoms = shapely.from_wkb(wkbs)
    except (ValueError, shapely.errors.GEOSException):
        for i in present:
            try:
                from_blob(blobs[i])
            except (ValueError, shapely.errors.GEOSException) as exc:
                raise ValueError(
                    f"{path}: layer '{table}', feature fid {raws[i].get(fid_col)}: geometry "
                    f"unreadable ({exc}); re-save the feature in GIS Desk, QGIS or with ogr2ogr"
                ) from exc
        raise
    encoded = shapely.to_wkb(geoms, byte_order=1, flavor="iso")
    for i, wkb in zip(present, encoded, strict=True):
        out[i] = wkb
    return out


def _strip_header(blob: bytes) -> bytes:
    """The WKB inside a GeoPackage blob (ValueError when it is not one)."""
    _flags, _env, offset = split_blob(blob)
    return blob[offset:]


def _geometry_and_fid(conn: sqlite3.Connection, table: str) -> tuple[str | None, str]:
    geom = conn.execute(
        "SELECT column_name FROM gpkg_geometry_columns WHERE table_name = ?", (table,)
    ).fetchone()
    pk = [r[1] for r in conn.execute(f"PRAGMA table_info({quote(table)})") if r[5]]
    return (geom[0] if geom else None), (pk[0] if pk else "fid")


def row_from_sqlite(values: dict[str, Any], geom_col: str | None, fid_col: str) -> dict:
    """A comparable row: no fid, geometry as plain WKB under :data:`GEOMETRY`."""
    values.pop(fid_col, None)
    if geom_col is not None:
        blob = values.pop(geom_col, None)
        geom = from_blob(bytes(blob)) if blob is not None else None
        values[GEOMETRY] = None if geom is None else _wkb(geom)
    return values


def _wkb(geom: Any) -> bytes:
    return shapely.to_wkb(geom, byte_order=1, flavor="iso")


def geometry_blob(wkb: bytes | None, srs_id: int) -> bytes | None:
    """GeoPackage blob (with envelope) for WKB from a row."""
    if wkb is None:
        return None
    return to_blob(shapely.from_wkb(wkb), srs_id)


def geometry_blobs(wkbs: list[bytes], srs_id: int) -> list[bytes]:
    """:func:`geometry_blob` of many geometries at once, byte for byte the same blobs.

    Decoding, bounds and encoding are single shapely calls over the whole list (a pull writes
    thousands of moved footprints into two files); only the small header is packed per row.
    """
    if not wkbs:
        return []
    geoms = shapely.from_wkb(wkbs)
    bounds = shapely.bounds(geoms).tolist()
    empty = shapely.is_empty(geoms).tolist()
    point = (shapely.get_type_id(geoms) == shapely.GeometryType.POINT).tolist()
    body = shapely.to_wkb(geoms, byte_order=1, flavor="iso").tolist()
    srs = struct.pack("<i", srs_id)
    plain, empty_head, box_head = b"GP\x00\x01" + srs, b"GP\x00\x11" + srs, b"GP\x00\x03" + srs
    out = []
    for wkb, (minx, miny, maxx, maxy), is_empty, is_point in zip(
        body, bounds, empty, point, strict=True
    ):
        if is_empty:
            out.append(empty_head + wkb)
        elif is_point:
            out.append(plain + wkb)
        else:
            out.append(box_head + struct.pack("<4d", minx, maxx, miny, maxy) + wkb)
    return out
