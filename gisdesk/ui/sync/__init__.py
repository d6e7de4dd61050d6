"""Sync in the main window: a Sync dock, File ▸ Check out from hub…, reload after a sync, and
"Asset history…" (the identify panel's context menu and the dock) for the feature on display."""

from __future__ import annotations

import getpass
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMessageBox

from gisdesk.io.readers import read_layer
from gisdesk.sync.folder_hub import HubError
from gisdesk.sync.working_copy import SyncReport
from gisdesk.ui.sync.dialogs import AssetHistoryDialog, CheckoutDialog
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
        self.act_asset_history = QAction(window)
        self.act_asset_history.triggered.connect(self.show_asset_history)
        identify = getattr(window, "identify_panel", None)
        if identify is not None and hasattr(identify, "table"):
            identify.table.addAction(self.act_asset_history)  # its context menu
        self.panel.btn_asset_history.clicked.connect(self.show_asset_history)
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
        self.act_asset_history.setText(self.tr("Asset history…"))
        self.act_asset_history.setToolTip(self.tr(
            "Who changed this asset and when, from the hub's history"))
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

    def current_asset(self) -> tuple[str, str] | None:
        """(layer, UUID) of the feature shown in the identify panel, else the first selected."""
        project = self.window.project
        hits: list[tuple[str, int]] = []
        identify = getattr(self.window, "identify_panel", None)
        if identify is not None and identify.current() is not None:
            hits.append(identify.current())
        selection = getattr(self.window, "selection", None)
        if selection is not None:
            hits += [(name, int(selection.rows(name)[0])) for name in selection.layers()
                     if selection.count(name)]
        for name, row in hits:
            layer = project.layer(name)
            key = layer.definition.key if layer is not None and layer.definition else "uuid"
            if layer is not None and key in layer.frame.columns and row < len(layer.frame):
                return name, str(layer.frame[key].iloc[row])
        return None

    def show_asset_history(self) -> AssetHistoryDialog | None:
        """The hub's history of the feature on display: who changed which field and when."""
        found = self.current_asset()
        if found is None:
            QMessageBox.information(self.window, self.tr("Asset history"),
                                    self.tr("Identify or select a feature first."))
            return None
        if self.panel.copy is None:
            QMessageBox.information(self.window, self.tr("Asset history"), self.tr(
                "The open data is not a working copy of a hub, so it has no sync history. "
                "Use File ▸ Check out from hub… first."))
            return None
        try:
            hub = self.panel.copy.hub()
            dialog = AssetHistoryDialog(hub, found[1], self.window, self.window.project.catalog)
        except HubError as exc:
            QMessageBox.warning(self.window, self.tr("Hub unreachable"), str(exc))
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

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
