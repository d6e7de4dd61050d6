"""What the identify and select tools do with a click or box on the canvas.

The canvas only reports world coordinates; this controller turns them into rows with
:mod:`gisdesk.core.selection` and writes the result into the shared
:class:`~gisdesk.core.selection.Selection` (selection) or hands it on (identify). The canvas
then highlights whatever the selection holds, whoever changed it (table, panel or map).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QObject, Signal

from gisdesk.core.layer import MapLayer
from gisdesk.core.project import Project
from gisdesk.core.selection import Selection, features_at, features_in_rect
from gisdesk.ui.canvas.map_canvas import MapCanvas, Tool

TOLERANCE_PX = 5
"""How far (in screen pixels) a click may miss a point or a line and still hit it."""

Hits = list[tuple[str, np.ndarray]]


class MapTools(QObject):
    """Connects canvas clicks and boxes to identify results and the selection."""

    identified = Signal(object)
    """Identify results: ``[(layer name, rows), …]``, top layer first (may be empty)."""

    def __init__(
        self, canvas: MapCanvas, project: Project, selection: Selection,
        current_layer: Callable[[], str | None], parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.canvas, self.project, self.selection = canvas, project, selection
        self._current_layer = current_layer
        canvas.clicked_world.connect(self._on_clicked)
        canvas.rect_selected_world.connect(self.select_in_rect)
        selection.changed.connect(self._show_selection)

    def queryable_layers(self) -> list[MapLayer]:
        """Visible spatial layers, top of the drawing order first (what the user sees first)."""
        return [lyr for lyr in reversed(self.project.layers) if lyr.visible and lyr.is_spatial]

    def selectable_layers(self) -> list[MapLayer]:
        """The layer highlighted in the layers panel, or else every queryable layer."""
        name = self._current_layer()
        current = self.project.layer(name) if name else None
        return [current] if current is not None else self.queryable_layers()

    def identify_at(self, x: float, y: float) -> Hits:
        """Features under (x, y) in every visible layer, top layer first."""
        tolerance = TOLERANCE_PX * self.canvas.viewport.resolution
        return [
            (lyr.name, rows) for lyr in self.queryable_layers()
            if len(rows := features_at(lyr, x, y, tolerance))
        ]

    def select_at(self, x: float, y: float) -> None:
        """Select the one feature nearest the click (top layer first), or clear the selection."""
        tolerance = TOLERANCE_PX * self.canvas.viewport.resolution
        self.selection.clear()
        for lyr in self.selectable_layers():
            rows = features_at(lyr, x, y, tolerance)
            if len(rows):
                self.selection.set(lyr.name, rows[:1])
                return

    def select_in_rect(self, minx: float, miny: float, maxx: float, maxy: float) -> None:
        """Select everything the box touches in the selectable layers (replacing the selection)."""
        self.selection.clear()
        for lyr in self.selectable_layers():
            self.selection.set(lyr.name, features_in_rect(lyr, (minx, miny, maxx, maxy)))

    def flash_feature(self, layer_name: str, row: int) -> None:
        """Outline row ``row`` of ``layer_name`` on the canvas for a moment."""
        layer = self.project.layer(layer_name)
        if layer is not None and layer.is_spatial and 0 <= row < len(layer.frame):
            self.canvas.flash(layer.frame.geometry.iloc[row])

    def _on_clicked(self, x: float, y: float) -> None:
        if self.canvas.tool is Tool.IDENTIFY:
            self.identified.emit(self.identify_at(x, y))
        elif self.canvas.tool is Tool.SELECT_RECT:
            self.select_at(x, y)

    def _show_selection(self, *_args: object) -> None:
        self.canvas.set_selection({n: self.selection.rows(n) for n in self.selection.layers()})
