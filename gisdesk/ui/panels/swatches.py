"""Legend swatches: a small picture of how a symbol draws, by geometry kind.

The layer panel shows one swatch per layer (single symbol) or per class (categorized), so the
legend and the map cannot disagree: both read the same :class:`~gisdesk.core.definitions.Symbol`.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

from gisdesk.core.definitions import Symbol

_DASHES = {"solid": Qt.PenStyle.SolidLine, "dash": Qt.PenStyle.DashLine,
           "dot": Qt.PenStyle.DotLine}


def _color(hex_color: str, opacity: float = 1.0) -> QColor:
    """QColor from ``#rrggbb`` or ``#rrggbbaa`` (Qt reads 8 digits as #aarrggbb, so reorder)."""
    if len(hex_color) == 9:
        color = QColor(hex_color[:7])
        color.setAlpha(int(hex_color[7:], 16))
    else:
        color = QColor(hex_color)
    color.setAlphaF(color.alphaF() * opacity)
    return color


def _marker_path(shape: str, center: QPointF, radius: float) -> QPainterPath:
    """Outline of a point marker; 'cross' is returned as two strokes."""
    path = QPainterPath()
    x, y, r = center.x(), center.y(), radius
    if shape == "square":
        path.addRect(QRectF(x - r, y - r, 2 * r, 2 * r))
    elif shape == "triangle":
        path.addPolygon(QPolygonF([QPointF(x, y - r), QPointF(x + r, y + r),
                                   QPointF(x - r, y + r), QPointF(x, y - r)]))
    elif shape == "diamond":
        path.addPolygon(QPolygonF([QPointF(x, y - r), QPointF(x + r, y), QPointF(x, y + r),
                                   QPointF(x - r, y), QPointF(x, y - r)]))
    elif shape == "cross":
        path.moveTo(x - r, y - r)
        path.lineTo(x + r, y + r)
        path.moveTo(x + r, y - r)
        path.lineTo(x - r, y + r)
    else:
        path.addEllipse(center, r, r)
    return path


def _draw_point(painter: QPainter, symbol: Symbol, size: int) -> None:
    radius = max(2.0, min(symbol.size, size - 2) / 2)
    path = _marker_path(symbol.shape, QPointF(size / 2, size / 2), radius)
    fill = _color(symbol.color, symbol.opacity)
    if symbol.shape == "cross":
        painter.setPen(QPen(fill, 2))
        painter.drawPath(path)
        return
    painter.setPen(QPen(_color(symbol.stroke), 1) if symbol.stroke else Qt.PenStyle.NoPen)
    painter.setBrush(fill)
    painter.drawPath(path)


def _draw_line(painter: QPainter, symbol: Symbol, size: int) -> None:
    pen = QPen(_color(symbol.color, symbol.opacity), max(1.0, min(symbol.width, size / 3)))
    pen.setStyle(_DASHES[symbol.dash])
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    painter.setPen(pen)
    painter.drawLine(QPointF(1, size - 3), QPointF(size - 1, 3))


def _draw_polygon(painter: QPainter, symbol: Symbol, size: int) -> None:
    stroke = _color(symbol.stroke or symbol.color)
    pen = QPen(stroke, max(1.0, min(symbol.width, 3)))
    pen.setStyle(_DASHES[symbol.dash])
    painter.setPen(pen)
    painter.setBrush(_color(symbol.color, symbol.opacity))
    painter.drawRect(QRectF(2, 2, size - 4, size - 4))


_DRAWERS = {"point": _draw_point, "line": _draw_line, "polygon": _draw_polygon}


def swatch_pixmap(symbol: Symbol, kind: str, size: int = 16) -> QPixmap:
    """A ``size``-pixel square picture of ``symbol`` drawn as a ``kind`` geometry.

    ``kind`` is 'point', 'line' or 'polygon' (anything else draws as a polygon, the most neutral
    look for mixed or unknown layers).
    """
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    _DRAWERS.get(kind, _draw_polygon)(painter, symbol, size)
    painter.end()
    return pixmap


@lru_cache(maxsize=512)
def swatch_icon(symbol: Symbol, kind: str, size: int = 16) -> QIcon:
    """:func:`swatch_pixmap` as an icon for item views (cached: views ask on every repaint)."""
    return QIcon(swatch_pixmap(symbol, kind, size))


def geometry_kind(definition_geometry: str | None, data_kind: str) -> str:
    """The swatch kind: the definition's geometry when known, else what the data holds."""
    by_definition = {"Point": "point", "LineString": "line", "Polygon": "polygon"}
    if definition_geometry in by_definition:
        return by_definition[definition_geometry]
    return data_kind
