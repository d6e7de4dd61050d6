"""Opening sync's SQLite files safely after a process was killed in the middle of writing one.

A process killed inside a write transaction (a push into the folder hub, a pull into a working
copy) leaves a *hot* rollback journal next to the file. SQLite undoes the half-done write the next
time the file is opened — but only by a connection that may write: a read-only connection fails
with "attempt to write a readonly database". Sync reads through read-only connections (they never
take write locks on a shared hub), so they first let a normal connection do the recovery.

A journal left next to a file that is then *replaced* (a scratch copy made again after a kill) is
worse: SQLite would play it back into the new file and corrupt it. :func:`discard_journal`
removes it before the replacement lands.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

_SIDE_FILES = ("-journal", "-wal", "-shm")


def recover_journal(path: Path) -> None:
    """Roll back a write a killed process left half-done in ``path`` (no-op when there is none).

    Only a journal file triggers the check, so the usual cost is one stat. When the folder is
    read-only to us the recovery cannot happen; the read that follows reports the problem.
    """
    if not Path(f"{path}-journal").exists():
        return
    try:
        conn = sqlite3.connect(path, timeout=30)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return


def open_readonly(path: Path, timeout: float = 30) -> sqlite3.Connection:
    """A read-only connection to ``path``, after any interrupted write has been rolled back."""
    recover_journal(path)
    return sqlite3.connect(f"file:{Path(path)}?mode=ro", uri=True, timeout=timeout)


def discard_journal(path: Path) -> None:
    """Delete journal/WAL side files of ``path``: call only when its content is being discarded."""
    for suffix in _SIDE_FILES:
        Path(f"{path}{suffix}").unlink(missing_ok=True)
