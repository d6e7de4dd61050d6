"""A save that cannot complete (locked, read-only, disk full) writes nothing and loses nothing."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import uuid

import pyogrio
import pytest
from _edit_fixtures import PDAM_EDITOR, open_project, uuids, write_city

from gisdesk.core.edits import SetAttribute
from gisdesk.core.edits_session import EditSession
from gisdesk.core.journal import Journal, pending_journal
from gisdesk.io import gpkg_store
from gisdesk.io.gpkg_store import StoreError, save_session

MAIN = uuids(6, 1)


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _edited_session(city, journal_path, notes="burst at joint"):
    session = EditSession(open_project(city), PDAM_EDITOR, Journal(journal_path))
    session.apply(SetAttribute(layer="water_mains", uuid=MAIN[0], field="notes", value=notes))
    session.apply(SetAttribute(layer="water_mains", uuid=MAIN[1], field="diameter_mm", value=300))
    return session


@pytest.fixture
def tmpfs(tmp_path):
    """A private tmpfs mount (root only); yields (mount point, mount options setter)."""
    point = tmp_path / "mnt"
    point.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(point)],
                             capture_output=True, check=False)
    if mounted.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (needs root)")
    yield point
    subprocess.run(["umount", "-l", str(point)], check=False)


def test_gpkg_store_locked_file_clear_error_then_saves(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(gpkg_store, "LOCK_TIMEOUT_S", 0.2)
    city = write_city(tmp_path / "city.gpkg")
    session = _edited_session(city, tmp_path / "j.jsonl")
    digest = _digest(city)
    other = sqlite3.connect(city, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # e.g. QGIS in the middle of its own save
    try:
        with pytest.raises(StoreError, match=r"city\.gpkg.*locked by another program.*Nothing"):
            save_session(session)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert _digest(city) == digest
    assert len(session.pending_changes()) == 2 and not session.is_clean
    assert len(pending_journal(tmp_path / "j.jsonl")) == 2
    save_session(session)
    assert pyogrio.read_dataframe(city, layer="water_mains").set_index("uuid").loc[
        MAIN[1], "diameter_mm"] == 300
    assert pending_journal(tmp_path / "j.jsonl") is None


def test_gpkg_store_read_only_file_keeps_edits_and_journal(tmp_path, tmpfs) -> None:
    city = write_city(tmpfs / "city.gpkg")
    journal = tmp_path / "j.jsonl"
    session = _edited_session(city, journal)
    subprocess.run(["mount", "-o", "remount,ro", str(tmpfs)], check=True)
    digest = _digest(city)
    with pytest.raises(StoreError, match=r"city\.gpkg.*read-only.*edits are kept"):
        save_session(session)
    assert _digest(city) == digest
    assert len(session.pending_changes()) == 2
    assert len(pending_journal(journal)) == 2
    # Saving a copy elsewhere is what the user does next: the edits are all still there.
    copy = shutil.copy(city, tmp_path / "copy.gpkg")
    assert pyogrio.read_dataframe(copy, layer="water_mains").set_index("uuid").loc[
        MAIN[1], "diameter_mm"] == 150


def test_gpkg_store_disk_full_rolls_back(tmp_path, tmpfs) -> None:
    city = shutil.copy(write_city(tmp_path / "city.gpkg"), tmpfs / "city.gpkg")
    session = _edited_session(city, tmp_path / "j.jsonl", notes="ok")
    big = " ".join(str(uuid.UUID(int=i)) for i in range(60000))  # ~2 MB of text
    session.apply(SetAttribute(layer="water_mains", uuid=MAIN[2], field="notes", value=big))
    free = shutil.disk_usage(tmpfs).free
    (tmpfs / "filler").write_bytes(b"\0" * max(0, free - 256 * 1024))
    digest = _digest(city)
    with pytest.raises(StoreError, match=r"city\.gpkg.*disk is full"):
        save_session(session)
    assert _digest(city) == digest
    with sqlite3.connect(city) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert len(session.pending_changes()) == 3
    assert len(pending_journal(tmp_path / "j.jsonl")) == 3
