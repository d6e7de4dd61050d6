"""Saving into a read-only GeoPackage: a clear error, nothing written, the edits kept.

Root ignores file permissions, and CI runs as root; so the save runs in a child process as the
unprivileged user ``nobody`` (``setpriv``), the situation of an office user whose shared data
folder is read-only.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest
from _edit_fixtures import write_city

TESTS = Path(__file__).resolve().parent

CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    sys.path.insert(0, {tests!r})
    from _edit_fixtures import ADMIN, open_project, uuids
    from gisdesk.core.edits import SetAttribute
    from gisdesk.core.edits_session import EditSession
    from gisdesk.core.journal import Journal, journal_path_for, pending_journal
    from gisdesk.io.gpkg_store import StoreError, save_session

    city = Path({city!r})
    project = open_project(city)
    session = EditSession(project, ADMIN, Journal(journal_path_for(city)))
    session.apply(SetAttribute(layer="water_mains", uuid=uuids(6, 1)[0], field="notes",
                               value="read-only test"))
    try:
        save_session(session)
    except StoreError as exc:
        print("ERROR", exc)
    else:
        print("SAVED")
    print("PENDING", len(session.pending_changes()))
    print("JOURNAL", pending_journal(journal_path_for(city)) is not None)
    """
)


def _as_nobody() -> list[str]:
    if os.geteuid() != 0:
        return []  # already unprivileged: permissions apply
    if shutil.which("setpriv") is None:
        pytest.skip("setpriv (util-linux) is needed to drop root for this test")
    return ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]


@pytest.fixture
def open_tmp():
    """A temp folder ``nobody`` can reach (pytest's own is private to root)."""
    with tempfile.TemporaryDirectory(prefix="gisdesk-ro-") as name:
        yield Path(name)
        for path in Path(name).rglob("*"):
            if path.is_dir():
                path.chmod(0o755)


def test_gpkg_store_readonly_file_refused_and_edits_kept(open_tmp: Path) -> None:
    tmp_path = open_tmp
    folder = tmp_path / "shared"
    folder.mkdir()
    city = write_city(folder / "city.gpkg")
    config = tmp_path / "config"
    config.mkdir()
    for path in (tmp_path, config):
        path.chmod(0o777)  # the child's own config folder (journals) stays writable
    folder.chmod(0o555)
    city.chmod(0o444)
    before = hashlib.sha256(city.read_bytes()).hexdigest()
    env = dict(os.environ, GISDESK_CONFIG_DIR=str(config), HOME=str(config))
    script = CHILD.format(tests=str(TESTS), city=str(city))
    proc = subprocess.run(
        [*_as_nobody(), sys.executable, "-c", script], capture_output=True, text=True,
        env=env, cwd=config, timeout=120, check=False,
    )
    folder.chmod(0o755)
    assert proc.returncode == 0, proc.stderr
    lines = dict(line.split(" ", 1) for line in proc.stdout.splitlines())
    assert lines["ERROR"].startswith(f"Could not save to {city}: the file is read-only.")
    assert "your edits are kept" in lines["ERROR"]
    assert lines["PENDING"] == "1"
    assert lines["JOURNAL"] == "True"  # a crash now would still not lose the edit
    assert hashlib.sha256(city.read_bytes()).hexdigest() == before
