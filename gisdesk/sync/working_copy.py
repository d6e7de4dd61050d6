"""A working copy: a GeoPackage anyone can edit offline, and the sync that reconciles it.

Layout of a working-copy folder::

    data.gpkg               the data; GIS Desk, QGIS or GDAL edit it directly
    .gisdesk/base.gpkg      the data as of the last sync (what local changes are measured from)
    .gisdesk/state.json     hub, revision, file stamp, an unfinished sync, unresolved conflicts

Sync (all of it under the hub's lock):

1. snapshot ``data.gpkg`` (SQLite backup) so edits made *during* the sync are not mistaken for
   synced ones;
2. mine = snapshot − base (pygeodiff, by UUID); theirs = the hub's changes since our revision;
3. three-way merge per field (:mod:`gisdesk.sync.merge`);
4. push: one hub transaction, tagged with a sync id that is saved in ``state.json`` *before*
   pushing, so a retry after a kill is recognised and not applied twice;
5. pull: apply theirs to ``data.gpkg`` and to the snapshot in transactions;
6. the snapshot becomes the new base (atomic rename), then ``state.json`` (atomic rename).

A kill between any two steps leaves both sides consistent, and running sync again completes it:
every apply is idempotent and the per-field merge of a change against itself is a no-op.
"""

from __future__ import annotations

import json
import os
import signal
import tempfile
import uuid as uuidlib
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Literal

from gisdesk.io.gpkg_store_tables import quote
from gisdesk.sync.apply import apply_changes, connect
from gisdesk.sync.changes import detect_changes
from gisdesk.sync.folder_hub import HubError, copy_geopackage
from gisdesk.sync.hubs import Hub, open_hub
from gisdesk.sync.merge import Change, Conflict, FieldPolicies, MergeResult, merge
from gisdesk.sync.sqlite_files import open_readonly

STATE_VERSION = 1


class SyncError(RuntimeError):
    """A sync did not complete; nothing is lost and running sync again finishes it."""


class SyncCancelled(SyncError):  # noqa: N818 - a user's choice, not a fault
    """The user cancelled before anything was sent; the working copy is as it was."""


@dataclass
class SyncState:
    """What ``.gisdesk/state.json`` holds."""

    hub: str
    revision: int
    stamp: list[float] = field(default_factory=list)  # [size, mtime] of data.gpkg after sync
    pending_sync: str | None = None
    conflicts: list[dict] = field(default_factory=list)
    version: int = STATE_VERSION


@dataclass
class SyncReport:
    """What one sync did, for the status bar, the CLI and the history."""

    revision: int
    pushed: list[Change]
    pulled: list[Change]
    conflicts: list[Conflict]
    up_to_date: bool = False

    def describe(self) -> str:
        """One line: "revision 7: 3 sent, 12 received, 1 conflict to resolve"."""
        if self.up_to_date:
            return f"revision {self.revision}: already up to date"
        open_ = [c for c in self.conflicts if c.resolved_by is None]
        return (f"revision {self.revision}: {len(self.pushed)} sent, {len(self.pulled)} "
                f"received, {len(open_)} conflict(s) to resolve")


