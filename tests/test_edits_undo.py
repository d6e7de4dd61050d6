"""Edit commands change MapLayer.frame by UUID, and undo/redo restore it exactly."""

from __future__ import annotations

import pytest
import shapely
from _edit_fixtures import ADMIN, PDAM_EDITOR, X0, Y0, open_project, uuids, write_city

from gisdesk.core import edits_frame as rows
from gisdesk.core.edits import AddFeature, DeleteFeature, SetAttribute
from gisdesk.core.edits_geometry import SetGeometry, SplitLine, moved
from gisdesk.core.edits_session import EditSession
from gisdesk.core.validation import FieldValueError

MAIN = uuids(6, 1)


@pytest.fixture
def session(tmp_path):
    project = open_project(write_city(tmp_path / "city.gpkg"))
    return EditSession(project, PDAM_EDITOR)


def _mains(session):
    return session.project.layer("water_mains")


def test_edits_set_attribute_undo_redo(session) -> None:
    layer = _mains(session)
    version = layer.version
    session.apply(SetAttribute(layer="water_mains", uuid=MAIN[2], field="diameter_mm", value="300"))
    assert rows.get_row(layer, MAIN[2])["diameter_mm"] == 300
    assert layer.version == version + 1
    assert not session.is_clean and session.can_undo and not session.can_redo
    session.undo()
    assert rows.get_row(layer, MAIN[2])["diameter_mm"] == 200
    assert session.is_clean and session.can_redo
    session.redo()
    assert rows.get_row(layer, MAIN[2])["diameter_mm"] == 300
    assert [(h.text, h.done) for h in session.history()] == [
        ("Set Diameter of WM-002", True)
    ]


def test_edits_identity_is_uuid_not_row_position(session) -> None:
    layer = _mains(session)
    session.apply(DeleteFeature(layer="water_mains", uuid=MAIN[0]))
    session.apply(SetAttribute(layer="water_mains", uuid=MAIN[3], field="notes", value="leak"))
    session.undo()
    session.undo()  # the delete: row 0 comes back in front of the others
    session.redo()
    session.redo()
    assert rows.get_row(layer, MAIN[0]) is None
    assert rows.get_row(layer, MAIN[3])["notes"] == "leak"
    assert rows.get_row(layer, MAIN[2])["notes"] in (None, "")


def test_edits_bad_value_refused_and_nothing_changes(session) -> None:
    layer = _mains(session)
    before = layer.frame.copy()
    with pytest.raises(FieldValueError, match=r"WM-001.*'material'"):
        session.apply(SetAttribute(layer="water_mains", uuid=MAIN[1], field="material", value="X"))
    with pytest.raises(FieldValueError, match=r"'condition'.*read-only"):
        session.apply(SetAttribute(layer="water_mains", uuid=MAIN[1], field="condition", value=5))
    assert layer.frame.equals(before)
    assert session.history() == [] and session.is_clean


def test_edits_add_feature_fills_defaults_and_new_uuid(session) -> None:
    layer = _mains(session)
    line = shapely.LineString([(X0, Y0 + 300), (X0 + 80, Y0 + 300)])
    cmd = AddFeature(layer="water_mains", values={"asset_id": "WM-NEW"}, geometry=line)
    session.apply(cmd)
    row = rows.get_row(layer, cmd.uuid)
    assert cmd.uuid not in MAIN
    assert (row["material"], row["diameter_mm"], row["owner_opd"]) == ("PVC", 100, "PDAM")
    assert row["geometry"].equals(line)
    assert len(layer.frame) == 7
    session.undo()
    assert rows.get_row(layer, cmd.uuid) is None and len(layer.frame) == 6


def test_edits_add_feature_missing_required_is_refused(session) -> None:
    line = shapely.LineString([(X0, Y0), (X0 + 1, Y0 + 1)])
    with pytest.raises(FieldValueError, match=r"asset_id.*required"):
        session.apply(AddFeature(layer="water_mains", values={}, geometry=line))
    assert len(_mains(session).frame) == 6


def test_edits_move_feature_and_undo(session) -> None:
    layer = _mains(session)
    old = rows.get_row(layer, MAIN[4])["geometry"]
    session.apply(SetGeometry(layer="water_mains", uuid=MAIN[4], geometry=moved(old, 5, -3)))
    assert rows.get_row(layer, MAIN[4])["geometry"].bounds[:2] == (X0 + 405, Y0 - 3)
    session.undo()
    assert rows.get_row(layer, MAIN[4])["geometry"].equals(old)


def test_edits_invalid_geometry_refused(tmp_path) -> None:
    project = open_project(write_city(tmp_path / "city.gpkg"))
    session = EditSession(project, ADMIN)
    bowtie = shapely.Polygon([(X0, Y0), (X0 + 10, Y0 + 10), (X0 + 10, Y0), (X0, Y0 + 10)])
    building = uuids(2, 4)[0]
    with pytest.raises(FieldValueError, match="invalid geometry: Self-intersection"):
        session.apply(SetGeometry(layer="buildings", uuid=building, geometry=bowtie))
    one_point = shapely.LineString([(X0, Y0), (X0, Y0)])
    with pytest.raises(FieldValueError, match="at least two distinct points"):
        session.apply(SetGeometry(layer="water_mains", uuid=MAIN[0], geometry=one_point))
    with pytest.raises(FieldValueError, match="cannot go into a LineString layer"):
        session.apply(SetGeometry(layer="water_mains", uuid=MAIN[0], geometry=shapely.Point(1, 1)))
    assert session.history() == []


