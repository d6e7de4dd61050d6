"""The map canvas: shows the project through a :class:`Viewport` and lets the user move it.

Rendering runs on a worker thread so a big layer never freezes the window. While the user
drags or wheels, the last finished image is shown moved and scaled (cheap, instant); when the
gesture settles a short timer starts a fresh render. Every render carries a serial number and
the newest one wins: a stale job is cancelled and its late result is dropped.
"""

from __future__ import annotations

import enum
from dataclasses import replace

import numpy as np
import shapely
from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QWidget

from gisdesk.core.layer import MapLayer
from gisdesk.core.project import Extent, Project
from gisdesk.core.viewport import Viewport
from gisdesk.ui.canvas.flash import draw_flash
from gisdesk.ui.canvas.history import ExtentHistory
from gisdesk.ui.canvas.scale_bar import draw_scale_bar
from gisdesk.ui.jobs import Job, JobContext, JobRunner
from gisdesk.ui.render import RenderOptions, render_image

WHEEL_STEP = 1.25
"""Zoom factor per wheel notch: fine enough to aim, coarse enough to cross a city quickly."""
CLICK_SLOP_PX = 4
MIN_EXTENT_M = 100.0
"""Smallest extent a "zoom to" fits, so one hydrant does not zoom to a millimetre."""
BACKGROUND = "#f7f5f0"


class Tool(enum.Enum):
    """What a left-button drag or click on the canvas does."""

    PAN = "pan"
    ZOOM_BOX = "zoom_box"
    IDENTIFY = "identify"
    SELECT_RECT = "select_rect"


def _padded(extent: Extent) -> Extent:
    minx, miny, maxx, maxy = extent
    cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
    hw, hh = max(maxx - minx, MIN_EXTENT_M) / 2, max(maxy - miny, MIN_EXTENT_M) / 2
    return (cx - hw, cy - hh, cx + hw, cy + hh)


def _device_view(view: Viewport, dpr: float) -> Viewport:
    """The same view in device pixels, so a 150 % display gets a sharp, not stretched, map.

    The renderer scales symbol sizes with ``dpi / 96``, so raising dpi by the ratio keeps lines
    and labels the same physical size while the extent and scale stay unchanged.
    """
    if dpr == 1.0:
        return view
    return replace(
        view, width=round(view.width * dpr), height=round(view.height * dpr),
        resolution=view.resolution / dpr, dpi=view.dpi * dpr,
    )


