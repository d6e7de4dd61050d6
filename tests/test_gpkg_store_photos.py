"""Inspection photos are copied into the GeoPackage at save, so they travel with the data."""

from __future__ import annotations

import hashlib
import subprocess
import zlib

import pyogrio
import pytest
from _edit_fixtures import PDAM_EDITOR, open_project, uuids, write_city

from gisdesk.core import edits_frame as rows
from gisdesk.core.edits_session import EditSession
from gisdesk.core.inspections import AddInspection
from gisdesk.core.journal import Journal, restore
from gisdesk.core.validation import FieldValueError
from gisdesk.io.gpkg_store import StoreError, save_session
from gisdesk.io.gpkg_store_photos import read_photos

MAIN = uuids(6, 1)


def _png(path, shade: int):
    """A real 1x1 PNG file."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return len(data).to_bytes(4, "big") + body + zlib.crc32(body).to_bytes(4, "big")
    ihdr = (1).to_bytes(4, "big") * 2 + bytes([8, 0, 0, 0, 0])
    raw = chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(bytes([0, shade]))) + chunk(
        b"IEND", b"")
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + raw)
    return path


def test_gpkg_store_photos_saved_inside_the_file(tmp_path) -> None:
    city = write_city(tmp_path / "city.gpkg")
    photos = [_png(tmp_path / "leak.png", 40), _png(tmp_path / "valve.png", 200)]
    session = EditSession(open_project(city), PDAM_EDITOR)
    cmd = AddInspection(asset_layer="water_mains", asset_uuid=MAIN[1], values={"condition": 2},
                        photo_files=[str(p) for p in photos])
    session.apply(cmd)
    refs = rows.get_row(session.project.layer("inspections"), cmd.uuid)["photos"]
    assert refs == f"{cmd.photo_ids[0]}/leak.png;{cmd.photo_ids[1]}/valve.png"
    report = save_session(session)
    assert report.photos == 2
    for p in photos:
        p.unlink()  # the laptop copy is gone; the GeoPackage has them
    stored = read_photos(city, cmd.uuid)
    assert [(s.uuid, s.file_name, s.media_type) for s in stored] == [
        (cmd.photo_ids[0], "leak.png", "image/png"), (cmd.photo_ids[1], "valve.png", "image/png")]
    assert stored[0].data.startswith(b"\x89PNG") and stored[0].data != stored[1].data
    assert stored[1].sha256 == hashlib.sha256(stored[1].data).hexdigest()
    saved = pyogrio.read_dataframe(city, layer="inspections").set_index("uuid")
    assert saved.loc[cmd.uuid, "photos"] == refs
    listing = subprocess.run(["ogrinfo", "-ro", "-so", str(city), "gisdesk_photos"],
                             capture_output=True, text=True, check=True).stdout
    assert "Feature Count: 2" in listing and "data: Binary" in listing


def test_gpkg_store_photo_missing_at_save_writes_nothing(tmp_path) -> None:
    city = write_city(tmp_path / "city.gpkg")
    photo = _png(tmp_path / "gone.png", 10)
    session = EditSession(open_project(city), PDAM_EDITOR)
    session.apply(AddInspection(asset_layer="water_mains", asset_uuid=MAIN[0],
                                values={"condition": 1}, photo_files=[str(photo)]))
    photo.unlink()
    with pytest.raises(StoreError, match=r"gone\.png"):
        save_session(session)
    assert len(pyogrio.read_dataframe(city, layer="inspections")) == 0
    assert len(session.pending_changes()) == 2


def test_inspections_photo_must_be_an_existing_image(tmp_path) -> None:
    session = EditSession(open_project(write_city(tmp_path / "city.gpkg")), PDAM_EDITOR)
    (tmp_path / "notes.txt").write_text("x")
    with pytest.raises(FieldValueError, match=r"'photos'.*notes\.txt"):
        session.apply(AddInspection(asset_layer="water_mains", asset_uuid=MAIN[0],
                                    values={"condition": 3},
                                    photo_files=[str(tmp_path / "notes.txt")]))
    assert len(session.project.layer("inspections").frame) == 0


def test_gpkg_store_photos_survive_journal_restore(tmp_path) -> None:
    city, journal = write_city(tmp_path / "city.gpkg"), tmp_path / "j.jsonl"
    photo = _png(tmp_path / "crack.png", 90)
    session = EditSession(open_project(city), PDAM_EDITOR, Journal(journal))
    cmd = AddInspection(asset_layer="water_mains", asset_uuid=MAIN[2], values={"condition": 2},
                        photo_files=[str(photo)])
    session.apply(cmd)
    fresh = EditSession(open_project(city), PDAM_EDITOR, Journal(journal))  # after a crash
    restore(journal, fresh)
    save_session(fresh)
    assert [p.uuid for p in read_photos(city, cmd.uuid)] == cmd.photo_ids
