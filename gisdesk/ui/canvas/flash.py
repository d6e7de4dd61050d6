"""Drawing one geometry over the map for a moment, so the user sees which feature is meant.

Used when the identify panel steps through hits: the renderer's selection colour marks what is
selected, while the flash marks the one feature being read about, in a colour no symbol uses.
"""

from __future__ import annotations

import shapely
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF

from gisdesk.core.viewport import Viewport

FLASH_COLOR = QColor("#e0119d")
POINT_RADIUS_PX = 9.0


def _polygon(coords, viewport: Viewport) -> QPolygonF:
    pix = viewport.to_pixels(coords[:, :2])
    return QPolygonF([QPointF(float(x), float(y)) for x, y in pix])


def draw_flash(painter: QPainter, geometry: shapely.Geometry, viewport: Viewport) -> None:
    """Outline ``geometry`` (project CRS) in the flash colour: rings for points, thick strokes
    for lines and polygon boundaries."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(FLASH_COLOR, 3.0, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for part in shapely.get_parts(geometry):
        kind = shapely.get_type_id(part)
        if kind == 0:  # Point
            x, y = viewport.to_pixel(part.x, part.y)
            painter.drawEllipse(QPointF(x, y), POINT_RADIUS_PX, POINT_RADIUS_PX)
        elif kind in (1, 2):  # LineString, LinearRing
            painter.drawPolyline(_polygon(shapely.get_coordinates(part), viewport))
        elif kind == 3:  # Polygon
            path = QPainterPath()
            for ring in [part.exterior, *part.interiors]:
                path.addPolygon(_polygon(shapely.get_coordinates(ring), viewport))
                path.closeSubpath()
            painter.drawPath(path)
    painter.restore()
