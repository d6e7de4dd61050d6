"""The ``gisdesk_audit`` table: the audit trail stored inside the GeoPackage it describes.

It is registered in ``gpkg_contents`` as an attributes table, so GDAL, QGIS and ogrinfo list it
like any other layer, and it travels with the data.
"""

from __future__ import annotations

import csv
import sqlite3
from dataclasses import fields
from pathlib import Path

from gisdesk.core.audit import AuditRecord

AUDIT_TABLE = "gisdesk_audit"
_COLUMNS = [f.name for f in fields(AuditRecord)]

_CREATE = f"""
CREATE TABLE IF NOT EXISTS "{AUDIT_TABLE}" (
    "fid" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "changed_at" DATETIME NOT NULL,
    "user_name" TEXT NOT NULL,
    "opd" TEXT,
    "workstation" TEXT,
    "layer" TEXT NOT NULL,
    "feature_uuid" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "field" TEXT,
    "old_value" TEXT,
    "new_value" TEXT
)"""


def ensure_audit_table(conn: sqlite3.Connection, stamp: str) -> None:
    """Create and register the audit table if this file does not have it yet."""
    conn.execute(_CREATE)
    conn.execute(
        f'CREATE INDEX IF NOT EXISTS "{AUDIT_TABLE}_feature_idx" '
        f'ON "{AUDIT_TABLE}" ("feature_uuid")'
    )
    conn.execute(
        "INSERT OR IGNORE INTO gpkg_contents "
        "(table_name, data_type, identifier, description, last_change) "
        "VALUES (?, 'attributes', ?, 'GIS Desk audit trail', ?)",
        (AUDIT_TABLE, AUDIT_TABLE, stamp),
    )


def write_audit(conn: sqlite3.Connection, records: list[AuditRecord], stamp: str) -> None:
    """Append ``records`` (inside the caller's transaction)."""
    if not records:
        return
    ensure_audit_table(conn, stamp)
    cols = ", ".join(f'"{c}"' for c in _COLUMNS)
    marks = ", ".join("?" for _ in _COLUMNS)
    conn.executemany(
        f'INSERT INTO "{AUDIT_TABLE}" ({cols}) VALUES ({marks})',  # noqa: S608 - fixed names
        [tuple(getattr(r, c) for c in _COLUMNS) for r in records],
    )
    conn.execute(
        "UPDATE gpkg_contents SET last_change = ? WHERE table_name = ?", (stamp, AUDIT_TABLE)
    )


def read_history(
    path: Path, feature_uuid: str | None = None, layer: str | None = None
) -> list[AuditRecord]:
    """Audit records of a file, oldest first, optionally for one feature or one layer."""
    conn = sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True)
    try:
        exists = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (AUDIT_TABLE,)
        ).fetchone()
        if not exists:
            return []
        cols = ", ".join(f'"{c}"' for c in _COLUMNS)
        query = (
            f'SELECT {cols} FROM "{AUDIT_TABLE}" '  # noqa: S608 - fixed names
            "WHERE (? IS NULL OR feature_uuid = ?) AND (? IS NULL OR layer = ?) ORDER BY fid"
        )
        found = conn.execute(query, (feature_uuid, feature_uuid, layer, layer)).fetchall()
    finally:
        conn.close()
    return [AuditRecord(*row) for row in found]


def export_csv(records: list[AuditRecord], path: Path) -> None:
    """Write audit records to a CSV file (UTF-8, header row) for people outside GIS Desk."""
    with Path(path).open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(_COLUMNS)
        writer.writerows([getattr(r, c) for c in _COLUMNS] for r in records)
