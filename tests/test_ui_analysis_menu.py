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
