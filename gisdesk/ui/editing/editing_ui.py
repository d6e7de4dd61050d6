"""The editing part of the main window: Edit menu, Editing toolbar, undo/history/audit docks.

Built by :func:`gisdesk.ui.editing.install` once the window exists; it adds its actions to the
window's map-tool group (so an editing tool and Pan/Identify/Select exclude each other), keeps
the actions enabled only for what the user's role allows on the current layer, and routes
finished sketches through an attribute dialog into an ``AddFeature`` command.
"""

from __future__ import annotations

import importlib
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMessageBox, QToolBar, QUndoView

from gisdesk.core import edits_frame as rows
from gisdesk.core.edits import AddFeature, DeleteFeature
from gisdesk.core.snapping import unconnected_ends
from gisdesk.ui.dialogs.profile_dialog import ProfileDialog
from gisdesk.ui.editing.attribute_dialog import AttributeDialog
from gisdesk.ui.editing.controller import EditingController, gpkg_of
from gisdesk.ui.editing.map_edit_tools import EditMode, EditTools
from gisdesk.ui.editing.ui_texts import retranslate_editing
from gisdesk.ui.panels.audit_panel import AuditPanel
from gisdesk.ui.panels.history_panel import FeatureHistoryPanel


class EditingUi(QObject):
    """Actions, toolbar, menu and docks of editing, wired to a controller and the map tools."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.controller = EditingController(window.project, window.settings, window)
        self.tools = EditTools(window.canvas, self.controller)
        self.dialog: Any = None
        self._create_actions()
        self._create_toolbar_and_menu()
        self._create_docks()
        self._connect()
        retranslate_editing(self)
        self.update_actions()

    # --- construction -------------------------------------------------------------------------
    def _action(self, slot, shortcut: str | None = None, checkable: bool = False) -> QAction:
        action = QAction(self.window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        return action

    def _create_actions(self) -> None:
        w, c = self.window, self.controller
        # Ctrl+S saves edits (as in the issue); the project file moves to Ctrl+Alt+S.
        w.act_save_project.setShortcut(QKeySequence("Ctrl+Alt+S"))
        self.act_toggle = self._action(self.toggle_editing, "Ctrl+Shift+E", checkable=True)
        self.mode_actions: dict[EditMode, QAction] = {}
        for mode in (EditMode.ADD, EditMode.MOVE, EditMode.VERTEX, EditMode.SPLIT):
            action = self._action(lambda _=False, m=mode: self.tools.set_mode(m), checkable=True)
            w.tool_group.addAction(action)
            self.mode_actions[mode] = action
        self.act_delete = self._action(self.delete_selected, "Delete")
        self.act_snapping = self._action(self.tools.set_snapping, checkable=True)
        self.act_snapping.setChecked(self.tools.snapping)
        self.act_save = self._action(c.save, "Ctrl+S")
        stack = c.undo.stack  # own actions (not createUndoAction) so the text is translated
        self.act_undo = self._action(stack.undo, "Ctrl+Z")
        self.act_redo = self._action(stack.redo)
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        stack.canUndoChanged.connect(self.act_undo.setEnabled)
        stack.canRedoChanged.connect(self.act_redo.setEnabled)
        stack.undoTextChanged.connect(self.act_undo.setToolTip)
        stack.redoTextChanged.connect(self.act_redo.setToolTip)
        self.act_undo.setEnabled(False)
        self.act_redo.setEnabled(False)
        self.act_history = self._action(self.show_feature_history, "Ctrl+H")
        self.act_profile = self._action(self.edit_profile)

    def _create_toolbar_and_menu(self) -> None:
        w = self.window
        self.toolbar = QToolBar(w)
        self.toolbar.setObjectName("EditingToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addActions([self.act_toggle, self.act_save])
        self.toolbar.addSeparator()
        self.toolbar.addActions(list(self.mode_actions.values()))
        self.toolbar.addActions([self.act_delete, self.act_snapping])
        self.toolbar.addSeparator()
        self.toolbar.addActions([self.act_undo, self.act_redo])
        w.addToolBar(self.toolbar)
        self.menu_edit = w.menuBar().addMenu("")
        w.menuBar().insertMenu(w.menu_view.menuAction(), self.menu_edit)
        self.menu_edit.addActions([self.act_undo, self.act_redo])
        self.menu_edit.addSeparator()
        self.menu_edit.addActions([self.act_toggle, self.act_save])
        self.menu_edit.addSeparator()
        self.menu_edit.addActions([*self.mode_actions.values(), self.act_delete,
                                   self.act_snapping])
        self.menu_edit.addSeparator()
        self.menu_edit.addAction(self.act_history)
        w.menu_settings.addAction(self.act_profile)

    def _dock(self, key: str, widget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(self.window)
        dock.setObjectName(f"{key}_dock")
        dock.setWidget(widget)
        self.window.addDockWidget(area, dock)
        self.window.menu_panels.addAction(dock.toggleViewAction())
        self.window.docks[key] = dock
        dock.hide()
        return dock

    def _create_docks(self) -> None:
        area = Qt.DockWidgetArea
        right, bottom = area.RightDockWidgetArea, area.BottomDockWidgetArea
        self.undo_view = QUndoView(self.controller.undo.stack)
        self.undo_dock = self._dock("undo_history", self.undo_view, right)
        self.history_panel = FeatureHistoryPanel(self.window.project)
        self.history_dock = self._dock("feature_history", self.history_panel, right)
        self.audit_panel = AuditPanel(self.gpkg_paths, catalog=self.window.project.catalog)
        self.audit_dock = self._dock("audit", self.audit_panel, bottom)
        self.audit_dock.visibilityChanged.connect(
            lambda shown: self.audit_panel.refresh() if shown else None)
        self.menu_edit.addActions([self.undo_dock.toggleViewAction(),
                                   self.audit_dock.toggleViewAction()])

    def _connect(self) -> None:
        w, c = self.window, self.controller
        c.state_changed.connect(self.update_actions)
        c.message.connect(lambda text: w.status.showMessage(text, 8000))
        w.tool_group.triggered.connect(self._tool_chosen)
        self.tools.snapping_changed.connect(self.act_snapping.setChecked)
        self.tools.feature_drawn.connect(self.ask_attributes)
        w.data_loaded.connect(c.check_journals)
        w.installEventFilter(self)
        w.project.layers_changed.connect(self.update_actions)
        self.destroyed.connect(lambda *_: w.project.layers_changed.disconnect(self.update_actions))
        if w.layers_panel is not None:
            w.layers_panel.current_layer_changed.connect(lambda _n: self.update_actions())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            retranslate_editing(self)
        return False

    # --- state --------------------------------------------------------------------------------
    def gpkg_paths(self) -> list:
        """GeoPackages of the project's layers (where audit trails live)."""
        return [p for p in (gpkg_of(lyr) for lyr in self.window.project.layers) if p]

    def update_actions(self, *_args: object) -> None:
        """Enable what the role allows on the current/edited layer; title shows unsaved edits."""
        c, editing = self.controller, self.controller.edit_layer is not None
        why = None if editing else c.why_not_editable(self.window._current_layer_name())
        self.act_toggle.setEnabled(editing or why is None)
        self.act_toggle.setChecked(editing)
        self.act_toggle.setToolTip(why or self.tr("Start or stop editing the current layer"))
        ldef = c.edit_definition()
        for mode, action in self.mode_actions.items():
            lines = ldef is not None and ldef.geometry == "LineString"
            ok = editing and (mode is not EditMode.SPLIT or lines)
            action.setEnabled(bool(ok))
        self.act_delete.setEnabled(editing)
        self.act_save.setEnabled(c.is_dirty)
        self.window.setWindowModified(c.is_dirty)
        if not editing and self.tools.mode is not EditMode.NONE:
            self.tools.set_mode(EditMode.NONE)
            self.window.tool_actions[next(iter(self.window.tool_actions))].trigger()

    def _tool_chosen(self, action: QAction) -> None:
        mode = next((m for m, a in self.mode_actions.items() if a is action), EditMode.NONE)
        self.tools.set_mode(mode)

    def toggle_editing(self, on: bool) -> None:
        """Edit ▸ Toggle Editing: start editing the current layer, or stop."""
        name = self.window._current_layer_name() if on else None
        self.controller.set_edit_layer(name)
        self.update_actions()

    # --- commands -----------------------------------------------------------------------------
    def ask_attributes(self, geometry: Any) -> None:
        """Open the attribute form for a drawn geometry; OK adds the feature."""
        c = self.controller
        ldef, name = c.edit_definition(), c.edit_layer
        if ldef is None or name is None:
            return

        def submit(values: dict[str, Any]) -> str | None:
            command = AddFeature(layer=name, values=values, geometry=geometry)
            error = c.try_apply(command)
            if error is None:
                self._warn_unconnected(name, command.uuid, geometry)
            return error

        form = _form_factory()
        self.dialog = form(ldef, self.window.project.catalog, submit, self.window)
        self.dialog.open()

    def _warn_unconnected(self, name: str, uuid: str, geometry: Any) -> None:
        layer = self.window.project.layer(name)
        if layer is None or layer.definition is None or layer.definition.network is None:
            return
        skip = [rows.position_of(layer, uuid)]
        ends = unconnected_ends(geometry, layer, self.tools.tolerance(), skip)
        if ends:
            text = self.tr("Warning: the new line does not connect to the network at %n "
                           "end(s). Check that it snaps to an existing main.", "", len(ends))
            self.controller.last_warning = text
            self.window.status.showMessage(text, 15000)

    def delete_selected(self) -> None:
        """Edit ▸ Delete Selected: after confirmation, one undo step for all of them."""
        c, sel = self.controller, self.window.selection
        name = c.edit_layer
        layer = self.window.project.layer(name) if name else None
        if layer is None or not sel.count(name):
            self.window.status.showMessage(self.tr("Select features of the edited layer first."),
                                           5000)
            return
        uuids = [str(u) for u in layer.frame[layer.definition.key].iloc[sel.rows(name)]]
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self.window, self.tr("Delete features"),
            self.tr("Delete %n selected feature(s) from {layer}?", "", len(uuids)).format(
                layer=name), buttons.Yes | buttons.No, buttons.No)
        if answer != buttons.Yes:
            return
        sel.clear()
        count = len(uuids)  # the entry's text is remade on a language switch
        c.apply_group(lambda: self.tr("Delete %n feature(s)", "", count),
                      [DeleteFeature(layer=name, uuid=u) for u in uuids])

    def selected_feature(self) -> tuple[str, str] | None:
        """(layer, UUID) of the first selected feature, edited layer first."""
        sel, project = self.window.selection, self.window.project
        names = sorted(sel.layers(), key=lambda n: n != self.controller.edit_layer)
        for name in names:
            layer = project.layer(name)
            if layer is not None and sel.count(name):
                key = layer.definition.key if layer.definition else "uuid"
                if key in layer.frame.columns:
                    return name, str(layer.frame[key].iloc[int(sel.rows(name)[0])])
        return None

    def show_feature_history(self) -> None:
        """Edit ▸ Feature History for the selected feature."""
        found = self.selected_feature()
        if found is None:
            self.window.status.showMessage(self.tr("Select a feature first."), 5000)
            return
        self.history_panel.show_feature(*found)
        self.history_dock.show()

    def edit_profile(self) -> bool:
        """Settings ▸ User Profile (also the first-start question)."""
        current = self.controller.profile if self.controller.has_profile else None
        dialog = ProfileDialog(self.window.project.catalog, current, self.window)
        if dialog.exec() and dialog.profile() is not None:
            self.controller.set_profile(dialog.profile())
            return True
        return False

    def ensure_profile(self) -> None:
        """At first start (no profile saved yet) ask who the user is."""
        if not self.controller.has_profile:
            self.edit_profile()


def _form_factory():
    """The form builder's dialog when installed (gisdesk.ui.forms), else the simple one."""
    try:
        forms = importlib.import_module("gisdesk.ui.forms")
    except ImportError:
        return AttributeDialog
    return getattr(forms, "new_feature_dialog", AttributeDialog)
