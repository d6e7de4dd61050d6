"""The main window gets an Analysis menu; Ctrl+E is Select by Expression; tools exclusive."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

from gisdesk.core.definitions import default_catalog
from gisdesk.core.project import Project
from gisdesk.ui.main_window import MainWindow
from gisdesk.ui.settings import AppSettings


def test_ui_analysis_menu_in_main_window(qtbot, tmp_path):
    window = MainWindow(Project(catalog=default_catalog()), AppSettings(tmp_path / "s.ini"))
    qtbot.addWidget(window)
    ui = window.analysis
    assert ui is not None
    titles = [a.text() for a in window.menuBar().actions()]
    assert "&Analysis" in titles
    assert ui.act_expression.shortcut() == QKeySequence("Ctrl+E")
    ui.act_isolate.trigger()
    assert ui.isolate_tool.active
    ui.act_trace_down.trigger()
    assert ui.trace_down.active and not ui.isolate_tool.active
    assert not ui.act_isolate.isChecked()
    window.jobs.wait(2000)
    window.canvas.shutdown()


def test_ui_analysis_buffer_and_isolation_title(qtbot, tmp_path):
    from _planning_fixtures import buildings, mains, valves

    from gisdesk.core.layer import MapLayer

    catalog = default_catalog()
    window = MainWindow(Project(catalog=catalog), AppSettings(tmp_path / "s.ini"))
    qtbot.addWidget(window)
    for name, frame in (("water_mains", mains()), ("valves", valves()),
                        ("buildings", buildings())):
        window.project.add_layer(MapLayer(name, frame, catalog.match(name)))
    ui = window.analysis
    window.selection.set("water_mains", [2])  # C: 100 m long
    made = ui.add_buffer(window.project.layer("water_mains"), 10)
    assert made.name == "water_mains_buffer_10m"
    # a 100 m line buffered by 10 m: 100 x 20 rectangle plus a 10 m circle
    assert abs(made.frame.geometry.area.iloc[0] - (2000 + 314.16)) < 2
    with qtbot.waitSignal(ui.isolate_tool.isolated, timeout=10000):
        assert ui.isolate_tool.isolate_at(250, 1) is not None  # a background job
    assert ui.results.title.text().startswith("Break on C: 1 valves to close, 1 dry mains, "
                                              "3 buildings")
    assert ui.results.model.rowCount() == 1 + 1 + 3
    window.jobs.wait(2000)
    window.canvas.shutdown()
