"""Recording inspections in the UI: the dialog, the form's history tab and the Inspect tool."""

from __future__ import annotations

import datetime as dt

import pytest
from _edit_fixtures import PDAM_EDITOR, VIEWER, open_project, uuids, write_city
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from gisdesk.core import edits_frame as rows
from gisdesk.core.edits_session import EditSession
from gisdesk.ui.forms.feature_form import FeatureForm
from gisdesk.ui.inspections.dialog import InspectionDialog
from gisdesk.ui.inspections.history import InspectionHistory

MAIN = uuids(6, 1)


@pytest.fixture
def session(tmp_path):
    return EditSession(open_project(write_city(tmp_path / "city.gpkg")), PDAM_EDITOR)


def _png(path, color="#cc3300"):
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    assert image.save(str(path))
    return path


def _dialog(qtbot, session, uuid=MAIN[0]):
    layer = session.project.layer("water_mains")
    dialog = InspectionDialog(session.project, layer, uuid, session)
    qtbot.addWidget(dialog)
    return dialog


def test_ui_inspections_dialog_defaults(qtbot, session):
    dialog = _dialog(qtbot, session)
    assert dialog.date.date().toPython() == dt.date.today()
    assert dialog.inspector.text() == "Budi"
    today = dt.date.today()
    due = dialog.next_due.date().toPython()
    assert (due.year - today.year) * 12 + due.month - today.month == 24  # water mains interval
    dialog.condition.setCurrentIndex(dialog.condition.findData(2))
    assert "renew within" in dialog.condition_text.text()
    assert dialog.defects.count() >= 3


def test_ui_inspections_dialog_creates_inspection_with_photo(qtbot, session, tmp_path):
    dialog = _dialog(qtbot, session)
    dialog.date.setDate(dt.date(2024, 5, 1))
    dialog.condition.setCurrentIndex(dialog.condition.findData(1))
    for i in range(dialog.defects.count()):
        if dialog.defects.item(i).data(Qt.ItemDataRole.UserRole) == "LEAK":
            dialog.defects.item(i).setCheckState(Qt.CheckState.Checked)
    dialog.notes.setPlainText("Bocor di sambungan")
    dialog.attach_photo(_png(tmp_path / "leak.png"))
    assert dialog.photos.count() == 1 and not dialog.photos.item(0).icon().isNull()
    assert dialog.apply()
    insp = session.project.layer("inspections")
    row = rows.get_row(insp, dialog.command.uuid)
    assert row["condition"] == 1 and row["defects"] == "LEAK"
    assert row["photos"].endswith("/leak.png") and row["next_due"] == "2026-05-01"
    asset = rows.get_row(session.project.layer("water_mains"), MAIN[0])
    assert (asset["condition"], asset["last_inspected"]) == (1, "2024-05-01")
    session.undo()
    assert rows.get_row(session.project.layer("water_mains"), MAIN[0])["condition"] == 3


def test_ui_inspections_dialog_refusal_shown(qtbot, session):
    dialog = _dialog(qtbot, session)
    dialog.inspector.setText("")
    assert not dialog.apply()
    assert "inspector" in dialog.message.text()
    assert len(session.project.layer("inspections").frame) == 0


def test_ui_inspections_dialog_viewer_refused(qtbot, session):
    viewer = EditSession(session.project, VIEWER)
    dialog = InspectionDialog(session.project, session.project.layer("water_mains"), MAIN[0],
                              viewer)
    qtbot.addWidget(dialog)
    assert not dialog.apply()
    assert "viewer" in dialog.message.text()


def test_ui_inspections_history_lists_and_charts(qtbot, session):
    layer = session.project.layer("water_mains")
    form = FeatureForm(session.project, layer, session, MAIN[0])
    qtbot.addWidget(form)
    history: InspectionHistory = form.history
    assert history.table.rowCount() == 0
    for day, cond in (("2021-03-01", 4), ("2024-05-01", 2), ("2022-07-15", 3)):
        dialog = _dialog(qtbot, session)
        dialog.date.setDate(dt.date.fromisoformat(day))
        dialog.condition.setCurrentIndex(dialog.condition.findData(cond))
        assert dialog.apply()
    assert history.table.rowCount() == 3
    assert history.table.item(0, 0).text() == "1 May 2024"
    assert history.table.item(0, 2).text() == "Poor"
    _x, y = history.timeline()
    assert y.tolist() == [4.0, 3.0, 2.0]
    assert list(history.curve.getData()[1]) == [4.0, 3.0, 2.0]
