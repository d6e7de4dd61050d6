"""The main window's Layer menu: F6 attribute table, layer context menu, forms, views."""

from __future__ import annotations

import pytest
from _edit_fixtures import PDAM_EDITOR, open_project, write_city
from PySide6.QtCore import Qt

from gisdesk.core.definitions import default_catalog
from gisdesk.core.project import Project
from gisdesk.ui.main_window import MainWindow
from gisdesk.ui.settings import AppSettings
from gisdesk.ui.table.table_widget import AttributeTable


@pytest.fixture
def window(qtbot, tmp_path):
    win = MainWindow(Project(catalog=default_catalog()), AppSettings(tmp_path / "s.ini"))
    qtbot.addWidget(win)
    loaded = open_project(write_city(tmp_path / "city.gpkg"))
    for layer in loaded.layers:
        win.project.add_layer(layer)
    yield win
    for form in list(win.asset_tables.forms):
        form.close()


def test_ui_table_install_f6_opens_current_layer_table(window):
    ui = window.asset_tables
    assert ui.act_table.shortcut().toString() == "F6"
    window.layers_panel.select_layer("water_mains")
    ui.act_table.trigger()
    dock = ui.tables["water_mains"]
    table = dock.widget()
    assert isinstance(table, AttributeTable) and table.model.rowCount() == 6
    window.selection.set("water_mains", [3])
    assert [i.row() for i in table.view.selectionModel().selectedRows()] == [3]
    assert ui.open_table("water_mains") is table  # a second F6 raises the same dock
    table.model.sort(table.model.column_index("asset_id"), Qt.SortOrder.DescendingOrder)
    table.view.verticalHeader().sectionDoubleClicked.emit(0)
    assert ui.forms[-1].inputs["asset_id"].value() == "WM-005"


def test_ui_table_install_layer_context_menu_entry(window):
    menu = window.layers_panel.build_menu("streetlights")
    entry = [a for a in menu.actions() if a.text() == "Open Attribute Table"]
    assert len(entry) == 1
    entry[0].trigger()
    assert "streetlights" in window.asset_tables.tables


def test_ui_table_install_form_and_views(window):
    ui = window.asset_tables
    window.selection.set("water_mains", [1])
    ui.act_form.trigger()
    (form,) = ui.forms
    assert form.inputs["asset_id"].value() == "WM-001"
    overdue = ui.show_overdue()
    assert overdue.layer_box.count() >= 2
    charts = ui.show_charts()
    charts.show_layer("water_mains")
    assert int(charts.counts.sum()) == 6


def test_ui_table_install_cell_edit_on_the_window_undo_stack(window):
    if window.editing is None:
        pytest.skip("editing UI not installed")
    bridge = window.editing.controller.undo
    table = window.asset_tables.open_table("water_mains")
    assert table.model.editor is bridge
    index = table.model.index(0, table.model.column_index("pressure_zone"))
    assert not table.model.setData(index, "Z7")  # no profile yet: a viewer
    assert "viewer" in table.message.text() and bridge.stack.count() == 0
    window.editing.controller.set_profile(PDAM_EDITOR)
    assert table.model.setData(index, "Z7")
    assert bridge.stack.count() == 1
    bridge.stack.undo()
    assert table.model.data(index) == "Z1"


def test_ui_table_install_removed_layer_closes_its_table(window):
    ui = window.asset_tables
    ui.open_table("roads")
    ui.open_table("water_mains")
    window.project.remove_layer("roads")
    assert set(ui.tables) == {"water_mains"}
