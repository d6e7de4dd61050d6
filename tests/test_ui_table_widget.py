"""The attribute table window: selection synced with the map, validated and undoable cell edits."""

from __future__ import annotations

import pytest
from _edit_fixtures import PDAM_EDITOR, VIEWER, open_project, write_city
from PySide6.QtCore import QItemSelectionModel, Qt

from gisdesk.core import edits_frame as rows
from gisdesk.core.edits_session import EditSession
from gisdesk.core.selection import Selection
from gisdesk.ui.table.delegates import FieldDelegate
from gisdesk.ui.table.table_widget import AttributeTable


@pytest.fixture
def session(tmp_path):
    return EditSession(open_project(write_city(tmp_path / "city.gpkg")), PDAM_EDITOR)


@pytest.fixture
def table(qtbot, session):
    layer = session.project.layer("water_mains")
    widget = AttributeTable(layer, session.project.catalog, Selection(), session)
    qtbot.addWidget(widget)
    yield widget
    widget.close_table()


def _index(table, row, name):
    return table.model.index(row, table.model.column_index(name))


def test_ui_table_widget_map_selection_shows_in_table(table):
    table.selection.set("water_mains", [1, 2, 4])
    picked = sorted(i.row() for i in table.view.selectionModel().selectedRows())
    assert picked == [1, 2, 4]


def test_ui_table_widget_table_selection_goes_to_map(table):
    table.model.sort(table.model.column_index("diameter_mm"), Qt.SortOrder.DescendingOrder)
    table.view.selectionModel().select(
        _index(table, 0, "asset_id"),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    assert table.selection.rows("water_mains").tolist() == [5]  # the widest main is the last


def test_ui_table_widget_selected_only_and_zoom(qtbot, table):
    table.selection.set("water_mains", [0, 3])
    table.selected_only.setChecked(True)
    assert table.model.rowCount() == 2
    with qtbot.waitSignal(table.zoom_requested) as blocker:
        table.zoom_to_selection()
    minx, _miny, maxx, _maxy = blocker.args[0]
    assert (maxx - minx) == pytest.approx(400.0)


def test_ui_table_widget_cell_edit_validated_and_undoable(table, session):
    layer = session.project.layer("water_mains")
    uuid = layer.frame["uuid"].iat[2]
    index = _index(table, 2, "diameter_mm")
    assert not table.model.setData(index, 5000)  # above the 1500 mm maximum
    assert "diameter_mm" in table.message.text() and "maximum" in table.message.text()
    assert rows.get_row(layer, uuid)["diameter_mm"] == 200
    assert not session.can_undo
    assert table.model.setData(index, 250)
    assert table.model.data(index) == "250 mm"
    session.undo()
    assert table.model.data(index) == "200 mm"


def test_ui_table_widget_edited_only(table, session):
    table.model.setData(_index(table, 4, "pressure_zone"), "Z9")
    table.edited_only.setChecked(True)
    assert table.model.rowCount() == 1
    assert table.model.data(_index(table, 0, "pressure_zone")) == "Z9"


def test_ui_table_widget_readonly_and_role(qtbot, session):
    model = AttributeTable(session.project.layer("water_mains"), session.project.catalog,
                           Selection(), session).model
    editable = {c.name for i, c in enumerate(model._columns) if model.is_editable(i)}
    assert "material" in editable and not {"uuid", "condition", "last_inspected"} & editable
    viewer = EditSession(session.project, VIEWER)
    table = AttributeTable(session.project.layer("water_mains"), session.project.catalog,
                           Selection(), viewer)
    qtbot.addWidget(table)
    flags = table.model.flags(_index(table, 0, "material"))
    assert not flags & Qt.ItemFlag.ItemIsEditable


def test_ui_table_widget_domain_cell_editor_is_a_list(table):
    delegate: FieldDelegate = table.view.itemDelegate()
    index = _index(table, 0, "material")
    editor = delegate.createEditor(table.view, None, index)
    delegate.setEditorData(editor, index)
    assert editor.currentData() == "PVC" and editor.count() >= 3
    editor.setCurrentIndex(editor.findData("HDPE"))
    delegate.setModelData(editor, table.model, index)
    assert table.model.data(index, Qt.ItemDataRole.EditRole) == "HDPE"


def test_ui_table_widget_bad_expression_shows_caret(table):
    table.expression.setText('"diameter_mm" >')
    assert not table.apply_expression()
    assert table.error.isVisibleTo(table) and "^" in table.error.text()
    table.expression.setText('"diameter_mm" >= 300')
    assert table.apply_expression()
    assert table.model.order.tolist() == [4, 5]  # diameters 300 and 350 mm


def test_ui_table_widget_follows_language_switch(qapp, table):
    from gisdesk.ui import i18n as ui_i18n

    index = _index(table, 0, "material")
    assert ui_i18n.install_language(qapp, "id")
    try:
        qapp.processEvents()
        assert table.selected_only.text() == "Hanya yang dipilih"
        header = table.model.headerData(index.column(), Qt.Orientation.Horizontal)
        assert header == "Bahan"
    finally:
        ui_i18n.install_language(qapp, "en")
        qapp.processEvents()
    assert table.model.headerData(index.column(), Qt.Orientation.Horizontal) == "Material"


def test_ui_table_widget_number_and_date_editors(table):
    from PySide6.QtWidgets import QDateEdit, QSpinBox

    delegate = table.view.itemDelegate()
    index = _index(table, 1, "diameter_mm")
    spin = delegate.createEditor(table.view, None, index)
    delegate.setEditorData(spin, index)
    assert isinstance(spin, QSpinBox) and spin.suffix() == " mm"
    assert (spin.minimum(), spin.maximum(), spin.value()) == (25, 1500, 150)
    spin.setValue(175)
    delegate.setModelData(spin, table.model, index)
    assert table.model.data(index) == "175 mm"
    date_index = _index(table, 1, "last_inspected")
    date = delegate.createEditor(table.view, None, date_index)
    delegate.setEditorData(date, date_index)
    assert isinstance(date, QDateEdit) and date.calendarPopup()
    assert date.date().toString("yyyy-MM-dd") == "2020-01-01"
