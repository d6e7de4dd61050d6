"""The scale bar drawn over the map: a round length (1, 2 or 5 × 10ⁿ m) that fits the view."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen

from gisdesk.core.viewport import Viewport

MAX_BAR_PX = 140.0
MARGIN_PX = 12.0


def nice_length(max_metres: float) -> float:
    """The largest 1, 2 or 5 × 10ⁿ metres not longer than ``max_metres``.

    People read "200 m" at a glance; "173.4 m" makes them compute, so the bar length is
    rounded down to a nice number and drawn at its true pixel width.
    """
    if not math.isfinite(max_metres) or max_metres <= 0:
        return 0.0
    exponent = math.floor(math.log10(max_metres))
    for step in (5.0, 2.0, 1.0):
        length = step * 10.0**exponent
        if length <= max_metres * (1 + 1e-9):
            return length
    return 10.0 ** (exponent - 1) * 5.0


def format_length(metres: float) -> str:
    """'500 m', '2 km', '1.5 km'; kilometres from 1000 m (unit symbols are not translated)."""
    if metres >= 1000:
        km = metres / 1000
        return f"{km:g} km"
    if metres >= 1:
        return f"{metres:g} m"
    return f"{metres * 100:g} cm"


def draw_scale_bar(painter: QPainter, viewport: Viewport) -> None:
    """Draw the bar with a white halo at the bottom-left of the view."""
    length = nice_length(MAX_BAR_PX * viewport.resolution)
    if length <= 0:
        return
    width = length / viewport.resolution
    x0 = MARGIN_PX
    y0 = viewport.height - MARGIN_PX
    text = format_length(length)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont(painter.font())
    font.setPointSizeF(8.5)
    painter.setFont(font)
    text_w = painter.fontMetrics().horizontalAdvance(text)
    back = QRectF(x0 - 6, y0 - 24, max(width, text_w) + 12, 30)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(255, 255, 255, 200))
    painter.drawRoundedRect(back, 3, 3)
    painter.setPen(QPen(QColor("#222222"), 2))
    painter.drawLine(QPointF(x0, y0), QPointF(x0 + width, y0))
    painter.drawLine(QPointF(x0, y0), QPointF(x0, y0 - 6))
    painter.drawLine(QPointF(x0 + width, y0), QPointF(x0 + width, y0 - 6))
    painter.drawText(QPointF(x0, y0 - 9), text)
    painter.restore()
