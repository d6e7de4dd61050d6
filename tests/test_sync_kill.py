"""SIGKILL during a sync, at every step and at random moments: nothing lost, nothing doubled."""

from __future__ import annotations

import os
import random
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
