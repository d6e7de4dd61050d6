"""Inspections are append-only and never conflict; their photos travel with them, on both hubs."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pyogrio
import pytest
from _edit_fixtures import PDAM_EDITOR, open_project, uuids, write_city
from test_gpkg_store_photos import _png

from gisdesk.core.definitions import default_catalog
from gisdesk.core.edits_session import EditSession
from gisdesk.core.inspections import AddInspection
from gisdesk.io.gpkg_store import save_session
from gisdesk.io.gpkg_store_photos import PHOTO_TABLE, read_photos
from gisdesk.sync.folder_hub import FolderHub
from gisdesk.sync.hubs import Hub
from gisdesk.sync.layers import hub_layers
from gisdesk.sync.policies import policies_from_catalog
from gisdesk.sync.postgis_hub import PostgisHub
from gisdesk.sync.working_copy import WorkingCopy

MAIN = uuids(6, 1)
_COUNTER = iter(range(10_000))


def _city_with_photo_table(tmp_path: Path) -> Path:
    """The test city after one saved inspection with a photo, so the photo table exists."""
    city = write_city(tmp_path / "city.gpkg")
    session = EditSession(open_project(city), PDAM_EDITOR)
    session.apply(AddInspection(asset_layer="water_mains", asset_uuid=MAIN[5],
                                values={"condition": 4},
                                photo_files=[str(_png(tmp_path / "first.png", 90))]))
    save_session(session)
    return city


@pytest.fixture(params=["folder", pytest.param("postgis", marks=pytest.mark.postgres)])
def hub(request: pytest.FixtureRequest, tmp_path: Path) -> Hub:
    city = _city_with_photo_table(tmp_path)
    layers = hub_layers(city, default_catalog())
    assert layers.keys[PHOTO_TABLE] == "uuid" and layers.keys["inspections"] == "uuid"
    if request.param == "folder":
        return FolderHub.init(tmp_path / "hub", city, layers.keys, "admin")
    server = request.getfixturevalue("postgres")
    db = server.create_database(f"insp_{next(_COUNTER)}_{tmp_path.name[-12:].lower()}")
    return PostgisHub.init(server.dsn(dbname=db), city, layers.keys, layers.owners, "admin",
                           layers.departments)


def _inspect(copy: WorkingCopy, asset: str, day: str, condition: int, photo: Path | None) -> str:
    session = EditSession(open_project(copy.data), PDAM_EDITOR)
    cmd = AddInspection(asset_layer="water_mains", asset_uuid=asset,
                        values={"condition": condition, "inspected_on": date.fromisoformat(day)},
                        photo_files=[str(photo)] if photo else [])
    session.apply(cmd)
    save_session(session)
    return cmd.uuid


def test_sync_inspections_and_photos_travel_and_never_conflict(
    hub: Hub, tmp_path: Path
) -> None:
    a = WorkingCopy.checkout(hub, tmp_path / "a")
    b = WorkingCopy.checkout(hub, tmp_path / "b")
    first = pyogrio.read_dataframe(b.data, layer=PHOTO_TABLE)
    [stored] = read_photos(b.data, first["inspection_uuid"][0])
    assert len(first) == 1 and stored.data.startswith(b"\x89PNG")  # a checkout keeps bytes
    photo = _png(tmp_path / "crack.png", 200)
    # The same asset inspected on both laptops: a later, b earlier.
    mine = _inspect(a, MAIN[0], "2026-11-20", 2, photo)
    theirs = _inspect(b, MAIN[0], "2026-11-02", 4, None)
    photo.unlink()
    policies = policies_from_catalog(default_catalog())
    reports = [a.sync("ani", policies), b.sync("budi", policies), a.sync("ani", policies)]
    for report in reports:  # inspection records never conflict
        assert not [c for c in report.conflicts if c.layer == "inspections"]
        assert not [c for c in report.conflicts if c.resolved_by is None]
    for copy in (a, b):
        inspections = pyogrio.read_dataframe(copy.data, layer="inspections").set_index("uuid")
        assert {mine, theirs} <= set(inspections.index)  # both inspections kept, no conflict
        stored = read_photos(copy.data, mine)
        assert [p.file_name for p in stored] == ["crack.png"]
        assert stored[0].data.startswith(b"\x89PNG")  # bytes, not text, after the round trip
        # The asset's condition follows the latest inspection on every side.
        mains = pyogrio.read_dataframe(copy.data, layer="water_mains").set_index("uuid")
        assert mains.loc[MAIN[0], "condition"] == 2
    assert read_photos(b.data, mine)[0].data == read_photos(a.data, mine)[0].data
