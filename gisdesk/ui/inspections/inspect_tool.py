"""The quick "Inspect" map tool: click an asset on the map, record its inspection.

While the tool is on, the canvas pans as usual and a click picks the nearest asset of a visible
layer that gets inspected (top layer first); the inspection dialog then opens for it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from gisdesk.core import edits_frame as rows
from gisdesk.core.project import Project
from gisdesk.core.selection import features_at
from gisdesk.ui.canvas.map_canvas import MapCanvas
from gisdesk.ui.table.model import Editor

TOLERANCE_PX = 6


class InspectTool(QObject):
    """Turns canvas clicks into inspection dialogs while :attr:`active`."""

    picked = Signal(str, str)
    """(layer name, asset UUID) of the clicked asset."""

    def __init__(self, canvas: MapCanvas, project: Project, editor: Callable[[], Editor | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas, self.project, self._editor = canvas, project, editor
        self.active = False
        self.open_dialogs = True
        self.dialog: QWidget | None = None
        canvas.clicked_world.connect(self._clicked)

    def pick(self, x: float, y: float) -> tuple[str, str] | None:
        """The inspected asset under (x, y): nearest in the topmost visible layer, or None."""
        tolerance = TOLERANCE_PX * self.canvas.viewport.resolution
        for layer in reversed(self.project.layers):
            ldef = layer.definition
            if not layer.visible or not layer.is_spatial or ldef is None or not ldef.inspection:
                continue
            found = features_at(layer, x, y, tolerance)
            if len(found):
                return layer.name, str(layer.frame[rows.key_of(layer)].iat[int(found[0])])
        return None

    def _clicked(self, x: float, y: float) -> None:
        if not self.active:
            return
        hit = self.pick(x, y)
        if hit is None:
            return
        self.picked.emit(*hit)
        editor = self._editor()
        if self.open_dialogs and editor is not None:
            from gisdesk.ui.inspections.dialog import InspectionDialog  # noqa: PLC0415

            layer = self.project.layer(hit[0])
            assert layer is not None
            parent = self.parent() if isinstance(self.parent(), QWidget) else None
            self.dialog = InspectionDialog(self.project, layer, hit[1], editor, parent)
            self.dialog.open()
