"""Texts of the editing actions, toolbar, menu and docks (re-applied on a language switch)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from gisdesk.ui.editing.map_edit_tools import EditMode

if TYPE_CHECKING:
    from gisdesk.ui.editing.editing_ui import EditingUi


def _mode_texts() -> dict[EditMode, tuple[str, str]]:
    t = QCoreApplication
    return {
        EditMode.ADD: (
            t.translate("EditingUi", "Add Feature"),
            t.translate("EditingUi", "Click to place vertices; double-click or Enter finishes, "
                                     "Backspace removes the last vertex, Esc cancels"),
        ),
        EditMode.MOVE: (
            t.translate("EditingUi", "Move Feature"),
            t.translate("EditingUi", "Drag a feature to move it"),
        ),
        EditMode.VERTEX: (
            t.translate("EditingUi", "Vertex Tool"),
            t.translate("EditingUi", "Drag a vertex to move it, double-click a segment to add "
                                     "one, select one and press Delete to remove it"),
        ),
        EditMode.SPLIT: (
            t.translate("EditingUi", "Split Line"),
            t.translate("EditingUi", "Click on a line where it should be split"),
        ),
    }


def retranslate_editing(ui: EditingUi) -> None:
    """Set every editing text in the current UI language."""
    t = QCoreApplication
    for mode, (text, tip) in _mode_texts().items():
        ui.mode_actions[mode].setText(text)
        ui.mode_actions[mode].setToolTip(tip)
    ui.act_toggle.setText(t.translate("EditingUi", "Toggle &Editing"))
    ui.act_delete.setText(t.translate("EditingUi", "&Delete Selected"))
    ui.act_snapping.setText(t.translate("EditingUi", "Snapping"))
    ui.act_snapping.setToolTip(t.translate(
        "EditingUi", "Snap to vertices and segments of visible layers (S on the map while "
                     "editing)"))
    ui.act_save.setText(t.translate("EditingUi", "&Save Edits"))
    ui.act_history.setText(t.translate("EditingUi", "Feature &History"))
    ui.act_profile.setText(t.translate("EditingUi", "&User Profile…"))
    ui.act_undo.setText(t.translate("EditingUi", "&Undo"))
    ui.act_redo.setText(t.translate("EditingUi", "&Redo"))
    ui.undo_view.setEmptyLabel(t.translate("EditingUi", "<no edits>"))
    ui.controller.undo.retranslate()  # entries name fields and layers in the UI language
    ui.toolbar.setWindowTitle(t.translate("EditingUi", "Editing"))
    ui.menu_edit.setTitle(t.translate("EditingUi", "&Edit"))
    ui.undo_dock.setWindowTitle(t.translate("EditingUi", "Undo History"))
    ui.history_dock.setWindowTitle(t.translate("EditingUi", "Feature History"))
    ui.audit_dock.setWindowTitle(t.translate("EditingUi", "Audit Trail"))
    ui.update_actions()
