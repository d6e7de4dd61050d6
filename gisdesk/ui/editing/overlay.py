"""What the editing tools draw over the map: the rubber band, vertex handles, snap marker.

A transparent child of the canvas that lets every mouse event through, so the canvas and its
renderer stay untouched: the tools set world-coordinate shapes here and the overlay converts
them to pixels with the canvas viewport on every paint (so they follow pans and zooms).
"""

from __future__ import annotations

from typing import Any

import shapely
from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QWidget

from gisdesk.core.snapping import SnapResult

BAND = QColor("#d11f6f")
HANDLE = QColor("#1f6fd1")


class EditOverlay(QWidget):
    """Draws the editing state on top of ``canvas`` (a MapCanvas)."""

    def __init__(self, canvas: QWidget) -> None:
        super().__init__(canvas)
        self.setObjectName("EditOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.canvas = canvas
        self.points: list[tuple[float, float]] = []
        self.hover: tuple[float, float] | None = None
        self.closed = False
        self.preview: Any = None
        self.handles: list[tuple[float, float]] = []
        self.selected: tuple[float, float] | None = None
        self.snap: SnapResult | None = None
        self.resize(canvas.size())
        canvas.installEventFilter(self)
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.canvas and event.type() == QEvent.Type.Resize:
            self.resize(self.canvas.size())
        return False

    def clear(self) -> None:
        """Forget everything drawn."""
        self.points, self.hover, self.preview = [], None, None
        self.handles, self.selected, self.snap = [], None, None
        self.update()

    def _px(self, x: float, y: float) -> QPointF:
        return QPointF(*self.canvas.viewport.to_pixel(x, y))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._draw_band(painter)
        if self.preview is not None:
            self._draw_geometry(painter, self.preview)
        painter.setPen(QPen(HANDLE, 1))
        painter.setBrush(QColor("white"))
        for x, y in self.handles:
            p = self._px(x, y)
            painter.drawRect(int(p.x() - 3), int(p.y() - 3), 6, 6)
        if self.selected is not None:
            p = self._px(*self.selected)
            painter.setBrush(BAND)
            painter.drawRect(int(p.x() - 4), int(p.y() - 4), 8, 8)
        self._draw_snap(painter)
        painter.end()

    def _draw_band(self, painter: QPainter) -> None:
        pts = [self._px(x, y) for x, y in self.points]
        if self.hover is not None and pts:
            pts.append(self._px(*self.hover))
        if not pts:
            return
        painter.setPen(QPen(BAND, 2, Qt.PenStyle.DashLine))
        painter.setBrush(QColor(209, 31, 111, 40) if self.closed else Qt.BrushStyle.NoBrush)
        if self.closed and len(pts) >= 3:
            painter.drawPolygon(QPolygonF(pts))
        else:
            painter.drawPolyline(QPolygonF(pts))
        painter.setBrush(BAND)
        for p in pts[: len(self.points)]:
            painter.drawEllipse(p, 3, 3)

    def _draw_geometry(self, painter: QPainter, geom: Any) -> None:
        painter.setPen(QPen(BAND, 2, Qt.PenStyle.DashLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for part in shapely.get_parts(geom):
            if part.geom_type == "Point":
                painter.drawEllipse(self._px(part.x, part.y), 6, 6)
                continue
            line = part.exterior if part.geom_type == "Polygon" else part
            painter.drawPolyline(QPolygonF([self._px(x, y) for x, y, *_ in line.coords]))

    def _draw_snap(self, painter: QPainter) -> None:
        if self.snap is None:
            return
        p = self._px(self.snap.x, self.snap.y)
        painter.setPen(QPen(QColor("#e08000"), 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if self.snap.kind == "vertex":
            painter.drawRect(int(p.x() - 6), int(p.y() - 6), 12, 12)
        else:
            painter.drawLine(QPointF(p.x() - 6, p.y() - 6), QPointF(p.x() + 6, p.y() + 6))
            painter.drawLine(QPointF(p.x() - 6, p.y() + 6), QPointF(p.x() + 6, p.y() - 6))
