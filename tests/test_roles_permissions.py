"""The core refuses edits the user's role does not allow — no UI involved."""

from __future__ import annotations

import pytest
import shapely
from _edit_fixtures import ADMIN, PDAM_EDITOR, VIEWER, X0, Y0, open_project, uuids, write_city

from gisdesk.core import edits_frame as rows
from gisdesk.core.definitions import default_catalog
from gisdesk.core.edits import AddFeature, DeleteFeature, SetAttribute
from gisdesk.core.edits_session import EditSession
from gisdesk.core.inspections import AddInspection
from gisdesk.core.roles import Profile, can_edit, check_can_edit, make_profile

MAIN, ROAD = uuids(6, 1), uuids(3, 3)


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return open_project(write_city(tmp_path_factory.mktemp("roles") / "city.gpkg"))


def test_roles_viewer_cannot_edit_through_core(project) -> None:
    session = EditSession(project, VIEWER)
    with pytest.raises(PermissionError, match="viewer role"):
        session.apply(SetAttribute(layer="water_mains", uuid=MAIN[0], field="notes", value="x"))
    with pytest.raises(PermissionError):
        session.apply(DeleteFeature(layer="roads", uuid=ROAD[0]))
    with pytest.raises(PermissionError):
        session.apply(AddInspection(asset_layer="roads", asset_uuid=ROAD[0],
                                    values={"condition": 2}))
    assert rows.get_row(project.layer("roads"), ROAD[0]) is not None
    assert session.history() == []


def test_roles_pdam_editor_cannot_edit_roads(project) -> None:
    session = EditSession(project, PDAM_EDITOR)
    with pytest.raises(PermissionError, match=r"Budi \(PDAM\) cannot edit 'Roads'.*PUPR"):
        session.apply(SetAttribute(layer="roads", uuid=ROAD[1], field="notes", value="x"))
    line = shapely.LineString([(X0, Y0), (X0 + 5, Y0 + 5)])
    with pytest.raises(PermissionError):
        session.apply(AddFeature(layer="roads", values={"asset_id": "R"}, geometry=line))
    with pytest.raises(PermissionError):  # inspecting follows the asset's layer
        session.apply(AddInspection(asset_layer="roads", asset_uuid=ROAD[1],
                                    values={"condition": 2}))
    assert len(project.layer("inspections").frame) == 0


def test_roles_pdam_editor_edits_and_inspects_water_mains(project) -> None:
    session = EditSession(project, PDAM_EDITOR)
    session.apply(SetAttribute(layer="water_mains", uuid=MAIN[0], field="notes", value="ok"))
    session.apply(AddInspection(asset_layer="water_mains", asset_uuid=MAIN[0],
                                values={"condition": 4}))
    assert rows.get_row(project.layer("water_mains"), MAIN[0])["notes"] == "ok"
    session.undo()
    session.undo()


def test_roles_admin_edits_everything(project) -> None:
    catalog = project.catalog
    assert all(can_edit(ADMIN, layer) for layer in catalog.layers.values())
    check_can_edit(ADMIN, catalog.layers["roads"])
    assert not can_edit(PDAM_EDITOR, catalog.layers["inspections"])  # append-only table


def test_roles_make_profile_checks_role_and_opd() -> None:
    catalog = default_catalog()
    assert make_profile(" Ani ", "PUPR", "editor", catalog) == Profile("Ani", "PUPR", "editor")
    with pytest.raises(ValueError, match="Unknown role 'boss'"):
        make_profile("Ani", "PUPR", "boss", catalog)
    with pytest.raises(ValueError, match=r"Unknown department.*'XYZ'.*PDAM"):
        make_profile("Ani", "XYZ", "editor", catalog)
