"""The one module that writes GeoPackages: an edit session's pending changes, in one transaction.

Saving writes every pending insert, update and delete (by UUID, with parameters), the audit
trail and the ``gpkg_contents`` bookkeeping in a single SQLite transaction per file, so the file
is either fully saved or untouched. Geometry blobs get a proper GeoPackage header and envelope,
and GDAL's R-tree triggers keep the spatial index current because the ST_* functions they call
are registered first. Any failure (read-only, locked, disk full) rolls everything back, raises
:class:`StoreError` naming the file, and leaves the edits in the session and the journal.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import shapely
from pyproj import CRS, Transformer

from gisdesk.core.audit import FeatureChange, changed_fields, records_for, utc_now, workstation
from gisdesk.core.definitions import LayerDef
from gisdesk.core.edits_session import EditSession
from gisdesk.core.layer import MapLayer
from gisdesk.i18n import translate
from gisdesk.io import gpkg_store_blob as blob
from gisdesk.io.gpkg_store_audit import write_audit
from gisdesk.io.gpkg_store_photos import write_photos
from gisdesk.io.gpkg_store_tables import (
    TableInfo,
    ensure_columns,
    ensure_key_index,
    quote,
    table_info,
    update_contents,
)

_CTX = "Store"
LOCK_TIMEOUT_S = 2.0
"""How long a save waits for another program's lock before giving up with a clear error."""


class StoreError(OSError):
    """A save failed; nothing was written and the edits are still in the session."""


@dataclass
class SaveReport:
    """What one save wrote."""

    files: list[Path] = field(default_factory=list)
    inserted: int = 0
    updated: int = 0
    deleted: int = 0
    audit_rows: int = 0
    photos: int = 0


def _reason(exc: Exception) -> str:
    """Why a save failed, in words a user can act on."""
    text = str(exc).lower() if isinstance(exc, sqlite3.Error) else ""
    if isinstance(exc, PermissionError) or "readonly" in text:
        return translate("Store", "the file is read-only")
    if "locked" in text or "busy" in text:
        return translate("Store", "the file is locked by another program (close it there)")
    if "disk is full" in text or getattr(exc, "errno", None) == errno.ENOSPC:
        return translate("Store", "the disk is full")
    return str(exc)


def _explain(path: Path, exc: Exception) -> StoreError:
    why = _reason(exc)
    msg = translate("Store", "Could not save to {path}: {why}. Nothing was written; your edits are "
                    "kept and can be saved again.")
    return StoreError(msg.format(path=path, why=why))


def _connect(path: Path) -> sqlite3.Connection:
    if not path.is_file():
        raise FileNotFoundError(f"{path} does not exist")
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise PermissionError(f"{path} is read-only")
    conn = sqlite3.connect(path, timeout=LOCK_TIMEOUT_S, isolation_level=None)
    blob.register_functions(conn)
    conn.execute("BEGIN IMMEDIATE")
    return conn


class _Writer:
    """Writes the changes of one file inside an open transaction."""

    def __init__(self, conn: sqlite3.Connection, stamp: str) -> None:
        self.conn, self.stamp = conn, stamp
        self.tables: dict[str, TableInfo] = {}
        self.report = SaveReport()
        self._transformers: dict[tuple[str, str], Transformer] = {}

    def table(self, layer: MapLayer) -> TableInfo:
        name = layer.source.layer if layer.source and layer.source.layer else layer.name
        if name not in self.tables:
            info = table_info(self.conn, name, layer.definition)
            ensure_key_index(self.conn, info)
            self.tables[name] = info
        return self.tables[name]

    def _to_file_crs(self, layer: MapLayer, geom: Any) -> Any:
        src = layer.frame.crs
        if geom is None or src is None or not layer.source_crs:
            return geom
        dst = CRS.from_user_input(layer.source_crs)
        if CRS.from_user_input(src) == dst:
            return geom
        key = (str(src), str(layer.source_crs))
        if key not in self._transformers:
            self._transformers[key] = Transformer.from_crs(src, dst, always_xy=True)
        tf = self._transformers[key]
        return shapely.transform(geom, lambda xy: np.column_stack(tf.transform(xy[:, 0], xy[:, 1])))

    def _values(self, layer: MapLayer, info: TableInfo, change: FeatureChange, names: list[str]):
        ldef: LayerDef = layer.definition
        row = change.after or {}
        cols, params = [], []
        for name in names:
            if name == change.geometry_column:
                if info.geometry is None:
                    continue
                geom = self._to_file_crs(layer, row.get(name))
                if geom is not None and not geom.is_empty:
                    info.grow(geom.bounds)
                cols.append(info.geometry)
                params.append(blob.to_blob(geom, info.srs_id))
            elif ldef.field(name) is not None:
                value = row.get(name)
                cols.append(name)
                params.append(int(value) if isinstance(value, bool) else value)
        ensure_columns(self.conn, info, ldef, [c for c in cols if c != info.geometry])
        return cols, params

    def write(self, layer: MapLayer, change: FeatureChange) -> None:
        info = self.table(layer)
        if change.before is None:
            cols, params = self._values(layer, info, change, list(change.after or {}))
            names = ", ".join(quote(c) for c in cols)
            marks = ", ".join("?" for _ in cols)
            sql = f"INSERT INTO {quote(info.name)} ({names}) VALUES ({marks})"  # noqa: S608 - quoted names from the definition/file; values are parameters
            self.conn.execute(sql, params)
            self.report.inserted += 1
            return
        if change.after is None:
            sql = f"DELETE FROM {quote(info.name)} WHERE {quote(info.key)} = ?"  # noqa: S608 - quoted names from the definition/file; values are parameters
            self._one_row(self.conn.execute(sql, (change.uuid,)), info, change)
            self.report.deleted += 1
            return
        cols, params = self._values(layer, info, change, changed_fields(change))
        if not cols:
            return
        sets = ", ".join(f"{quote(c)} = ?" for c in cols)
        sql = f"UPDATE {quote(info.name)} SET {sets} WHERE {quote(info.key)} = ?"  # noqa: S608 - quoted names from the definition/file; values are parameters
        self._one_row(self.conn.execute(sql, [*params, change.uuid]), info, change)
        self.report.updated += 1

    @staticmethod
    def _one_row(cursor: sqlite3.Cursor, info: TableInfo, change: FeatureChange) -> None:
        if cursor.rowcount != 1:
            msg = translate("Store", "table '{table}' has {n} features with {key} = {uuid} "
                            "(changed by someone else?)")
            raise LookupError(msg.format(table=info.name, n=cursor.rowcount, key=info.key,
                                         uuid=change.uuid))

    def finish(self) -> None:
        for info in self.tables.values():
            update_contents(self.conn, info, self.stamp)


