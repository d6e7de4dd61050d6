"""Editing on the map: undo stack, save and crash recovery, digitizing, roles, history.

:func:`install` adds everything to a main window; the window calls it once if this package is
present (the window works without it, read-only).
"""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow

from gisdesk.ui.editing.editing_ui import EditingUi


def install(window: QMainWindow) -> EditingUi:
    """Add the Edit menu, Editing toolbar and editing docks to ``window``."""
    return EditingUi(window)
