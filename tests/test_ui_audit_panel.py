"""Audit view (filter by user/layer/action/date, CSV export) and the feature history panel."""

from __future__ import annotations

import csv

import pytest
from _edit_fixtures import ADMIN, PDAM_EDITOR, uuids, write_city
from _ui_editing_fixtures import close_window, make_window, open_file
from PySide6.QtCore import QDate

from gisdesk.core.edits import DeleteFeature, SetAttribute
from gisdesk.core.inspections import AddInspection

MAINS, LIGHTS = uuids(6, 1), uuids(4, 2)


@pytest.fixture
def window(qtbot, tmp_path):
    w = make_window(qtbot, tmp_path)
    open_file(qtbot, w, write_city(tmp_path / "city.gpkg"))
    c = w.editing.controller
    c.set_profile(PDAM_EDITOR)
    assert c.apply(SetAttribute(layer="water_mains", uuid=MAINS[0], field="diameter_mm",
                                value=250))
    assert c.apply(AddInspection(asset_layer="water_mains", asset_uuid=MAINS[0],
                                 values={"inspected_on": "2031-02-01", "condition": 2,
                                         "notes": "retak"}))
    assert c.save()
    c.set_profile(ADMIN)
    assert c.apply(DeleteFeature(layer="streetlights", uuid=LIGHTS[0]))
    assert c.save()
    yield w
    close_window(w)


def test_ui_audit_panel_filters_and_exports_csv(window, tmp_path) -> None:
    ed = window.editing
    ed.audit_dock.show()
    panel = ed.audit_panel
    assert panel.proxy.rowCount() >= 3
    panel.user_edit.setText("budi")  # case-insensitive part of "Budi"
    shown = panel.proxy.shown()
    assert shown and all(r.user_name == "Budi" for r in shown)
    panel.action_combo.setCurrentIndex(panel.action_combo.findData("update"))
    updates = [(r.action, r.field, r.old_value, r.new_value) for r in panel.proxy.shown()]
    assert ("update", "diameter_mm", "100", "250") in updates  # the inspection set condition too
    assert {u[0] for u in updates} == {"update"} and len(updates) == 3
    panel.user_edit.setText("")
    panel.action_combo.setCurrentIndex(0)
    panel.layer_combo.setCurrentIndex(panel.layer_combo.findData("streetlights"))
    assert [(r.action, r.user_name) for r in panel.proxy.shown()] == [("delete", "Sari")]
    panel.layer_combo.setCurrentIndex(0)
    panel.from_edit.setDate(QDate.currentDate().addDays(1))
    assert panel.proxy.rowCount() == 0
    panel.from_edit.setDate(QDate.currentDate().addDays(-1))
    panel.to_edit.setDate(QDate.currentDate().addDays(1))
    everything = panel.proxy.rowCount()
    assert everything == panel.model.rowCount()

    panel.action_combo.setCurrentIndex(panel.action_combo.findData("inspection"))
    out = tmp_path / "audit.csv"
    assert panel.export_csv(out) == 1
    with out.open(encoding="utf-8") as fh:
        lines = list(csv.DictReader(fh))
    assert len(lines) == 1 and lines[0]["action"] == "inspection"
    assert lines[0]["user_name"] == "Budi" and lines[0]["workstation"]


AUDIT_READS = {
    "en": {"diameter_mm": ("Diameter", "100 mm", "250 mm"),
           "condition": ("Condition", "Fair", "Poor"),
           "last_inspected": ("Last inspected", "1 Jan 2020", "1 Feb 2031"),
           "stored": "Stored as: 3"},
    "id": {"diameter_mm": ("Diameter", "100 mm", "250 mm"),
           "condition": ("Kondisi", "Sedang", "Buruk"),
           "last_inspected": ("Terakhir diperiksa", "1 Jan 2020", "1 Feb 2031"),
           "stored": "Tersimpan sebagai: 3"},
}
"""What the Audit Trail dock shows for the PDAM editor's changes, spelled out per language (not
looked up through the translator, so a missing translation fails)."""


