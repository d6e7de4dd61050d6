"""The folder hub: the city's master GeoPackage and its history in a shared folder.

It needs no server: a folder on a shared drive or a USB stick holds ``hub.json``, ``data.gpkg``
(the master data plus the bookkeeping tables ``gisdesk_revisions``, ``gisdesk_changes`` and
``gisdesk_conflicts``) and a lock file. A push is ONE SQLite transaction that applies the changes,
logs them and adds the revision, so a killed process leaves the hub at the old or the new revision,
never between. Two workstations syncing at the same moment are serialised by the lock file
(``filelock``: OS-level locks on Windows and Linux).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from filelock import FileLock, Timeout

from gisdesk.sync.apply import apply_changes, connect
from gisdesk.sync.changelog import (
    Revision,
    coalesce,
    row_to_json,
    summarise,
    value_to_json,
)
from gisdesk.sync.merge import Change, Conflict
from gisdesk.sync.sqlite_files import discard_journal, open_readonly

HUB_FORMAT = "gisdesk-folder-hub"
HUB_SCHEMA_VERSION = 1

_BOOKKEEPING = """
CREATE TABLE IF NOT EXISTS gisdesk_revisions (
    number INTEGER PRIMARY KEY, author TEXT NOT NULL, time TEXT NOT NULL,
    summary TEXT NOT NULL, sync_id TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS gisdesk_changes (
    id INTEGER PRIMARY KEY, revision INTEGER NOT NULL, layer TEXT NOT NULL, uuid TEXT NOT NULL,
    kind TEXT NOT NULL, old TEXT, new TEXT);
CREATE INDEX IF NOT EXISTS gisdesk_changes_rev ON gisdesk_changes (revision);
CREATE INDEX IF NOT EXISTS gisdesk_changes_uuid ON gisdesk_changes (uuid);
CREATE TABLE IF NOT EXISTS gisdesk_conflicts (
    id INTEGER PRIMARY KEY, revision INTEGER NOT NULL, layer TEXT NOT NULL, uuid TEXT NOT NULL,
    field TEXT, kind TEXT NOT NULL, base TEXT, mine TEXT, theirs TEXT, author TEXT NOT NULL,
    resolved_by TEXT, restored INTEGER NOT NULL DEFAULT 0, kept TEXT);
"""
BOOKKEEPING_TABLES = ("gisdesk_revisions", "gisdesk_changes", "gisdesk_conflicts")


class HubError(RuntimeError):
    """The hub cannot be used (missing, busy, wrong format); the message says what to do."""


class FolderHub:
    """A hub in a folder; see the module docstring for its layout."""

    def __init__(self, folder: Path, lock_timeout: float = 30.0) -> None:
        self.folder = Path(folder)
        meta = self.folder / "hub.json"
        if not meta.is_file():
            raise HubError(f"{self.folder} is not a GIS Desk hub (no hub.json). Check the path "
                           "or create one with 'gisdesk hub init'.")
        info = json.loads(meta.read_text(encoding="utf-8"))
        if info.get("format") != HUB_FORMAT:
            raise HubError(f"{meta}: not a GIS Desk folder hub")
        if int(info.get("schema_version", 0)) > HUB_SCHEMA_VERSION:
            raise HubError(f"{meta}: made by a newer GIS Desk; upgrade GIS Desk to use it")
        self.keys: dict[str, str] = dict(info["keys"])
        self.data = self.folder / "data.gpkg"
        self._lock = FileLock(str(self.folder / ".lock"), timeout=lock_timeout)

    @classmethod
    def init(cls, folder: Path, source: Path, keys: dict[str, str], author: str) -> FolderHub:
        """Create a hub in ``folder`` from the GeoPackage ``source`` (revision 0)."""
        folder = Path(folder)
        if (folder / "hub.json").exists():
            raise HubError(f"{folder} already holds a hub")
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / "data.gpkg.tmp"
        _copy_sqlite(source, tmp)
        with sqlite3.connect(tmp) as conn:
            conn.executescript(_BOOKKEEPING)
            conn.execute(
                "INSERT INTO gisdesk_revisions VALUES (0, ?, ?, 'hub created', 'init')",
                (author, _now()),
            )
        conn.close()
        tmp.replace(folder / "data.gpkg")
        meta = {"format": HUB_FORMAT, "schema_version": HUB_SCHEMA_VERSION, "keys": keys,
                "created": _now()}
        (folder / "hub.json").write_text(json.dumps(meta, indent=2), encoding="utf-8")
        return cls(folder)

    @property
    def spec(self) -> str:
        """What a working copy stores to find this hub again."""
        return str(self.folder.resolve())

    def describe(self) -> str:
        """Where the hub is, for status lines and messages."""
        return f"folder hub {self.folder}"

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the hub's lock; HubError if another workstation holds it too long."""
        try:
            with self._lock:
                yield
        except Timeout as exc:
            raise HubError(
                f"{self.describe()} is busy (another workstation is syncing); try again shortly"
            ) from exc

    def head(self) -> int:
        """Newest revision number."""
        with self._read() as conn:
            return int(conn.execute("SELECT max(number) FROM gisdesk_revisions").fetchone()[0])

    def has_sync(self, sync_id: str) -> int | None:
        """The revision a sync already produced (a retried push), or None."""
        with self._read() as conn:
            row = conn.execute(
                "SELECT number FROM gisdesk_revisions WHERE sync_id = ?", (sync_id,)
            ).fetchone()
        return None if row is None else int(row[0])

    def changes_since(self, revision: int) -> list[Change]:
        """Every feature changed after ``revision``, one coalesced change each."""
        with self._read() as conn:
            rows = conn.execute(
                "SELECT layer, uuid, old, new FROM gisdesk_changes WHERE revision > ? "
                "ORDER BY revision, id",
                (revision,),
            ).fetchall()
        return coalesce(rows)

    def columns(self) -> dict[str, list[tuple[str, str]]]:
        """(name, SQL type) of each synced table, to carry schema changes to working copies."""
        with self._read() as conn:
            return {
                t: [(r[1], r[2]) for r in conn.execute(f'PRAGMA table_info("{t}")')]
                for t in self.keys
            }

    def commit(
        self, changes: list[Change], conflicts: list[Conflict], author: str, sync_id: str
    ) -> int:
        """Apply ``changes`` and record them as a new revision, atomically; returns its number.

        Call inside :meth:`locked`. A sync_id seen before returns that revision untouched, so a
        push retried after a crash is applied once.
        """
        done = self.has_sync(sync_id)
        if done is not None:
            return done
        conn = connect(self.data)
        try:
            conn.execute("BEGIN IMMEDIATE")
            number = int(conn.execute("SELECT max(number) FROM gisdesk_revisions").fetchone()[0])
            number += 1
            apply_changes(conn, changes, self.keys)
            _add_kept_column(conn)
            conn.executemany(
                "INSERT INTO gisdesk_changes (revision, layer, uuid, kind, old, new) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [(number, c.layer, c.uuid, c.kind, row_to_json(c.old), row_to_json(c.new))
                 for c in changes],
            )
            conn.executemany(
                "INSERT INTO gisdesk_conflicts (revision, layer, uuid, field, kind, base, mine, "
                "theirs, author, resolved_by, kept) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(number, c.layer, c.uuid, c.field, c.kind, value_to_json(c.base),
                  value_to_json(c.mine), value_to_json(c.theirs), author,
                  None if c.resolved_by is None else str(c.resolved_by), value_to_json(c.kept))
                 for c in conflicts],
            )
            conn.execute(
                "INSERT INTO gisdesk_revisions VALUES (?, ?, ?, ?, ?)",
                (number, author, _now(), summarise(changes, conflicts), sync_id),
            )
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        finally:
            conn.close()
        return number

    def checkout(self, target: Path) -> int:
        """Copy the master data (without bookkeeping) to ``target``; returns the revision."""
        with self.locked():
            revision = self.head()
            _copy_sqlite(self.data, target)
        with sqlite3.connect(target) as conn:
            for table in BOOKKEEPING_TABLES:
                conn.execute(f'DROP TABLE IF EXISTS "{table}"')
        conn.close()
        return revision

    def log(self, limit: int = 50) -> list[Revision]:
        """Newest revisions first."""
        with self._read() as conn:
            rows = conn.execute(
                "SELECT number, author, time, summary, sync_id FROM gisdesk_revisions "
                "ORDER BY number DESC LIMIT ?",
                (limit,),
            ).fetchall()
        return [Revision(*row) for row in rows]

    def conflicts(self, uuid: str | None = None) -> list[dict]:
        """Conflict records (all, or one asset's) with their revision's time: nothing anybody
        typed is lost. Values are JSON text; ``kept`` is absent from records made before it
        was recorded."""
        sql = ("SELECT c.*, r.time AS time FROM gisdesk_conflicts c "
               "LEFT JOIN gisdesk_revisions r ON r.number = c.revision")
        params: tuple = ()
        if uuid is not None:
            sql, params = sql + " WHERE c.uuid = ?", (uuid,)
        with self._read() as conn:
            conn.row_factory = sqlite3.Row
            return [dict(r) for r in conn.execute(sql + " ORDER BY c.id", params)]

    def revision_changes(self, number: int) -> list[Change]:
        """What one revision changed (for the history view)."""
        with self._read() as conn:
            rows = conn.execute(
                "SELECT layer, uuid, old, new FROM gisdesk_changes WHERE revision = ? ORDER BY id",
                (number,),
            ).fetchall()
        return coalesce(rows)

    def feature_history(
        self, uuid: str
    ) -> list[tuple[int, str, str, str | None, str | None, str, str]]:
        """(revision, author, kind, old, new, time, layer) of every change to one asset,
        oldest first."""
        with self._read() as conn:
            return conn.execute(
                "SELECT c.revision, r.author, c.kind, c.old, c.new, r.time, c.layer "
                "FROM gisdesk_changes c "
                "JOIN gisdesk_revisions r ON r.number = c.revision WHERE c.uuid = ? "
                "ORDER BY c.revision, c.id",
                (uuid,),
            ).fetchall()

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        if not self.data.is_file():
            raise HubError(f"{self.describe()} is unreachable ({self.data} not found)")
        conn = open_readonly(self.data)  # after a push killed mid-write, rolls it back first
        try:
            yield conn
        finally:
            conn.close()


def _add_kept_column(conn: sqlite3.Connection) -> None:
    """Hubs made before conflict records kept the winning value get the column (inside the
    push's transaction, so a killed push leaves the hub as it was)."""
    have = {r[1] for r in conn.execute("PRAGMA table_info(gisdesk_conflicts)")}
    if "kept" not in have:
        conn.execute("ALTER TABLE gisdesk_conflicts ADD COLUMN kept TEXT")


def _copy_sqlite(source: Path, target: Path) -> None:
    """Consistent copy of a live SQLite file (the backup API, not a byte copy)."""
    tmp = Path(str(target) + ".part")
    tmp.unlink(missing_ok=True)
    discard_journal(tmp)
    src = open_readonly(source)
    dst = sqlite3.connect(tmp)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    discard_journal(target)  # a killed write's journal must not be played into the new copy
    tmp.replace(target)


def copy_geopackage(source: Path, target: Path) -> None:
    """Public wrapper of the consistent copy, used by working copies for their base."""
    _copy_sqlite(source, target)


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

