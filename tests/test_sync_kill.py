"""SIGKILL during a sync, at every step and at random moments: nothing lost, nothing doubled."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pyogrio
import pytest
from test_sync_hubs import U1, U2, write_mains

from gisdesk.io.gpkg_store_blob import register_functions
from gisdesk.sync.folder_hub import FolderHub
from gisdesk.sync.working_copy import WorkingCopy

KEYS = {"water_mains": "uuid"}
POINTS = ["snapshot", "before_push", "after_push", "after_pull", "after_base"]


def edit(path: Path, statement: str, params: tuple) -> None:
    with sqlite3.connect(path) as conn:
        register_functions(conn)
        conn.execute(statement, params)
    conn.close()


def run_sync(folder: Path, author: str, env_extra: dict[str, str]) -> subprocess.Popen:
    env = {**os.environ, **env_extra}
    return subprocess.Popen(
        [sys.executable, "-m", "gisdesk", "sync", str(folder), "--author", author],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )


def check_consistent(hub: FolderHub, copies: list[WorkingCopy]) -> None:
    with sqlite3.connect(hub.data) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    expected = pyogrio.read_dataframe(hub.data, layer="water_mains").set_index("uuid")
    for copy in copies:
        got = pyogrio.read_dataframe(copy.data, layer="water_mains").set_index("uuid")
        assert got[["condition", "notes"]].sort_index().equals(
            expected[["condition", "notes"]].sort_index()
        )


@pytest.mark.parametrize("point", POINTS)
def test_sync_kill_at_each_step_then_resume(tmp_path: Path, point: str) -> None:
    hub = FolderHub.init(tmp_path / "hub", write_mains(tmp_path / "src.gpkg"), KEYS, "adm")
    a = WorkingCopy.checkout(hub, tmp_path / "a")
    b = WorkingCopy.checkout(hub, tmp_path / "b")
    edit(b.data, "UPDATE water_mains SET notes = 'from b' WHERE uuid = ?", (U2,))
    b.sync("budi")
    edit(a.data, "UPDATE water_mains SET condition = 1 WHERE uuid = ?", (U1,))
    proc = run_sync(a.folder, "ani", {"GISDESK_FAULT_POINT": point})
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    finish = run_sync(a.folder, "ani", {})
    assert finish.wait(timeout=60) == 0, finish.stderr.read()
    b.sync("budi")
    a = WorkingCopy(a.folder)
    check_consistent(hub, [a, b])
    frame = pyogrio.read_dataframe(hub.data, layer="water_mains").set_index("uuid")
    assert frame.loc[U1, "condition"] == 1 and frame.loc[U2, "notes"] == "from b"
    pushes = [r for r in hub.log() if r.author == "ani" and "water_mains" in r.summary]
    assert len(pushes) == 1, [r.summary for r in hub.log()]  # applied once
    assert a.state.pending_sync is None


def test_sync_kill_at_random_moments(tmp_path: Path) -> None:
    hub = FolderHub.init(tmp_path / "hub", write_mains(tmp_path / "src.gpkg"), KEYS, "adm")
    a = WorkingCopy.checkout(hub, tmp_path / "a")
    rng = random.Random(7)
    for round_ in range(6):
        edit(a.data, "UPDATE water_mains SET condition = ? WHERE uuid = ?", (round_ % 5 + 1, U1))
        proc = run_sync(a.folder, "ani", {})
        time.sleep(rng.uniform(0.3, 1.2))  # interpreter start-up is ~0.5 s of this
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        finish = run_sync(a.folder, "ani", {})
        assert finish.wait(timeout=60) == 0, finish.stderr.read()
        check_consistent(hub, [WorkingCopy(a.folder)])
        frame = pyogrio.read_dataframe(hub.data, layer="water_mains").set_index("uuid")
        assert frame.loc[U1, "condition"] == round_ % 5 + 1


def die_writing(path: Path, statement: str) -> None:
    """A process killed in the middle of a large write to ``path``: a hot journal is left.

    The tiny page cache makes SQLite write pages into the file before COMMIT, which is what a
    kill during a big push or pull leaves behind.
    """
    code = (
        "import os, signal, sqlite3, sys\n"
        "from gisdesk.io.gpkg_store_blob import register_functions\n"
        "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "register_functions(c)\n"
        "c.execute('PRAGMA cache_size = 1')\n"
        "c.execute('BEGIN IMMEDIATE')\n"
        "c.execute(sys.argv[2])\n"
        "c.execute('CREATE TABLE half_done (x)')\n"
        "c.executemany('INSERT INTO half_done VALUES (?)', [('x' * 500,)] * 2000)\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code, str(path), statement], check=False)
    assert proc.returncode == -signal.SIGKILL
    assert Path(f"{path}-journal").exists()


def test_sync_kill_hub_write_interrupted_others_still_sync(tmp_path: Path) -> None:
    """A workstation killed while writing the hub must not stop the others (their reads are
    read-only connections, which cannot roll the half-done write back themselves)."""
    hub = FolderHub.init(tmp_path / "hub", write_mains(tmp_path / "src.gpkg"), KEYS, "adm")
    b = WorkingCopy.checkout(hub, tmp_path / "b")
    die_writing(hub.data, "UPDATE water_mains SET notes = 'half done'")
    edit(b.data, "UPDATE water_mains SET condition = 1 WHERE uuid = ?", (U1,))
    assert b.sync("budi").revision == 1
    frame = pyogrio.read_dataframe(hub.data, layer="water_mains").set_index("uuid")
    assert frame.loc[U1, "condition"] == 1 and "half done" not in set(frame["notes"])
    with sqlite3.connect(hub.data) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'half_done'").fetchone()
    conn.close()


def test_sync_kill_stale_scratch_journal_not_played_into_new_snapshot(tmp_path: Path) -> None:
    """A pull killed while writing the scratch snapshot leaves its journal; the next sync makes
    a new snapshot, and the old journal must not be rolled back into it."""
    hub = FolderHub.init(tmp_path / "hub", write_mains(tmp_path / "src.gpkg"), KEYS, "adm")
    a = WorkingCopy.checkout(hub, tmp_path / "a")
    scratch = a.meta / "next_base.gpkg"
    shutil.copy(a.data, scratch)
    die_writing(scratch, "UPDATE water_mains SET notes = 'stale'")
    edit(a.data, "UPDATE water_mains SET condition = 1 WHERE uuid = ?", (U1,))
    assert len(a.sync("ani").pushed) == 1
    frame = pyogrio.read_dataframe(hub.data, layer="water_mains").set_index("uuid")
    assert frame.loc[U1, "condition"] == 1
    assert a.local_changes() == []
    with sqlite3.connect(a.meta / "base.gpkg") as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