@pytest.mark.parametrize("lang", ["en", "id"])
def test_ui_audit_panel_shows_values_as_fields_read_csv_keeps_codes(qapp, window, tmp_path,
                                                                   lang) -> None:
    from PySide6.QtCore import Qt

    from gisdesk.ui import i18n
    from gisdesk.ui.panels.audit_panel import COLUMNS

    panel = window.editing.audit_panel
    window.editing.audit_dock.show()
    assert i18n.install_language(qapp, lang)
    try:
        qapp.processEvents()
        panel.action_combo.setCurrentIndex(panel.action_combo.findData("update"))
        assert panel.proxy.rowCount() == 3
        cols = [COLUMNS.index(c) for c in ("field", "old_value", "new_value")]
        cell = lambda r, c, role=Qt.ItemDataRole.DisplayRole: panel.proxy.data(  # noqa: E731
            panel.proxy.index(r, c), role)
        shown = {rec.field: tuple(cell(r, c) for c in cols)
                 for r, rec in enumerate(panel.proxy.shown())}
        expected = AUDIT_READS[lang]
        assert shown == {f: expected[f] for f in ("diameter_mm", "condition", "last_inspected")}
        row = next(r for r, rec in enumerate(panel.proxy.shown()) if rec.field == "condition")
        tip = cell(row, cols[1], Qt.ItemDataRole.ToolTipRole)
        assert tip.splitlines() == [expected["condition"][1], expected["stored"]]

        out = tmp_path / f"audit_{lang}.csv"
        assert panel.export_csv(out) == 3
        with out.open(encoding="utf-8") as fh:
            written = {line["field"]: (line["old_value"], line["new_value"])
                       for line in csv.DictReader(fh)}
        assert written == {"diameter_mm": ("100", "250"), "condition": ("3", "2"),
                           "last_inspected": ("2020-01-01", "2031-02-01")}
    finally:
        i18n.install_language(qapp, "en")
        qapp.processEvents()


def test_ui_audit_feature_history_shows_changes_and_inspections(window) -> None:
    ed = window.editing
    rows = window.project.layer("water_mains").frame["uuid"].tolist()
    window.selection.set("water_mains", [rows.index(MAINS[0])])
    ed.act_history.trigger()
    panel = ed.history_panel
    assert ed.history_dock.isVisible()
    fields = [(r.action, r.field) for r in panel.records]
    assert ("update", "diameter_mm") in fields and ("update", "condition") in fields
    texts = [panel.changes.item(r, 5).text() for r in range(panel.changes.rowCount())]
    assert "100 mm → 250 mm" in texts  # as the field reads, with its unit
    assert panel.changes.item(0, 1).text() == "Budi (PDAM)"
    assert panel.inspections.rowCount() == 1
    assert panel.inspections.item(0, 0).text() == "1 Feb 2031"  # dates as the language reads
    assert panel.changes.item(0, 3).text() in ("Attribute changed", "Inspection")  # not a code
    assert panel.inspections.item(0, 4).text() == "retak"


def _dated_city(path):
    """The test city with one earlier inspection of MAINS[0] in DATE columns, as the sample
    city has them (Arrow date32 through GDAL): read back, they are date objects, not text."""
    import datetime as dt

    import pyarrow as pa
    import pyogrio

    write_city(path)
    text = {name: pa.array([value], pa.string()) for name, value in (
        ("uuid", "00000000-0000-4000-8000-00000000e001"), ("asset_uuid", MAINS[0]),
        ("asset_layer", "water_mains"), ("inspector", "Ani"), ("defects", None),
        ("notes", "awal"), ("photos", None))}
    earlier = pa.table({**text, "inspected_on": pa.array([dt.date(2019, 1, 3)], pa.date32()),
                        "condition": pa.array([3], pa.int64()),
                        "next_due": pa.array([dt.date(2021, 1, 3)], pa.date32())})
    pyogrio.write_arrow(earlier, str(path), layer="inspections", driver="GPKG",
                        geometry_name=None, geometry_type=None, crs=None)
    return path


def test_ui_audit_feature_history_saved_and_new_inspections(qtbot, tmp_path) -> None:
    """A dated inspection from the file next to one recorded in this session: listed newest
    first (sorting the raw mix of date objects and ISO text raised TypeError)."""
    from _edit_fixtures import open_project

    from gisdesk.core.edits_session import EditSession
    from gisdesk.io.gpkg_store import save_session
    from gisdesk.ui.panels.history_panel import FeatureHistoryPanel

    project = open_project(_dated_city(tmp_path / "dated.gpkg"))
    session = EditSession(project, PDAM_EDITOR)
    session.apply(AddInspection(asset_layer="water_mains", asset_uuid=MAINS[0],
                                values={"inspected_on": "2031-02-01", "condition": 2}))
    save_session(session)
    panel = FeatureHistoryPanel(project)
    qtbot.addWidget(panel)
    panel.show_feature("water_mains", MAINS[0])
    dates = [panel.inspections.item(r, 0).text() for r in range(panel.inspections.rowCount())]
    assert dates == ["1 Feb 2031", "3 Jan 2019"]
    # The inspection's own audit row (filed under the inspection's UUID) is in the asset's
    # history, before the changes it made; coded values and dates read as the fields show them.
    shown = [[panel.changes.item(r, c).text() for c in (1, 3, 4, 5)]
             for r in range(panel.changes.rowCount())]
    assert shown == [["Budi (PDAM)", "Inspection", "", ""],
                     ["Budi (PDAM)", "Attribute changed", "Condition", "Fair → Poor"],
                     ["Budi (PDAM)", "Attribute changed", "Last inspected",
                      "1 Jan 2020 → 1 Feb 2031"]]