def test_edits_split_line_keeps_attributes_new_uuid(session) -> None:
    layer = _mains(session)
    cmd = SplitLine(layer="water_mains", uuid=MAIN[1], point=shapely.Point(X0 + 130, Y0 + 2))
    session.apply(cmd)
    first, second = rows.get_row(layer, MAIN[1]), rows.get_row(layer, cmd.new_uuid)
    assert first["geometry"].length == pytest.approx(30)
    assert second["geometry"].length == pytest.approx(70)
    assert second["asset_id"] == first["asset_id"] == "WM-001"
    assert second["diameter_mm"] == first["diameter_mm"] == 150
    assert session.context.notes[("water_mains", cmd.new_uuid)] == {"split_from": MAIN[1]}
    session.undo()
    assert rows.get_row(layer, cmd.new_uuid) is None
    assert rows.get_row(layer, MAIN[1])["geometry"].length == pytest.approx(100)


def test_edits_split_at_line_end_refused(session) -> None:
    with pytest.raises(FieldValueError, match="at an end of the line"):
        session.apply(SplitLine(layer="water_mains", uuid=MAIN[1], point=shapely.Point(X0, Y0)))


def test_edits_new_command_clears_redo(session) -> None:
    session.apply(SetAttribute(layer="water_mains", uuid=MAIN[0], field="notes", value="a"))
    session.undo()
    session.apply(SetAttribute(layer="water_mains", uuid=MAIN[0], field="notes", value="b"))
    assert not session.can_redo
    assert [h.done for h in session.history()] == [True]


def test_edits_large_layer_lookup_index_stays_correct(session, monkeypatch) -> None:
    monkeypatch.setattr(rows, "_INDEX_FROM_ROWS", 0)  # use the hash index on this small layer
    layer = _mains(session)
    rows.warm_lookup(layer)
    session.apply(DeleteFeature(layer="water_mains", uuid=MAIN[1]))
    assert rows.locate(layer, MAIN[1]) is None
    assert rows.get_row(layer, MAIN[2])["asset_id"] == "WM-002"
    session.undo()
    session.apply(SetAttribute(layer="water_mains", uuid=MAIN[1], field="notes", value="back"))
    assert rows.get_row(layer, MAIN[1])["notes"] == "back"
    assert rows.locate(layer, "00000000-0000-4000-8000-000000000000") is None


def test_edits_new_feature_cannot_reuse_a_uuid(session) -> None:
    line = shapely.LineString([(X0, Y0), (X0 + 1, Y0 + 1)])
    with pytest.raises(FieldValueError, match=r"'uuid'.*already used"):
        session.apply(AddFeature(layer="water_mains", uuid=MAIN[0], values={"asset_id": "D"},
                                 geometry=line))
    with pytest.raises(FieldValueError, match="already used"):
        session.apply(SplitLine(layer="water_mains", uuid=MAIN[1], new_uuid=MAIN[2],
                                point=shapely.Point(X0 + 150, Y0)))
    assert len(_mains(session).frame) == 6


def test_edits_history_names_fields_by_label_and_features_by_code(tmp_path) -> None:
    """Undo History lines read like the form: the field's label and the asset's code, also
    for a deleted feature (its row is gone) and an undone add (its row is not there yet)."""
    from gisdesk.core.definitions import default_catalog
    from gisdesk.core.edits import feature_name
    from gisdesk.core.inspections import AddInspection

    session = EditSession(open_project(write_city(tmp_path / "city.gpkg")), ADMIN)
    light = uuids(4, 2)[1]
    session.apply(SetAttribute(layer="water_mains", uuid=MAIN[2], field="diameter_mm", value=300))
    session.apply(AddFeature(layer="streetlights", values={"asset_id": "PJU-900"},
                             geometry=shapely.Point(X0 + 5, Y0 + 5)))
    session.apply(DeleteFeature(layer="streetlights", uuid=light))
    old = rows.get_row(_mains(session), MAIN[4])["geometry"]
    session.apply(SetGeometry(layer="water_mains", uuid=MAIN[4], geometry=moved(old, 5, -3)))
    session.apply(SplitLine(layer="water_mains", uuid=MAIN[1], point=shapely.Point(X0 + 150, Y0)))
    session.apply(AddInspection(asset_layer="water_mains", asset_uuid=MAIN[3],
                                values={"inspected_on": "2031-02-01", "condition": 2}))
    for _ in range(5):
        session.undo()  # all but the first: the add's row is gone, the delete's is back
    assert [h.text for h in session.history()] == [
        "Set Diameter of WM-002", "Add PJU-900 to Streetlights",
        "Delete PJU-001 from Streetlights", "Change geometry of WM-004", "Split line WM-001",
        "Inspect WM-003"]
    assert [h.done for h in session.history()] == [True] + [False] * 5
    # without a project at hand (e.g. a journal entry on its own): name and UUID prefix
    set_cmd = session.history()[0].command
    assert set_cmd.text() == f"Set diameter_mm of {MAIN[2][:8]}"

    roads = default_catalog().match("roads")
    uuid = "6ba474c2-0000-4000-8000-000000000001"
    assert feature_name(roads, {"asset_id": "JLN-0012", "name": "Jl. Merdeka"}, uuid) == "JLN-0012"
    assert feature_name(roads, {"asset_id": " ", "name": "Jl. Merdeka"}, uuid) == "Jl. Merdeka"
    assert feature_name(roads, {"asset_id": None, "name": float("nan")}, uuid) == "6ba474c2"
