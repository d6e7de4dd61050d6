"""Texts of the editing actions, toolbar, menu and docks (re-applied on a language switch)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from gisdesk.ui.editing.map_edit_tools import EditMode

if TYPE_CHECKING:
    from gisdesk.ui.editing.editing_ui import EditingUi


def _tr(text: str) -> str:
    return QCoreApplication.translate("EditingUi", text)


def retranslate_editing(ui: EditingUi) -> None:
    """Set every editing text in the current UI language."""
    modes = {
        EditMode.ADD: (_tr("Add Feature"), _tr("Click to place vertices; double-click or Enter "
                                               "finishes, Backspace removes the last vertex, "
                                               "Esc cancels")),
        EditMode.MOVE: (_tr("Move Feature"), _tr("Drag a feature to move it")),
        EditMode.VERTEX: (_tr("Vertex Tool"), _tr("Drag a vertex to move it, double-click a "
                                                  "segment to add one, select one and press "
                                                  "Delete to remove it")),
        EditMode.SPLIT: (_tr("Split Line"), _tr("Click on a line where it should be split")),
    }
    for mode, (text, tip) in modes.items():
        ui.mode_actions[mode].setText(text)
        ui.mode_actions[mode].setToolTip(tip)
    ui.act_toggle.setText(_tr("Toggle &Editing"))
    ui.act_delete.setText(_tr("&Delete Selected"))
    ui.act_snapping.setText(_tr("Snapping"))
    ui.act_snapping.setToolTip(_tr("Snap to vertices and segments of visible layers "
                                   "(S on the map while editing)"))
    ui.act_save.setText(_tr("&Save Edits"))
    ui.act_history.setText(_tr("Feature &History"))
    ui.act_profile.setText(_tr("&User Profile…"))
    ui.act_undo.setText(_tr("&Undo"))
    ui.act_redo.setText(_tr("&Redo"))
    ui.undo_view.setEmptyLabel(_tr("<no edits>"))
    ui.toolbar.setWindowTitle(_tr("Editing"))
    ui.menu_edit.setTitle(_tr("&Edit"))
    ui.undo_dock.setWindowTitle(_tr("Undo History"))
    ui.history_dock.setWindowTitle(_tr("Feature History"))
    ui.audit_dock.setWindowTitle(_tr("Audit Trail"))
    ui.update_actions()
