"""File menu entries for print and export: Print layout… (Ctrl+P), web map, table, layer, report.

The main window calls :func:`install` once. The export entries are thin dialogs over the
headless export functions (``gisdesk.export``) the command line uses, so both write the same
files; they read the window only through its public parts (project, canvas, menus).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow, QMessageBox

from gisdesk.ui import i18n
from gisdesk.ui.print.layout_dialog import PrintLayoutDialog

LAYER_FILTERS = ("GeoPackage (*.gpkg);;Shapefile (*.shp);;GeoJSON (*.geojson);;KML (*.kml);;"
                 "FlatGeobuf (*.fgb);;CSV (*.csv)")


class PrintExportUi(QObject):
    """The File ▸ print/export actions and the dialogs behind them."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window: Any = window
        self.dialog: PrintLayoutDialog | None = None
        self.act_print = self._action(self.open_print_layout, QKeySequence("Ctrl+P"))
        self.act_web = self._action(self.export_web_map)
        self.act_table = self._action(self.export_table)
        self.act_layer = self._action(self.export_layer)
        self.act_report = self._action(self.export_report)
        menu = getattr(window, "menu_file", None)
        if menu is not None:
            quit_action = getattr(window, "act_quit", None)
            before = quit_action if quit_action in menu.actions() else None
            separator = menu.insertSeparator(before) if before else menu.addSeparator()
            for action in (self.act_print, self.act_web, self.act_table, self.act_layer,
                           self.act_report):
                menu.insertAction(separator, action)
        window.installEventFilter(self)
        self.retranslateUi()

    def _action(self, slot: Callable[[], object], shortcut: QKeySequence | None = None) -> QAction:
        action = QAction(self.window)
        action.triggered.connect(lambda _=False: slot())
        if shortcut is not None:
            action.setShortcut(shortcut)
        return action

    def retranslateUi(self) -> None:
        self.act_print.setText(self.tr("Pri&nt Layout…"))
        self.act_web.setText(self.tr("Export &Web Map…"))
        self.act_table.setText(self.tr("Export &Table…"))
        self.act_layer.setText(self.tr("Export Lay&er…"))
        self.act_report.setText(self.tr("Export S&ummary Report…"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        return False

    # --- actions ------------------------------------------------------------------------------
    def open_print_layout(self) -> PrintLayoutDialog:
        """Show the print layout dialog over the current map view."""
        settings = getattr(getattr(self.window, "settings", None), "qsettings", None)
        self.dialog = PrintLayoutDialog(self.window.project, self.window.canvas.viewport,
                                        i18n.current_language(), settings, self.window)
        self.dialog.show()
        return self.dialog

    def _current_layer(self) -> Any:
        name = self.window._current_layer_name() if hasattr(
            self.window, "_current_layer_name") else None
        layer = self.window.project.layer(name) if name else None
        if layer is None:
            QMessageBox.information(self.window, self.tr("Export"),
                                    self.tr("Choose a layer in the Layers panel first."))
        return layer

    def _ask(self, caption: str, filters: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self.window, caption, "", filters)
        return Path(name) if name else None

    def _run(self, work: Callable[[], object]) -> bool:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            work()
        except (OSError, ValueError, KeyError) as exc:
            QApplication.restoreOverrideCursor()
            QMessageBox.warning(self.window, self.tr("Export"), str(exc))
            return False
        QApplication.restoreOverrideCursor()
        return True

    def export_web_map(self) -> None:
        """Visible layers to one offline HTML web map."""
        from gisdesk.export.webmap import export_web_map  # noqa: PLC0415 - folium is heavy

        path = self._ask(self.tr("Export web map"), self.tr("Web page (*.html)"))
        if path is None:
            return
        project = self.window.project
        layers = [lyr for lyr in project.layers if lyr.visible and lyr.geometry_kind != "none"]
        self._run(lambda: export_web_map(layers, path, title=path.stem,
                                         lang=i18n.current_language(), catalog=project.catalog))

    def export_table(self) -> None:
        """The chosen layer's attributes to CSV or XLSX with labels in the UI language."""
        from gisdesk.export.tables import export_table  # noqa: PLC0415

        layer = self._current_layer()
        path = layer and self._ask(self.tr("Export table"),
                                   self.tr("Excel (*.xlsx);;CSV (*.csv)"))
        if path:
            self._run(lambda: export_table(layer.frame, path, definition=layer.definition,
                                           catalog=self.window.project.catalog,
                                           lang=i18n.current_language()))

    def export_layer(self) -> None:
        """The chosen layer to GeoPackage, Shapefile, GeoJSON, KML, FlatGeobuf or CSV."""
        from gisdesk.export.layers import export_layer  # noqa: PLC0415

        layer = self._current_layer()
        path = layer and self._ask(self.tr("Export layer"), LAYER_FILTERS)
        if path:
            self._run(lambda: export_layer(layer, path))

    def export_report(self) -> None:
        """The summary report (HTML with charts) of the open project."""
        from gisdesk.export.report import export_report  # noqa: PLC0415

        path = self._ask(self.tr("Export summary report"), self.tr("Web page (*.html)"))
        if path:
            project = self.window.project
            self._run(lambda: export_report(project.layers, path, project.catalog,
                                            i18n.current_language()))


def install(window: QMainWindow) -> PrintExportUi:
    """Add the print and export entries to ``window``'s File menu."""
    return PrintExportUi(window)
