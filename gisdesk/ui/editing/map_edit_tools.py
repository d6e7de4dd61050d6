"""Mouse and keyboard editing on the map canvas: add, move, reshape and split features.

The tools watch the canvas through an event filter while one of them is active, so the canvas
keeps its own navigation (middle-button pan, wheel zoom, arrow keys) and knows nothing about
editing. Every finished gesture becomes one core command handed to the controller; the tools
only compute geometry (with snapping from :mod:`gisdesk.core.snapping`).
"""

from __future__ import annotations

import enum
from typing import Any

import shapely
from PySide6.QtCore import QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QWidget

from gisdesk.core import edits_frame as rows
from gisdesk.core.edits_geometry import SetGeometry, SplitLine, moved
from gisdesk.core.layer import MapLayer
from gisdesk.core.selection import features_at
from gisdesk.core.snapping import DEFAULT_TOLERANCE_PX, nearest_on_segment, snap
from gisdesk.core.snapping import nearest_vertex as nearest_layer_vertex
from gisdesk.ui.editing import vertices
from gisdesk.ui.editing.controller import EditingController
from gisdesk.ui.editing.overlay import EditOverlay

CLICK_SLOP_PX = 4
_KEYS = {Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape, Qt.Key.Key_Backspace,
         Qt.Key.Key_Delete, Qt.Key.Key_S}


class EditMode(enum.Enum):
    """Which editing tool owns the left mouse button."""

    NONE = "none"
    ADD = "add"
    MOVE = "move"
    VERTEX = "vertex"
    SPLIT = "split"