def _group_by_file(
    session: EditSession, changes: list[FeatureChange]
) -> dict[Path, list[tuple[MapLayer, FeatureChange]]]:
    groups: dict[Path, list[tuple[MapLayer, FeatureChange]]] = defaultdict(list)
    for change in changes:
        layer = session.context.layer(change.layer)
        if layer.source is None or layer.definition is None:
            msg = translate("Store", "Layer '{layer}' has no GeoPackage to save to.")
            raise StoreError(msg.format(layer=change.layer))
        groups[Path(layer.source.path)].append((layer, change))
    return groups


def save_session(session: EditSession, host: str | None = None) -> SaveReport:
    """Write all pending changes of ``session``; on success the session is clean.

    Raises
    ------
    StoreError
        The file is missing, read-only, locked or the disk is full; every file is rolled back.
    """
    changes = session.pending_changes()
    stamp, desk = utc_now(), host or workstation()
    groups = _group_by_file(session, changes)
    conns: dict[Path, sqlite3.Connection] = {}
    total = SaveReport(files=list(groups))
    current = next(iter(groups), Path())
    try:
        for current in groups:
            conns[current] = _connect(current)
        for current, items in groups.items():
            writer = _Writer(conns[current], stamp)
            for layer, change in items:
                writer.write(layer, change)
                total.photos += write_photos(conns[current], change, stamp)
            writer.finish()
            records = [r for _, c in items for r in records_for(c, session.profile, stamp, desk)]
            write_audit(conns[current], records, stamp)
            _add(total, writer.report, len(records))
        for current, conn in conns.items():  # noqa: B007 - `current` names the file on error
            conn.execute("COMMIT")
    except (sqlite3.Error, OSError, LookupError) as exc:
        _abandon(conns)
        raise _explain(current, exc) from exc
    finally:
        for conn in conns.values():
            conn.close()
    session.mark_saved()
    return total


def _abandon(conns: dict[Path, sqlite3.Connection]) -> None:
    """Roll back every file; reopen each so SQLite restores any hot journal right away.

    On a full disk SQLite rolls back by itself but leaves the journal for the next reader to
    replay; replaying it now means the file is byte-for-byte as before the save.
    """
    for path, conn in conns.items():
        try:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            conn.close()
            probe = sqlite3.connect(path, timeout=LOCK_TIMEOUT_S)
            probe.execute("SELECT count(*) FROM sqlite_master").fetchone()
            probe.close()
        except sqlite3.Error:
            continue  # the journal stays; SQLite replays it on the next open


def _add(total: SaveReport, part: SaveReport, audit_rows: int) -> None:
    total.inserted += part.inserted
    total.updated += part.updated
    total.deleted += part.deleted
    total.audit_rows += audit_rows


def prepare_for_editing(path: Path, table: str, definition: LayerDef) -> None:
    """Create the UUID index up front (seconds on a million rows) so later saves stay instant."""
    conn = sqlite3.connect(path, timeout=LOCK_TIMEOUT_S)
    try:
        with conn:
            ensure_key_index(conn, table_info(conn, table, definition))
    except sqlite3.Error as exc:
        raise _explain(Path(path), exc) from exc
    finally:
        conn.close()


_EMPTY_DTYPES = {"integer": "int64", "real": "float64", "boolean": "bool"}


def create_table(path: Path, definition: LayerDef, crs: str | None = None) -> None:
    """Add an empty table for ``definition`` to the GeoPackage (e.g. ``inspections``).

    GDAL (through pyogrio) creates it, so it gets the same catalogue entries, spatial index and
    triggers as any other layer. Dates are text columns, as GeoPackage stores them anyway.
    """
    path = Path(path)
    existing = {name for name, _ in pyogrio.list_layers(path)} if path.exists() else set()
    if definition.name in existing:
        msg = translate("Store", "{path} already has a table '{table}'.")
        raise StoreError(msg.format(path=path, table=definition.name))
    columns = {
        f.name: pd.Series([], dtype=_EMPTY_DTYPES.get(f.type, str)) for f in definition.fields
    }
    if definition.is_spatial:
        frame = gpd.GeoDataFrame(columns, geometry=gpd.GeoSeries([], crs=crs), crs=crs)
        pyogrio.write_dataframe(frame, path, layer=definition.name,
                                geometry_type=definition.geometry)
    else:
        pyogrio.write_dataframe(pd.DataFrame(columns), path, layer=definition.name)