class WorkingCopy:
    """A checked-out folder bound to one hub."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.data = self.folder / "data.gpkg"
        self.meta = self.folder / ".gisdesk"
        state_path = self.meta / "state.json"
        if not state_path.is_file():
            raise SyncError(f"{self.folder} is not a GIS Desk working copy (no .gisdesk/state.json)"
                            "; create one with 'gisdesk checkout'")
        raw = json.loads(state_path.read_text(encoding="utf-8"))
        if int(raw.get("version", 0)) > STATE_VERSION:
            raise SyncError(f"{state_path}: written by a newer GIS Desk; upgrade GIS Desk")
        self.state = SyncState(**raw)

    @classmethod
    def checkout(cls, hub: Hub, folder: Path) -> WorkingCopy:
        """Copy the hub's head into a new working-copy folder."""
        folder = Path(folder)
        if (folder / ".gisdesk" / "state.json").exists():
            raise SyncError(f"{folder} is already a working copy; use 'gisdesk sync' there")
        (folder / ".gisdesk").mkdir(parents=True, exist_ok=True)
        revision = hub.checkout(folder / "data.gpkg")
        copy_geopackage(folder / "data.gpkg", folder / ".gisdesk" / "base.gpkg")
        state = SyncState(hub=hub.spec, revision=revision)
        state.stamp = _stamp(folder / "data.gpkg")
        _write_state(folder / ".gisdesk", state)
        return cls(folder)

    def hub(self) -> Hub:
        """The hub this copy syncs with; HubError when it is unreachable."""
        return open_hub(self.state.hub)

    def local_changes(self) -> list[Change]:
        """Edits since the last sync, by UUID (works for edits made in QGIS or GDAL too)."""
        return detect_changes(self.meta / "base.gpkg", self.data, self.hub().keys)

    def preview(self, policies: FieldPolicies | None = None) -> MergeResult:
        """What a sync would do now: to_hub goes up, to_local comes down, conflicts wait."""
        hub = self.hub()
        mine = detect_changes(self.meta / "base.gpkg", self.data, hub.keys)
        return merge(mine, hub.changes_since(self.state.revision), policies)

    def resolve(self, index: int, keep: Literal["mine", "theirs"]) -> None:
        """Settle unresolved conflict ``index`` of ``state.conflicts``.

        Keeping mine writes my value back into ``data.gpkg`` as an ordinary local edit (the next
        sync sends it); keeping theirs changes nothing locally. For a feature one side deleted,
        "mine" re-applies my delete or keeps my edited feature. Either way the conflict leaves
        the list; the hub's conflict record stays as history.
        """
        record = self.state.conflicts[index]
        keys = self.hub().keys
        if keep == "mine":
            change = _resolution_change(record)
            if change is not None:
                _apply_file(self.data, [change], keys)
        del self.state.conflicts[index]
        _write_state(self.meta, self.state)

    def sync(
        self, author: str, policies: FieldPolicies | None = None,
        progress: Callable[[int, int, str], None] | None = None,
        cancel: Callable[[], bool] | None = None,
    ) -> SyncReport:
        """Push local edits, pull the hub's, merge per field; see the module docstring.

        ``progress(done, total, step)`` reports the steps; ``cancel()`` is honoured until the
        push starts (after that, stopping would only leave work for the next sync).
        """
        self._progress = progress or (lambda done, total, step: None)
        self._cancel = cancel or (lambda: False)
        hub = self.hub()
        if (self.state.pending_sync is None and _stamp(self.data) == self.state.stamp
                and hub.head() == self.state.revision and not _schema_behind(hub, self.data)):
            return SyncReport(self.state.revision, [], [], [], up_to_date=True)
        with hub.locked():
            return self._sync_locked(hub, author, policies)

    def _sync_locked(
        self, hub: Hub, author: str, policies: FieldPolicies | None
    ) -> SyncReport:
        snapshot = self.meta / "next_base.gpkg"
        self._step(0, "snapshot")
        copy_geopackage(self.data, snapshot)
        _fault_point("snapshot")
        files = [self.data, snapshot, self.meta / "base.gpkg"]
        added = _add_missing_columns(hub, files)
        if added:
            _fill_added_columns(hub, added, files)
        self._step(1, "local changes")
        mine = detect_changes(self.meta / "base.gpkg", snapshot, hub.keys)
        self._step(2, "hub changes")
        head = hub.head()  # before reading: a revision landing meanwhile is read again next time
        theirs = hub.changes_since(self.state.revision)
        result = merge(mine, theirs, policies)
        self._step(3, "send")
        if self.state.pending_sync is None and not result.to_hub and not result.conflicts:
            # Nothing to send: no empty revision. Each pull-only sync used to add one, so two
            # workstations kept moving the head for each other and no sync was ever a no-op.
            revision = head
        else:
            if self.state.pending_sync is None:
                self.state.pending_sync = uuidlib.uuid4().hex
                _write_state(self.meta, self.state)
            _fault_point("before_push")
            revision = hub.commit(result.to_hub, result.conflicts, author,
                                  self.state.pending_sync)
        _fault_point("after_push")
        self._progress(4, 5, "receive")
        _apply_file(self.data, result.to_local, hub.keys)
        _fault_point("after_pull")
        _apply_file(snapshot, result.to_local, hub.keys)
        snapshot.replace(self.meta / "base.gpkg")
        _fault_point("after_base")
        self.state.revision = revision
        self.state.pending_sync = None
        self.state.stamp = _stamp(self.data)
        self.state.conflicts = [_conflict_dict(c) for c in result.unresolved] + [
            c for c in self.state.conflicts if not _superseded(c, result)
        ]
        _write_state(self.meta, self.state)
        self._progress(5, 5, "done")
        return SyncReport(revision, result.to_hub, result.to_local, result.conflicts)

    def _step(self, done: int, name: str) -> None:
        """Report a step; before the push a cancel request stops the sync cleanly."""
        if self.state.pending_sync is None and self._cancel():
            (self.meta / "next_base.gpkg").unlink(missing_ok=True)
            raise SyncCancelled("sync cancelled; nothing was sent or received")
        self._progress(done, 5, name)


def _resolution_change(record: dict) -> Change | None:
    """The local change that re-applies my side of a stored conflict record."""
    layer, uuid = record["layer"], record["uuid"]
    mine = _from_state(record["mine"])
    if record["kind"] == "delete_vs_edit":  # I deleted it: delete it again
        return Change(layer, uuid, "delete", _from_state(record["theirs"]), None)
    if record["kind"] == "edit_vs_delete":  # my edited feature is already back on the hub
        return None
    field_name = record["field"]
    return Change(layer, uuid, "update", {field_name: _from_state(record["theirs"])},
                  {field_name: mine})