class EditTools(QObject):
    """The editing tools of one canvas (a MapCanvas)."""

    feature_drawn = Signal(object)
    """A new geometry was finished; the window asks for its attributes, then adds it."""
    snapping_changed = Signal(bool)

    def __init__(self, canvas: QWidget, controller: EditingController) -> None:
        super().__init__(canvas)
        self.canvas, self.controller = canvas, controller
        self.overlay = EditOverlay(canvas)
        self.mode = EditMode.NONE
        self.snapping = True
        self.tolerance_px = DEFAULT_TOLERANCE_PX
        self._press: QPointF | None = None
        self._dragging = False
        self._grab: tuple[str, Any] | None = None  # (uuid, VertexRef | start point)
        self._active: str | None = None  # UUID of the feature the vertex tool works on
        self._vertex: vertices.VertexRef | None = None
        canvas.installEventFilter(self)
        project = controller.project
        project.layers_changed.connect(self._refresh_handles)
        self.destroyed.connect(lambda *_: project.layers_changed.disconnect(self._refresh_handles))

    # --- state --------------------------------------------------------------------------------
    def set_mode(self, mode: EditMode) -> None:
        """Switch tool; whatever was being drawn is dropped."""
        self.mode = mode
        self.cancel()
        if mode is not EditMode.NONE:
            self.canvas.setCursor(Qt.CursorShape.CrossCursor)
            self.canvas.setFocus()

    def set_snapping(self, on: bool) -> None:
        """Turn snapping on or off (toolbar button or S on the canvas)."""
        self.snapping = on
        self.overlay.snap = None
        self.overlay.update()
        self.snapping_changed.emit(on)

    def cancel(self) -> None:
        """Drop the sketch, the grabbed vertex and the active feature."""
        self._press, self._dragging, self._grab = None, False, None
        self._active, self._vertex = None, None
        self.overlay.clear()

    @property
    def layer(self) -> MapLayer | None:
        """The layer being edited."""
        name = self.controller.edit_layer
        return self.controller.project.layer(name) if name else None

    def tolerance(self) -> float:
        """Snapping and picking tolerance in map units at the current zoom."""
        return self.tolerance_px * self.canvas.viewport.resolution

    def snapped(self, x: float, y: float, skip: dict[str, list[int]] | None = None):
        """(x, y) moved onto the nearest vertex/segment of a visible layer when snapping is on."""
        self.overlay.snap = None
        if not self.snapping:
            return x, y
        layers = [lyr for lyr in self.controller.project.layers if lyr.visible and lyr.is_spatial]
        hit = snap(layers, x, y, self.tolerance(), skip)
        self.overlay.snap = hit
        return (hit.x, hit.y) if hit is not None else (x, y)

    # --- event routing ------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.canvas or self.mode is EditMode.NONE or self.layer is None:
            return False
        kind = event.type()
        if kind == QEvent.Type.ShortcutOverride:
            return self._claim_key(event)
        if kind == QEvent.Type.KeyPress:
            return self._key(event)
        if kind == QEvent.Type.MouseMove:
            self._move(event)
            return False
        if not isinstance(event, QMouseEvent) or event.button() != Qt.MouseButton.LeftButton:
            return False
        x, y = self.canvas.viewport.to_world(event.position().x(), event.position().y())
        if kind == QEvent.Type.MouseButtonPress:
            self._press, self._dragging = event.position(), False
            self._pressed(x, y)
        elif kind == QEvent.Type.MouseButtonRelease:
            self._released(x, y)
            self._press, self._dragging = None, False
        elif kind == QEvent.Type.MouseButtonDblClick:
            self._double_clicked(x, y)
        return True

    def _claim_key(self, event: QKeyEvent) -> bool:
        """Keep the tools' keys (S, Delete, Enter…) from firing window shortcuts while editing."""
        key = event.key()
        if key in _KEYS and (key != Qt.Key.Key_Delete or self._vertex is not None):
            event.accept()
            return True
        return False

    def _move(self, event: QMouseEvent) -> None:
        pos = event.position()
        x, y = self.canvas.viewport.to_world(pos.x(), pos.y())
        if self._press is not None and (pos - self._press).manhattanLength() >= CLICK_SLOP_PX:
            self._dragging = True
        if self.mode is EditMode.ADD:
            self.overlay.hover = self.snapped(x, y)
        elif self._dragging and self._grab is not None:
            self.overlay.preview = self._dragged_geometry(x, y)
        elif self.mode in (EditMode.VERTEX, EditMode.SPLIT):
            self.snapped(x, y)
        self.overlay.update()

    def _key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key == Qt.Key.Key_S:
            self.set_snapping(not self.snapping)
        elif key == Qt.Key.Key_Escape:
            self.cancel()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.mode is EditMode.ADD:
            self.finish()
        elif key == Qt.Key.Key_Backspace and self.mode is EditMode.ADD and self.overlay.points:
            self.overlay.points.pop()
            self.overlay.update()
        elif key == Qt.Key.Key_Delete and self._vertex is not None:
            self._delete_vertex()
        else:
            return False
        return True

    # --- gestures -----------------------------------------------------------------------------
    def _pressed(self, x: float, y: float) -> None:
        layer = self.layer
        if self.mode is EditMode.MOVE:
            found = features_at(layer, x, y, self.tolerance())
            if len(found):
                self._grab = (self._uuid(int(found[0])), (x, y))
        elif self.mode is EditMode.VERTEX:
            self._pick_vertex(x, y)

    def _released(self, x: float, y: float) -> None:
        if self._dragging and self._grab is not None:
            geom = self._dragged_geometry(x, y)
            uuid = self._grab[0]
            self._grab, self.overlay.preview = None, None
            if geom is not None:
                self.controller.apply(SetGeometry(layer=self.layer.name, uuid=uuid, geometry=geom))
            self._refresh_handles()
            return
        self._grab = None
        if self._dragging:
            return
        if self.mode is EditMode.ADD:
            self.add_vertex(*self.snapped(x, y))
        elif self.mode is EditMode.SPLIT:
            self.split_at(x, y)

    def _double_clicked(self, x: float, y: float) -> None:
        if self.mode is EditMode.ADD:
            self.finish()
        elif self.mode is EditMode.VERTEX:
            self.insert_vertex_at(x, y)

    # --- adding -------------------------------------------------------------------------------
    def add_vertex(self, x: float, y: float) -> None:
        """Add a sketch vertex; a point layer's feature is finished at once."""
        self.overlay.points.append((x, y))
        ldef = self.layer.definition
        self.overlay.closed = ldef is not None and ldef.geometry == "Polygon"
        self.overlay.update()
        if ldef is not None and ldef.geometry == "Point":
            self.finish()

    def finish(self) -> None:
        """Turn the sketch into a geometry of the layer's type and hand it on."""
        pts, ldef = list(self.overlay.points), self.layer.definition
        if not pts or ldef is None:
            return
        if ldef.geometry == "Point":
            geom = shapely.Point(pts[-1])
        elif ldef.geometry == "LineString":
            geom = shapely.LineString(pts if len(pts) > 1 else pts * 2)
        elif len(pts) < 3:
            self.controller.report_refusal(ValueError(self.tr(
                "A polygon needs at least three corners.")))
            return
        else:
            geom = shapely.Polygon(pts)
        self.overlay.clear()
        self.feature_drawn.emit(geom)

    # --- moving and vertices ------------------------------------------------------------------
    def _uuid(self, row: int) -> str:
        layer = self.layer
        return str(layer.frame[rows.key_of(layer)].iloc[row])

    def _geometry(self, uuid: str) -> Any:
        row = rows.get_row(self.layer, uuid)
        col = rows.geometry_column(self.layer.frame)
        return row.get(col) if row and col else None

    def _row_of(self, uuid: str) -> list[int]:
        """Row position of ``uuid`` (hash-indexed on big layers: called on every drag move)."""
        if rows.locate(self.layer, uuid) is None:
            return []
        return [rows.position_of(self.layer, uuid)]

    def _dragged_geometry(self, x: float, y: float) -> Any:
        uuid, what = self._grab
        geom = self._geometry(uuid)
        if geom is None:
            return None
        if isinstance(what, vertices.VertexRef):
            sx, sy = self.snapped(x, y, {self.layer.name: self._row_of(uuid)})
            return vertices.move_vertex(geom, what, sx, sy)
        return moved(geom, x - what[0], y - what[1])

    def _pick_vertex(self, x: float, y: float) -> None:
        tol, layer = self.tolerance(), self.layer
        hit = nearest_layer_vertex(layer, x, y, tol)
        if hit is not None:
            uuid = self._uuid(hit.row)
            ref, _ = vertices.nearest_vertex(self._geometry(uuid), hit.x, hit.y)
            self._active, self._vertex, self._grab = uuid, ref, (uuid, ref)
        else:
            found = features_at(layer, x, y, tol)
            edge = nearest_on_segment(layer, x, y, tol)
            row = int(found[0]) if len(found) else (edge.row if edge is not None else None)
            self._active = self._uuid(row) if row is not None else None
            self._vertex = None
        self._refresh_handles()

    def _refresh_handles(self, *_args: object) -> None:
        geom = self._geometry(self._active) if self._active and self.layer is not None else None
        if geom is None:
            self.overlay.handles, self.overlay.selected = [], None
        else:
            self.overlay.handles = [tuple(xy) for xy in shapely.get_coordinates(geom)]
            self.overlay.selected = (
                vertices.vertex_xy(geom, self._vertex) if self._vertex is not None else None
            )
        self.overlay.update()

    def insert_vertex_at(self, x: float, y: float) -> None:
        """Double-click on a segment: add a vertex there to the feature under the click."""
        self._pick_vertex(x, y)  # the feature under the double-click, not the last one
        self._grab = None
        geom = self._geometry(self._active) if self._active else None
        if geom is None or geom.geom_type.endswith("Point"):
            return
        new, ref = vertices.insert_vertex(geom, x, y)
        if self.controller.apply(SetGeometry(layer=self.layer.name, uuid=self._active,
                                             geometry=new)):
            self._vertex = ref
        self._refresh_handles()

    def _delete_vertex(self) -> None:
        geom = self._geometry(self._active)
        if geom is None or self._vertex is None:
            return
        new = vertices.delete_vertex(geom, self._vertex)
        if self.controller.apply(SetGeometry(layer=self.layer.name, uuid=self._active,
                                             geometry=new)):
            self._vertex = None
        self._refresh_handles()

    # --- splitting ----------------------------------------------------------------------------
    def split_at(self, x: float, y: float) -> None:
        """Split the line of the edit layer nearest the click at that point."""
        hit = nearest_on_segment(self.layer, x, y, self.tolerance())
        if hit is None:
            self.controller.report_refusal(ValueError(self.tr("Click on a line to split it.")))
            return
        uuid = self._uuid(hit.row)
        self.controller.apply(SplitLine(layer=self.layer.name, uuid=uuid,
                                        point=shapely.Point(hit.x, hit.y)))
