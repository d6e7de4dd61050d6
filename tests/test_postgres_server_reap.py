"""A test run killed mid-session leaves its PostgreSQL server running; the next run stops it."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from postgres_server import PostgresUnavailableError, _bindir, reap_stale_servers

TESTS = Path(__file__).resolve().parent


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.mark.postgres
def test_postgres_server_left_by_a_killed_run_is_reaped() -> None:
    try:
        _bindir()
    except PostgresUnavailableError as exc:
        pytest.skip(str(exc))
    child = subprocess.Popen(
        [sys.executable, "-c",
         f"import sys, time; sys.path.insert(0, {str(TESTS)!r});"
         "from postgres_server import PostgresServer;"
         "print(PostgresServer.start().root, flush=True); time.sleep(600)"],
        stdout=subprocess.PIPE, text=True,
    )
    root = Path(child.stdout.readline().strip())
    child.kill()  # as a CI timeout or a closed terminal would
    child.wait()
    postmaster = int((root / "data" / "postmaster.pid").read_text().split()[0])
    assert _alive(postmaster)  # the orphan is still running

    reaped = reap_stale_servers("postgres" if os.geteuid() == 0 else None)
    assert root in reaped and not root.exists()
    deadline = time.monotonic() + 10
    while _alive(postmaster) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(postmaster)
