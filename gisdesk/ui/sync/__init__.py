"""Sync in the main window: a Sync dock, File ▸ Check out from hub…, reload after a sync."""

from __future__ import annotations

import getpass
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMessageBox

from gisdesk.io.readers import read_layer
from gisdesk.sync.working_copy import SyncReport
from gisdesk.ui.sync.dialogs import CheckoutDialog
from gisdesk.ui.sync.sync_panel import SyncPanel, find_working_copy


class SyncUi(QObject):
    """Owns the Sync dock and keeps it bound to the working copy whose data is open."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.panel = SyncPanel(window.project.catalog, self._author, self._before_sync)
        self.dock = QDockWidget(window)
        self.dock.setObjectName("sync_dock")
        self.dock.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        if hasattr(window, "menu_panels"):
            window.menu_panels.addAction(self.dock.toggleViewAction())
        self.act_checkout = QAction(window)
        self.act_checkout.triggered.connect(self.checkout)
        self.act_sync = QAction(window)
        self.act_sync.setShortcut("F9")
        self.act_sync.triggered.connect(self.panel.start_sync)
        if hasattr(window, "menu_file"):
            first = window.menu_file.actions()[0] if window.menu_file.actions() else None
            window.menu_file.insertActions(first, [self.act_checkout, self.act_sync])
        self.panel.synced.connect(self._reload)
        window.project.layers_changed.connect(self._bind)
        window.installEventFilter(self)  # retranslate with the window on a language switch
        self.retranslateUi()
        self._bind()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        return False

    def retranslateUi(self) -> None:
        """Texts of the actions and the dock in the current language."""
        self.act_checkout.setText(self.tr("Check out from &hub…"))
        self.act_sync.setText(self.tr("S&ync with hub"))
        self.dock.setWindowTitle(self.tr("Sync"))
        self.panel.retranslateUi()

    def _author(self) -> str:
        editing = getattr(self.window, "editing", None)
        profile = getattr(getattr(editing, "controller", None), "profile", None)
        name = getattr(profile, "name", "") if profile is not None else ""
        return name or getpass.getuser()

    def _before_sync(self) -> bool:
        """Unsaved edits must reach data.gpkg before a sync can send them."""
        controller = getattr(getattr(self.window, "editing", None), "controller", None)
        if controller is None or not controller.is_dirty:
            return True
        answer = QMessageBox.question(
            self.window, self.tr("Unsaved edits"),
            self.tr("Save your unsaved edits before syncing? They are sent with this sync."),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Save and controller.save()

    def _bind(self) -> None:
        for layer in self.window.project.layers:
            if layer.source is not None:
                copy = find_working_copy(Path(layer.source.path))
                if copy is not None:
                    if self.panel.copy is None or self.panel.copy.folder != copy.folder:
                        self.panel.set_working_copy(copy)
                    return
        self.panel.set_working_copy(None)

    def checkout(self) -> None:
        """Ask for a hub and a folder, check out, then open the new working copy's data."""
        dialog = CheckoutDialog(self.window)
        if dialog.exec() and dialog.copy is not None:
            self.window.open_path(dialog.copy.data)

    def _reload(self, report: SyncReport) -> None:
        """Layers of the working copy re-read their features after others' edits arrived."""
        if not report.pulled or self.panel.copy is None:
            return
        data = self.panel.copy.data.resolve()
        project = self.window.project
        for layer in project.layers:
            if layer.source is None or Path(layer.source.path).resolve() != data:
                continue
            fresh = read_layer(data, layer.source.layer, target_crs=project.crs,
                               catalog=project.catalog)
            layer.frame = fresh.frame
            layer.touch()
        project.layers_changed.emit()


def install(window: QMainWindow) -> SyncUi:
    """Add the Sync dock and actions to ``window``."""
    return SyncUi(window)
