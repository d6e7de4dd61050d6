"""The Analysis menu: queries, nearest, summaries, network tools and risk, wired to a window.

Everything here is glue: dialogs and tools do the work; results go to the shared selection,
to temporary layers and to one "Analysis results" dock with an exportable table. Long work runs
on the window's job runner, so the status bar shows its progress and a Cancel button.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QInputDialog, QMenu, QMessageBox

from gisdesk.core.layer import MapLayer
from gisdesk.planning.result_layer import RESULT_LAYER
from gisdesk.query.expression import ExpressionError
from gisdesk.query.saved import SavedQuery
from gisdesk.query.spatial import buffer_features
from gisdesk.ui.analysis.background import start_locked
from gisdesk.ui.analysis.expression_builder import ExpressionBuilderDialog
from gisdesk.ui.analysis.layer_combo import find_layer
from gisdesk.ui.analysis.location_dialog import SelectByLocationDialog
from gisdesk.ui.analysis.nearest_dialog import NearestDialog
from gisdesk.ui.analysis.network_tools import (
    IsolateBreakTool,
    NetworkCache,
    TraceTool,
    check_lines,
    problem_labels,
)
from gisdesk.ui.analysis.result_table import ResultTable
from gisdesk.ui.analysis.risk_dialog import RiskDialog
from gisdesk.ui.analysis.summary_dialog import SummaryDialog
from gisdesk.ui.i18n import current_language
from gisdesk.ui.jobs import Job, JobContext


class AnalysisUi(QObject):
    """Owns the Analysis menu, the network tools and the results dock of one main window."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.results = ResultTable()
        self.results.row_activated.connect(self._zoom_to_row)
        self.dock = QDockWidget(window)
        self.dock.setObjectName("analysis_dock")
        self.dock.setWidget(self.results)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self.dock.hide()
        cache = NetworkCache()
        canvas, project, selection = window.canvas, window.project, window.selection
        self.isolate_tool = IsolateBreakTool(canvas, project, selection, cache, window.jobs)
        self.isolate_tool.isolated.connect(self._show_isolation)
        self.isolate_tool.failed.connect(lambda text: QMessageBox.warning(
            self.window, self.tr("Cannot isolate the break"), text))
        self.isolate_tool.busy.connect(lambda: window.status.showMessage(
            self.tr("Still isolating the last break; wait or cancel it."), 4000))
        self.check_job: Job | None = None
        self.trace_down = TraceTool(canvas, project, selection, "downstream", cache)
        self.trace_up = TraceTool(canvas, project, selection, "upstream", cache)
        for tool in (self.trace_down, self.trace_up):
            tool.traced.connect(lambda table: self.show_table(self.tr("Drain trace"), table))
        self._rows: pd.DataFrame | None = None
        self._create_menu()
        self.retranslate()
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def _act(self, slot: Any, shortcut: str | None = None, checkable: bool = False) -> QAction:
        action = QAction(self.window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        return action

    def _create_menu(self) -> None:
        self.act_expression = self._act(self.select_by_expression, "Ctrl+E")
        self.act_location = self._act(self.select_by_location)
        self.act_nearest = self._act(lambda: NearestDialog(
            self.window.project, self.window.selection, self.window, self.window.jobs).exec())
        self.act_summary = self._act(lambda: SummaryDialog(
            self.window.project, self.window, self.window.jobs).exec())
        self.act_isolate = self._act(lambda on: self._tool(self.isolate_tool, on), None, True)
        self.act_trace_down = self._act(lambda on: self._tool(self.trace_down, on), None, True)
        self.act_trace_up = self._act(lambda on: self._tool(self.trace_up, on), None, True)
        self.act_check = self._act(lambda: self.check_network("water_mains"))
        self.act_check_drains = self._act(lambda: self.check_network("drains"))
        self.act_risk = self._act(self.open_risk_dialog)
        self.act_buffer = self._act(self.buffer_dialog)
        self.menu = QMenu(self.window)
        self.menu.addActions([self.act_expression, self.act_location, self.act_nearest,
                              self.act_summary, self.act_buffer])
        self.menu_saved = self.menu.addMenu("")
        self.menu_saved.aboutToShow.connect(self._fill_saved)
        self.menu.addSeparator()
        self.menu.addActions([self.act_isolate, self.act_trace_down, self.act_trace_up,
                              self.act_check, self.act_check_drains])
        self.menu.addSeparator()
        self.menu.addAction(self.act_risk)
        self.window.menuBar().addMenu(self.menu)

    def retranslate(self) -> None:
        """Menu texts in the current language."""
        self.menu.setTitle(self.tr("&Analysis"))
        self.menu_saved.setTitle(self.tr("Saved &Queries"))
        self.dock.setWindowTitle(self.tr("Analysis results"))
        for action, text in (
            (self.act_expression, self.tr("Select by &Expression…")),
            (self.act_location, self.tr("Select by &Location…")),
            (self.act_nearest, self.tr("&Nearest Features…")),
            (self.act_summary, self.tr("Summaries by &Area…")),
            (self.act_isolate, self.tr("&Isolate Break (click a main)")),
            (self.act_trace_down, self.tr("Trace &Downstream (click a drain)")),
            (self.act_trace_up, self.tr("Trace &Upstream (click a drain)")),
            (self.act_check, self.tr("Network &Check (water mains)")),
            (self.act_check_drains, self.tr("Network Chec&k (drains)")),
            (self.act_risk, self.tr("&Risk && Programme…")),
            (self.act_buffer, self.tr("&Buffer…")),
        ):
            action.setText(text)

    # --- actions ------------------------------------------------------------------------------
    def _current_layer(self) -> Any:
        name = self.window._current_layer_name()
        layer = self.window.project.layer(name) if name else None
        return layer or next((lyr for lyr in reversed(self.window.project.layers)
                              if lyr.is_spatial), None)

    def select_by_expression(self) -> None:
        """Ctrl+E: build an expression for the current layer and select what matches."""
        layer = self._current_layer()
        if layer is None:
            return
        dialog = ExpressionBuilderDialog(layer, self.window.project.catalog, parent=self.window,
                                         project=self.window.project)
        if dialog.exec():
            self.window.selection.set(layer.name, np.flatnonzero(dialog.mask()))

    def select_by_location(self) -> None:
        """Open the location query dialog."""
        SelectByLocationDialog(self.window.project, self.window.selection, self.window,
                               self.window.jobs).exec()

    def run_saved(self, data: dict) -> None:
        """Re-run a saved query and select its answer."""
        project = self.window.project
        try:
            query = SavedQuery.from_dict(data)
            mask = query.run({lyr.name: lyr for lyr in project.layers}, project.catalog)
        except (KeyError, ValueError, ExpressionError) as exc:
            QMessageBox.warning(self.window, self.tr("Cannot run the query"), str(exc))
            return
        self.window.selection.set(query.layer, np.flatnonzero(mask))

    def _fill_saved(self) -> None:
        self.menu_saved.clear()
        for data in self.window.project.saved_queries:
            action = self.menu_saved.addAction(str(data.get("name", "?")))
            action.triggered.connect(lambda _=False, d=data: self.run_saved(d))
        if not self.window.project.saved_queries:
            self.menu_saved.addAction(self.tr("(none)")).setEnabled(False)

    def buffer_dialog(self) -> None:
        """Buffer the current layer (its selection, if any) by N metres into a new layer."""
        layer = self._current_layer()
        if layer is None:
            return
        distance, ok = QInputDialog.getDouble(
            self.window, self.tr("Buffer"),
            self.tr("Distance around {layer} (m)").format(
                layer=layer.title_in(current_language())), 50.0, 0.0, 1e5, 1)
        if ok:
            self.add_buffer(layer, distance)

    def add_buffer(self, layer: Any, distance: float) -> Any:
        """A temporary layer of ``distance`` m buffers of ``layer``'s selected (or all) features."""
        rows = self.window.selection.rows(layer.name)
        frame = layer.frame.iloc[rows] if len(rows) else layer.frame
        try:
            shapes = buffer_features(frame, distance, layer.name, dissolve=True)
        except ValueError as exc:
            QMessageBox.warning(self.window, self.tr("Cannot buffer"), str(exc))
            return None
        name = f"{layer.name}_buffer_{distance:g}m"
        return self.window.project.add_layer(MapLayer(name=name, frame=shapes))

    def _tool(self, tool: Any, on: bool) -> None:
        for other, action in ((self.isolate_tool, self.act_isolate),
                              (self.trace_down, self.act_trace_down),
                              (self.trace_up, self.act_trace_up)):
            if other is not tool:
                other.set_active(False)
                action.setChecked(False)
        tool.set_active(on)

    def check_network(self, kind: str = "water_mains", near_miss: float = 1.0) -> Job | None:
        """Network check of the mains or drains: pieces, dangling ends, near-misses.

        Runs in the background (status bar progress and Cancel); both check entries stay
        disabled until it ends. The table lists problems; a double-click zooms to one.
        """
        lines = find_layer(self.window.project, kind)
        if lines is None or self.check_job is not None:
            if lines is None:
                known = self.window.project.catalog.layers.get(kind)
                name = known.title.get(current_language()) if known is not None else kind
                QMessageBox.warning(self.window, self.tr("Network check failed"), self.tr(
                    "No {layer} layer is open.").format(layer=name))
            return None
        valves = find_layer(self.window.project, "valves") if kind == "water_mains" else None
        labels = problem_labels()

        def work(ctx: JobContext) -> tuple[str, pd.DataFrame]:
            return check_lines(lines, valves, kind, near_miss, labels, cancel=ctx.cancel_event)

        job = Job(self.tr("Network check"), work)
        title = lines.title_in(current_language())
        job.succeeded.connect(lambda out: self.show_table(self.tr(
            "Network check of {layer}: {n} connected pieces").format(layer=title, n=out[0]),
            out[1]))
        job.failed.connect(lambda exc: QMessageBox.warning(
            self.window, self.tr("Network check failed"), str(exc)))
        job.ended.connect(self._check_ended)
        self.check_job = start_locked(self.window.jobs, job,
                                      [self.act_check, self.act_check_drains])
        return self.check_job

    def _check_ended(self) -> None:
        self.check_job = None

    def open_risk_dialog(self) -> RiskDialog:
        """The Risk & programme dialog (non-modal, so the map stays usable)."""
        dialog = RiskDialog(self.window.project, self.window.jobs, self.window)
        dialog.table.row_activated.connect(self._show_programme_row)
        dialog.show()
        return dialog

    def _show_programme_row(self, row: int) -> None:
        """Select the asset of a ranked-table row in the result layer and zoom to it."""
        layer = self.window.project.layer(RESULT_LAYER)
        if layer is None or row >= len(layer.frame):
            return
        self.window.selection.set(layer.name, [row])
        minx, miny, maxx, maxy = layer.frame.geometry.iloc[row].bounds
        pad = 50.0
        self.window.canvas.set_extent((minx - pad, miny - pad, maxx + pad, maxy + pad))

    # --- results ------------------------------------------------------------------------------
    def _show_isolation(self, result: Any, table: pd.DataFrame) -> None:
        mains = self.isolate_tool.layers()[0]
        main = result.broken_main
        if mains is not None and "asset_id" in mains.frame.columns:
            main = mains.frame.at[result.broken_main, "asset_id"]
        title = self.tr("Break on {main}: {v} valves to close, {m} dry mains, "
                        "{b} buildings without water").format(
            main=main, v=len(result.valves_to_close), m=len(result.dry_mains),
            b=len(result.affected_buildings))
        self.show_table(title, table)

    def show_table(self, title: str, table: pd.DataFrame) -> None:
        """List ``table`` in the results dock."""
        self._rows = table
        self.results.set_result(title, table, catalog=self.window.project.catalog)
        self.dock.show()

    def _zoom_to_row(self, row: int) -> None:
        table = self._rows
        if table is None or row >= len(table):
            return
        if {"x", "y"} <= set(table.columns):
            x, y = float(table["x"].iloc[row]), float(table["y"].iloc[row])
            self.window.canvas.set_extent((x - 50, y - 50, x + 50, y + 50))