class MapCanvas(QWidget):
    """Interactive map view of a :class:`Project`."""

    viewport_changed = Signal(object)
    mouse_moved_world = Signal(float, float)
    clicked_world = Signal(float, float)
    rect_selected_world = Signal(float, float, float, float)
    map_rendered = Signal()
    """A complete image for the current view arrived (it is painted on the next repaint)."""
    map_shown = Signal()
    """A newly rendered image was painted onto the widget (once per image): the user sees it.
    The launch installs its remaining menus after the first one and the bench stops there."""
    render_failed = Signal(str)
    history_changed = Signal()

    def __init__(
        self, project: Project, parent: QWidget | None = None, *, settle_ms: int = 120
    ) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(200, 150)
        self._project = project
        self._viewport = Viewport(0.0, 0.0, 1.0, max(self.width(), 1), max(self.height(), 1))
        self._has_view = False
        self._image: QImage | None = None
        self._image_view: Viewport | None = None
        self._image_shown = True  # no image yet, so nothing new to announce
        self._lang = "en"
        self._labels = True
        self._selection: dict[str, np.ndarray] = {}
        self._runner = JobRunner(max_threads=1, parent=self)
        self._job: Job | None = None
        self._serial = 0
        self._settle_ms = settle_ms
        self._settle = QTimer(self, singleShot=True, interval=settle_ms)
        self._settle.timeout.connect(self.refresh)
        self._history = ExtentHistory()
        self._record_pending = True
        self.tool = Tool.PAN
        self._press: QPoint | None = None
        self._press_view: Viewport | None = None
        self._dragging = False
        self._pan_drag = False
        self._rubber: QRect | None = None
        self._flash: shapely.Geometry | None = None
        self._flash_timer = QTimer(self, singleShot=True)
        self._flash_timer.timeout.connect(self._end_flash)
        self._watched: dict[int, MapLayer] = {}
        handler = self._on_layers_changed
        project.layers_changed.connect(handler)

        def detach() -> None:
            # The model outlives widgets: stop it calling into a deleted canvas.
            self._project.layers_changed.disconnect(handler)
            for layer in self._watched.values():
                layer.changed.disconnect(handler)

        self.destroyed.connect(detach)

    # --- public API -------------------------------------------------------------------------
    @property
    def viewport(self) -> Viewport:
        """The view currently shown (possibly ahead of the last rendered image)."""
        return self._viewport

    @property
    def project(self) -> Project:
        """The project drawn by this canvas."""
        return self._project

    @property
    def has_view(self) -> bool:
        """Whether a view was chosen yet (it is once the first data arrives)."""
        return self._has_view

    @property
    def is_rendering(self) -> bool:
        """Whether a render for the current view is pending or running."""
        return self._settle.isActive() or self._job is not None

    def set_viewport(self, viewport: Viewport, *, record: bool = True) -> None:
        """Show ``viewport`` (resized to the widget) and render it once the view settles."""
        self._viewport = viewport.with_size(max(self.width(), 1), max(self.height(), 1))
        self._has_view = True
        self._record_pending = record
        self.update()
        self.viewport_changed.emit(self._viewport)
        self._settle.start(self._settle_ms)

    def set_extent(self, extent: Extent, margin: float = 0.03) -> None:
        """Fit ``extent`` (at least :data:`MIN_EXTENT_M` wide, plus ``margin``) into the widget."""
        vp = Viewport.fit(
            _padded(extent), max(self.width(), 1), max(self.height(), 1),
            dpi=self._viewport.dpi, margin=margin,
        )
        self.set_viewport(vp)

    def scale_to_show(self, extent: Extent) -> float:
        """The scale denominator :meth:`set_extent` would give ``extent`` at the current size
        (a big file's first read leaves out layers hidden at the scale the map will open at)."""
        return Viewport.fit(
            _padded(extent), max(self.width(), 1), max(self.height(), 1),
            dpi=self._viewport.dpi, margin=0.03,
        ).scale

    def set_scale(self, denominator: float) -> None:
        """Keep the centre and show the map at 1:``denominator``."""
        if denominator > 0:
            self.set_viewport(self._viewport.with_scale(denominator))

    def zoom_full(self) -> None:
        """Show every layer."""
        extent = self._project.full_extent()
        if extent is not None:
            self.set_extent(extent)

    def zoom_to_layer(self, name: str) -> None:
        """Show the whole of layer ``name`` (ignored when it has no extent)."""
        layer = self._project.layer(name)
        extent = layer.extent() if layer is not None else None
        if extent is not None:
            self.set_extent(extent)

    def zoom_by(self, factor: float) -> None:
        """Zoom about the centre; factor > 1 zooms in."""
        self.set_viewport(self._viewport.zoomed(factor))

    def previous_extent(self) -> None:
        """Go back to the view before the last navigation."""
        view = self._history.back()
        if view is not None:
            self.set_viewport(view, record=False)
        self.history_changed.emit()

    def next_extent(self) -> None:
        """Undo a :meth:`previous_extent`."""
        view = self._history.forward()
        if view is not None:
            self.set_viewport(view, record=False)
        self.history_changed.emit()

    def can_go_back(self) -> bool:
        """Whether there is a previous extent."""
        return self._history.can_go_back()

    def can_go_forward(self) -> bool:
        """Whether there is a next extent."""
        return self._history.can_go_forward()

    def set_tool(self, tool: Tool) -> None:
        """Choose what the left mouse button does."""
        self.tool = tool
        cursors = {
            Tool.PAN: Qt.CursorShape.OpenHandCursor,
            Tool.IDENTIFY: Qt.CursorShape.WhatsThisCursor,
        }
        self.setCursor(cursors.get(tool, Qt.CursorShape.CrossCursor))

    def set_language(self, lang: str) -> None:
        """Render labels and coded values in ``lang`` ('en' or 'id')."""
        self._lang = lang
        self.refresh()

    def flash(self, geometry: shapely.Geometry | None, msecs: int = 1500) -> None:
        """Outline ``geometry`` over the map for ``msecs`` (identify stepping through hits)."""
        self._flash = geometry if geometry is not None and not geometry.is_empty else None
        self._flash_timer.start(msecs)
        self.update()

    def _end_flash(self) -> None:
        self._flash = None
        self.update()

    def set_selection(self, selection: dict[str, np.ndarray]) -> None:
        """Highlight rows (layer name → positional indices) and redraw."""
        self._selection = {k: np.asarray(v) for k, v in selection.items() if len(v)}
        self.refresh()

    # --- rendering --------------------------------------------------------------------------
    @Slot()
    def refresh(self) -> None:
        """Start a render of the current view now, cancelling any older one."""
        self._settle.stop()
        if not self._has_view:
            return
        if self._record_pending:
            self._history.push(self._viewport)
            self.history_changed.emit()
        self._record_pending = False
        if self._job is not None:
            self._job.cancel()
        self._serial += 1
        serial, view, project = self._serial, self._viewport, self._project
        options = RenderOptions(
            lang=self._lang, labels=self._labels, background=BACKGROUND,
            selection=dict(self._selection),
        )

        dpr = self.devicePixelRatioF()
        target = _device_view(view, dpr)

        def work(ctx: JobContext) -> tuple[int, Viewport, QImage]:
            image = render_image(project, target, options, ctx.cancel_event)
            image.setDevicePixelRatio(dpr)
            return serial, view, image

        self._job = Job("render", work)
        self._job.succeeded.connect(self._on_rendered)
        self._job.failed.connect(self._on_render_failed)
        self._runner.start(self._job)

    @Slot(object)
    def _on_rendered(self, result: tuple[int, Viewport, QImage]) -> None:
        serial, view, image = result
        if serial != self._serial:
            return  # a newer render is on its way
        self._job = None
        self._image, self._image_view = image, view
        self._image_shown = False
        self.update()
        self.map_rendered.emit()

    @Slot(object)
    def _on_render_failed(self, exc: Exception) -> None:
        if self.sender() is self._job:
            self._job = None
        self.render_failed.emit(f"{type(exc).__name__}: {exc}")

    def shutdown(self) -> None:
        """Cancel rendering and wait for the worker (before the window closes)."""
        self._settle.stop()
        self._runner.cancel_all()
        self._runner.wait(5000)
        self._runner.shutdown()

    def _on_layers_changed(self, *_args: object) -> None:
        self._watch_layers()
        if not self._has_view and self._project.full_extent() is not None:
            last = self._project.extent
            self.set_extent(last, margin=0.0) if last is not None else self.zoom_full()
        if self._has_view:
            # No gesture to wait for: render on the next loop pass, which still batches the
            # layers a file adds one after another in the same pass.
            self._settle.start(0)

    def _watch_layers(self) -> None:
        """Redraw when a layer's features change (edits, a full read replacing a partial one)."""
        for layer in self._project.layers:
            if id(layer) not in self._watched:
                self._watched[id(layer)] = layer
                layer.changed.connect(self._on_layers_changed)

    # --- painting ---------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(BACKGROUND))
        if self._image is not None and self._image_view is not None:
            self._draw_image(painter)
        if self._flash is not None:
            draw_flash(painter, self._flash, self._viewport)
        if self._rubber is not None:
            painter.setPen(QPen(QColor("#1f6fd1"), 1, Qt.PenStyle.DashLine))
            painter.setBrush(QColor(31, 111, 209, 40))
            painter.drawRect(self._rubber)
        if self._has_view:
            draw_scale_bar(painter, self._viewport)
        painter.end()
        if not self._image_shown and self._image is not None:
            self._image_shown = True
            self.map_shown.emit()

    def _draw_image(self, painter: QPainter) -> None:
        """Draw the last image where its world rectangle falls in the current view."""
        iv, cv = self._image_view, self._viewport
        x0, y0 = cv.to_pixel(*iv.to_world(0, 0))
        s = iv.resolution / cv.resolution
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, s != 1.0)
        target = QRectF(x0, y0, iv.width * s, iv.height * s)
        painter.drawImage(target, self._image, QRectF(self._image.rect()))

    def grab_image(self) -> QImage | None:
        """The last rendered map image (without the scale bar), for exports and tests."""
        return self._image

    # --- events -----------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        size = event.size()
        if not self._has_view:
            self._viewport = self._viewport.with_size(max(size.width(), 1), max(size.height(), 1))
            self._on_layers_changed()
            return
        self.set_viewport(self._viewport, record=False)

    def wheelEvent(self, event: QWheelEvent) -> None:
        notches = event.angleDelta().y() / 120.0
        if notches and self._has_view:
            pos = event.position()
            self.set_viewport(self._viewport.zoomed(WHEEL_STEP**notches, pos.x(), pos.y()))
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        w, h = self.width() / 4, self.height() / 4
        moves = {
            Qt.Key.Key_Left: (w, 0), Qt.Key.Key_Right: (-w, 0),
            Qt.Key.Key_Up: (0, h), Qt.Key.Key_Down: (0, -h),
        }
        key = event.key()
        if key in moves and self._has_view:
            self.set_viewport(self._viewport.panned(*moves[key]))
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(2.0)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_by(0.5)
        elif key == Qt.Key.Key_Escape and self._press is not None:
            self._cancel_gesture()
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() in (Qt.MouseButton.LeftButton, Qt.MouseButton.MiddleButton):
            self._press = event.position().toPoint()
            self._press_view = self._viewport
            self._dragging = False
            self._pan_drag = (
                event.button() == Qt.MouseButton.MiddleButton
                or self.tool in (Tool.PAN, Tool.IDENTIFY)
            )

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        self.mouse_moved_world.emit(*self._viewport.to_world(pos.x(), pos.y()))
        if self._press is None or self._press_view is None:
            return
        delta = pos.toPoint() - self._press
        if not self._dragging and delta.manhattanLength() < CLICK_SLOP_PX:
            return
        self._dragging = True
        if self._pan_drag:
            self._viewport = self._press_view.panned(delta.x(), delta.y())
            self.viewport_changed.emit(self._viewport)
            self._has_view = True
        else:
            self._rubber = QRect(self._press, pos.toPoint()).normalized()
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        press, press_view = self._press, self._press_view
        if press is None or press_view is None:
            return
        pos = event.position()
        dragging = self._dragging
        self._press, self._rubber, self._dragging = None, None, False
        if not dragging:
            self._click(pos)
        elif self._pan_drag:
            delta = pos.toPoint() - press
            self.set_viewport(press_view.panned(delta.x(), delta.y()))
        else:
            self._finish_box(QRect(press, pos.toPoint()).normalized())
        self.update()

    def _cancel_gesture(self) -> None:
        """Esc during a drag: drop the box, or put a panned map back where it was."""
        if self._dragging and self._pan_drag and self._press_view is not None:
            self.set_viewport(self._press_view, record=False)
        self._press, self._rubber, self._dragging = None, None, False
        self.update()

    def _click(self, pos: QPointF) -> None:
        if self.tool is Tool.ZOOM_BOX:
            self.set_viewport(self._viewport.zoomed(2.0, pos.x(), pos.y()))
            return
        self.clicked_world.emit(*self._viewport.to_world(pos.x(), pos.y()))

    def _finish_box(self, rubber: QRect) -> None:
        x0, y1 = self._viewport.to_world(rubber.left(), rubber.top())
        x1, y0 = self._viewport.to_world(rubber.right() + 1, rubber.bottom() + 1)
        if self.tool is Tool.ZOOM_BOX:
            self.set_extent((x0, y0, x1, y1), margin=0.0)
        elif self.tool is Tool.SELECT_RECT:
            self.rect_selected_world.emit(x0, y0, x1, y1)