def _from_state(value: object) -> object:
    if isinstance(value, dict) and set(value) == {"$wkb"}:
        return bytes.fromhex(str(value["$wkb"]))
    if isinstance(value, dict):
        return {k: _from_state(v) for k, v in value.items()}
    return value


def _fault_point(name: str) -> None:
    """Crash-test hook: the kill tests set GISDESK_FAULT_POINT to die exactly here."""
    if os.environ.get("GISDESK_FAULT_POINT") == name:
        os.kill(os.getpid(), signal.SIGKILL)


def _apply_file(path: Path, changes: list[Change], keys: dict[str, str]) -> None:
    if not changes:
        return
    conn = connect(path)
    try:
        conn.execute("BEGIN IMMEDIATE")
        apply_changes(conn, changes, keys)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    finally:
        conn.close()


def _add_missing_columns(hub: Hub, files: list[Path]) -> dict[str, list[str]]:
    """A field added on the hub reaches the working copy without a new checkout.

    Returns the columns added to the first file (``data.gpkg``), by table, so their values can
    be fetched: an admin who adds a field usually fills it too (a default, or a bulk update).
    """
    wanted = hub.columns()
    added: dict[str, list[str]] = {}
    for index, path in enumerate(files):
        conn = connect(path)
        try:
            for table, cols in wanted.items():
                have = {r[1] for r in conn.execute(f"PRAGMA table_info({quote(table)})")}
                for name, sql_type in cols:
                    if name not in have and have:
                        safe_type = sql_type if sql_type.replace(" ", "").isalnum() else "TEXT"
                        conn.execute(
                            f"ALTER TABLE {quote(table)} ADD COLUMN {quote(name)} {safe_type}"
                        )
                        if index == 0:
                            added.setdefault(table, []).append(name)
        finally:
            conn.close()
    return added


def _fill_added_columns(hub: Hub, added: dict[str, list[str]], files: list[Path]) -> None:
    """Copy the hub's values of newly added columns into ``files`` (same values everywhere, so
    they do not look like local edits). A fresh checkout is the one read every hub offers."""
    with tempfile.TemporaryDirectory(prefix="gisdesk-schema-") as tmp:
        fresh = Path(tmp) / "hub.gpkg"
        hub.checkout(fresh)
        source = open_readonly(fresh)
        try:
            values = {
                table: source.execute(
                    f"SELECT {', '.join(quote(c) for c in cols)}, {quote(hub.keys[table])} "  # noqa: S608
                    f"FROM {quote(table)}"
                ).fetchall()
                for table, cols in added.items()
            }
        finally:
            source.close()
    for path in files:
        conn = connect(path)
        try:
            with conn:
                for table, cols in added.items():
                    sets = ", ".join(f"{quote(c)} = ?" for c in cols)
                    conn.executemany(
                        f"UPDATE {quote(table)} SET {sets} WHERE {quote(hub.keys[table])} = ?",  # noqa: S608
                        values[table],
                    )
        finally:
            conn.close()


def _schema_behind(hub: Hub, data: Path) -> bool:
    """True when the hub has a column the working copy lacks (checked even on a no-op sync)."""
    conn = open_readonly(data)
    try:
        for table, cols in hub.columns().items():
            have = {r[1] for r in conn.execute(f"PRAGMA table_info({quote(table)})")}
            if have and any(name not in have for name, _type in cols):
                return True
    finally:
        conn.close()
    return False


def _conflict_dict(conflict: Conflict) -> dict:
    out = asdict(conflict)
    for key in ("base", "mine", "theirs", "kept"):
        if isinstance(out[key], bytes):
            out[key] = {"$wkb": out[key].hex()}
        elif isinstance(out[key], dict):
            out[key] = {k: ({"$wkb": v.hex()} if isinstance(v, bytes) else v)
                        for k, v in out[key].items()}
    return out


def _superseded(old: dict, result) -> bool:
    return any(c.layer == old["layer"] and c.uuid == old["uuid"] and c.field == old["field"]
               for c in result.conflicts)


def _stamp(path: Path) -> list[float]:
    st = path.stat()
    return [float(st.st_size), float(st.st_mtime_ns)]


def _write_state(meta: Path, state: SyncState) -> None:
    tmp = meta / "state.json.tmp"
    with tmp.open("w", encoding="utf-8") as fh:
        json.dump(asdict(state), fh, indent=2, default=str)
        fh.flush()
        os.fsync(fh.fileno())
    tmp.replace(meta / "state.json")


__all__ = ["HubError", "SyncError", "SyncReport", "SyncState", "WorkingCopy"]
