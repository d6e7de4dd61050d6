"""The generated feature form: widgets per type for every shipped layer, checks, commands."""

from __future__ import annotations

import geopandas as gpd
import pytest
from _edit_fixtures import PDAM_EDITOR, VIEWER, open_project, uuids, write_city
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QGroupBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
)

from gisdesk.core import edits_frame as rows
from gisdesk.core.definitions import Domain, default_catalog
from gisdesk.core.edits import AddFeature, SetAttribute
from gisdesk.core.edits_session import EditSession
from gisdesk.core.layer import MapLayer
from gisdesk.core.project import Project
from gisdesk.ui.forms.feature_form import FeatureForm, form_groups
from gisdesk.ui.forms.field_inputs import FieldInput

MAIN = uuids(6, 1)
EXPECTED = {"integer": (QSpinBox,), "real": (QDoubleSpinBox,), "date": (QDateEdit,),
            "datetime": (QDateEdit,), "boolean": (QCheckBox,), "uuid": (QLineEdit,),
            "text": (QLineEdit, QPlainTextEdit)}


@pytest.fixture
def session(tmp_path):
    return EditSession(open_project(write_city(tmp_path / "city.gpkg")), PDAM_EDITOR)


@pytest.mark.parametrize("name", sorted(default_catalog().layers))
def test_ui_form_feature_every_shipped_definition(qtbot, name):
    catalog = default_catalog()
    definition = catalog.layers[name]
    project = Project(catalog)
    layer = MapLayer(name, gpd.GeoDataFrame(), definition)
    form = FeatureForm(project, layer, None, uuid=None)
    qtbot.addWidget(form)
    assert set(form.inputs) == set(definition.field_names)
    titles = [b.title() for b in form.findChildren(QGroupBox)]
    assert titles[: len(definition.form)] == [g.title.en for g in definition.form]
    for fdef in definition.fields:
        editor = form.inputs[fdef.name].editor
        if fdef.domain:
            assert isinstance(editor, QComboBox), fdef.name
        else:
            assert isinstance(editor, EXPECTED[fdef.type]), fdef.name
        if fdef.multiline:
            assert isinstance(editor, QPlainTextEdit)
        if fdef.type in ("integer", "real") and fdef.max is not None:
            assert editor.maximum() == fdef.max
        if fdef.unit and not fdef.domain:
            assert editor.suffix() == f" {fdef.unit}"
        assert form.labels[fdef.name].text().endswith(" *") == fdef.required
    assert sum(len(g.fields) for g in form_groups(definition)) == len(definition.fields)


def test_ui_form_feature_existing_values_and_readonly(qtbot, session):
    layer = session.project.layer("water_mains")
    form = FeatureForm(session.project, layer, session, MAIN[2])
    qtbot.addWidget(form)
    assert form.inputs["asset_id"].value() == "WM-002"
    assert form.inputs["diameter_mm"].value() == 200
    assert form.inputs["material"].editor.currentText() == "PVC"
    assert not form.inputs["condition"].isEnabled() and not form.inputs["uuid"].isEnabled()
    assert form.inputs["notes"].isEnabled()
    assert form.tabs.count() == 2  # attributes + inspections


def test_ui_form_feature_live_validation_and_apply(qtbot, session):
    layer = session.project.layer("water_mains")
    form = FeatureForm(session.project, layer, session, MAIN[2])
    qtbot.addWidget(form)
    form.inputs["asset_id"].editor.setText("")
    assert form.errors["asset_id"].isVisibleTo(form)
    assert "required" in form.errors["asset_id"].text()
    assert not form.apply()
    assert not session.can_undo
    form.inputs["asset_id"].editor.setText("WM-NEW")
    assert not form.errors["asset_id"].isVisibleTo(form)
    form.inputs["diameter_mm"].editor.setValue(450)
    commands = form.commands()
    assert sorted(c.field for c in commands if isinstance(c, SetAttribute)) == [
        "asset_id", "diameter_mm"]
    assert form.apply()
    row = rows.get_row(layer, MAIN[2])
    assert (row["asset_id"], row["diameter_mm"]) == ("WM-NEW", 450)
    session.undo()
    session.undo()
    assert rows.get_row(layer, MAIN[2])["asset_id"] == "WM-002"


def test_ui_form_feature_range_message(qtbot, session):
    layer = session.project.layer("water_mains")
    form = FeatureForm(session.project, layer, session, MAIN[0])
    qtbot.addWidget(form)
    form.inputs["asset_id"].editor.setText("X" * 40)
    assert "at most 32" in form.errors["asset_id"].text()


def test_ui_form_feature_new_feature_defaults_and_add(qtbot, session):
    import shapely

    layer = session.project.layer("water_mains")
    form = FeatureForm(session.project, layer, session, None,
                       geometry=shapely.LineString([(0, 0), (10, 0)]))
    qtbot.addWidget(form)
    assert form.inputs["material"].value() == "PVC"
    assert form.inputs["diameter_mm"].value() == 100
    assert form.inputs["install_year"].value() is None  # optional, no default: blank
    form.inputs["asset_id"].editor.setText("WM-900")
    (command,) = form.commands()
    assert isinstance(command, AddFeature)
    before = len(layer.frame)
    assert form.apply()
    assert len(layer.frame) == before + 1
    assert layer.frame["asset_id"].iat[-1] == "WM-900"


def test_ui_form_feature_viewer_cannot_apply(qtbot, session):
    viewer = EditSession(session.project, VIEWER)
    form = FeatureForm(session.project, session.project.layer("water_mains"), viewer, MAIN[0])
    qtbot.addWidget(form)
    assert not any(w.isEnabled() for w in form.inputs.values())


def test_ui_form_feature_large_domain_combo_uses_list_model(qtbot):
    big = Domain.model_validate({
        "type": "integer", "title": {"en": "Parcels", "id": "Persil"},
        "values": [{"code": i, "label": {"en": f"Parcel {i}", "id": f"Persil {i}"}}
                   for i in range(20_000)]})
    fdef = default_catalog().layers["water_mains"].field("install_year")
    field_input = FieldInput(fdef, big, "id")
    qtbot.addWidget(field_input)
    assert field_input.editor.count() == 20_001  # with the empty entry of an optional field
    field_input.set_value(12_345)
    assert field_input.editor.currentText() == "Persil 12345"
    assert field_input.value() == 12_345


def test_ui_form_feature_row_hint_same_values(qtbot, session):
    layer = session.project.layer("water_mains")
    hinted = FeatureForm(session.project, layer, session, MAIN[4], row=4)
    wrong = FeatureForm(session.project, layer, session, MAIN[4], row=1)  # stale hint: ignored
    for form in (hinted, wrong):
        qtbot.addWidget(form)
        assert form.inputs["asset_id"].value() == "WM-004"
        assert form.inputs["diameter_mm"].value() == 300


def test_ui_form_feature_new_feature_dialog_submits(qtbot):
    from gisdesk.ui.forms import new_feature_dialog

    catalog = default_catalog()
    seen = []

    def submit(values):
        seen.append(values)
        return None if len(seen) > 1 else "Layer 'streetlights': refused once"

    form = new_feature_dialog(catalog.layers["streetlights"], catalog, submit)
    qtbot.addWidget(form)
    form.inputs["asset_id"].editor.setText("PJU-9")
    assert not form.apply() and "refused once" in form.message.text()
    assert form.apply() and seen[-1]["asset_id"] == "PJU-9"
