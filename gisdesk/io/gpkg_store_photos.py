"""Inspection photos stored inside the GeoPackage (``gisdesk_photos``), so they travel with it.

A photo path on the inspector's laptop means nothing on the office PC or after sync, so at save
time the file's bytes are copied into an attributes table next to the inspections, keyed by the
photo UUID that the inspection's ``photos`` field names (``<photo uuid>/<file name>``).
"""

from __future__ import annotations

import hashlib
import json
import mimetypes
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from gisdesk.core.audit import FeatureChange

PHOTO_TABLE = "gisdesk_photos"

_CREATE = f"""
CREATE TABLE IF NOT EXISTS "{PHOTO_TABLE}" (
    "fid" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "uuid" TEXT NOT NULL UNIQUE,
    "inspection_uuid" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "media_type" TEXT,
    "sha256" TEXT NOT NULL,
    "added_at" DATETIME NOT NULL,
    "data" BLOB NOT NULL
)"""


@dataclass(frozen=True)
class Photo:
    """One stored photo."""

    uuid: str
    inspection_uuid: str
    file_name: str
    media_type: str | None
    sha256: str
    data: bytes


def _ensure_table(conn: sqlite3.Connection, stamp: str) -> None:
    conn.execute(_CREATE)
    conn.execute(
        f'CREATE INDEX IF NOT EXISTS "{PHOTO_TABLE}_inspection_idx" '
        f'ON "{PHOTO_TABLE}" ("inspection_uuid")'
    )
    conn.execute(
        "INSERT OR IGNORE INTO gpkg_contents "
        "(table_name, data_type, identifier, description, last_change) "
        "VALUES (?, 'attributes', ?, 'GIS Desk inspection photos', ?)",
        (PHOTO_TABLE, PHOTO_TABLE, stamp),
    )


def write_photos(conn: sqlite3.Connection, change: FeatureChange, stamp: str) -> int:
    """Copy the photo files of a newly added inspection into the file; returns how many.

    Raises OSError (a missing or unreadable photo) so the caller rolls the whole save back.
    """
    note = change.notes.get("photo_files")
    if change.before is not None or change.after is None or not note:
        return 0
    _ensure_table(conn, stamp)
    rows = []
    for photo_id, path in json.loads(note):
        data = Path(path).read_bytes()
        media = mimetypes.guess_type(path)[0]
        digest = hashlib.sha256(data).hexdigest()
        rows.append((photo_id, change.uuid, Path(path).name, media, digest, stamp, data))
    conn.executemany(
        f'INSERT OR REPLACE INTO "{PHOTO_TABLE}" '  # noqa: S608 - fixed table name
        '("uuid", "inspection_uuid", "file_name", "media_type", "sha256", "added_at", "data") '
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    return len(rows)


def read_photos(path: Path, inspection_uuid: str) -> list[Photo]:
    """The photos stored for one inspection, in the order they were attached."""
    conn = sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True)
    try:
        exists = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (PHOTO_TABLE,)
        ).fetchone()
        if not exists:
            return []
        found = conn.execute(
            f'SELECT "uuid", "inspection_uuid", "file_name", "media_type", "sha256", "data" '  # noqa: S608
            f'FROM "{PHOTO_TABLE}" WHERE "inspection_uuid" = ? ORDER BY "fid"',
            (inspection_uuid,),
        ).fetchall()
    finally:
        conn.close()
    return [Photo(*row) for row in found]
