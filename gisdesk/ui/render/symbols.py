"""Qt pens, brushes and marker shapes for the declarative :class:`Symbol`.

Sizes in layer definitions are points at 96 dpi (= screen pixels), so every size goes through
``px_per_pt`` and a 300 dpi print draws the same map, just finer.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPen

from gisdesk.core.definitions import Symbol

_DASHES = {
    "solid": Qt.PenStyle.SolidLine,
    "dash": Qt.PenStyle.DashLine,
    "dot": Qt.PenStyle.DotLine,
}


def qcolor(hex_color: str, opacity: float = 1.0) -> QColor:
    """``#rrggbb`` or ``#rrggbbaa`` (CSS order; Qt would read 8 digits as #aarrggbb)."""
    color = QColor(hex_color[:7])
    alpha = int(hex_color[7:9], 16) / 255 if len(hex_color) == 9 else 1.0
    color.setAlphaF(max(0.0, min(1.0, alpha * opacity)))
    return color


def line_pen(symbol: Symbol, px_per_pt: float) -> QPen:
    """Pen for a line feature: the symbol colour at its width."""
    pen = QPen(qcolor(symbol.color, symbol.opacity), max(symbol.width * px_per_pt, 0.5))
    pen.setStyle(_DASHES[symbol.dash])
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def outline_pen(symbol: Symbol, px_per_pt: float) -> QPen:
    """Pen for polygon and marker outlines; no pen when the symbol has no stroke."""
    if symbol.stroke is None or symbol.width <= 0:
        return QPen(Qt.PenStyle.NoPen)
    pen = QPen(qcolor(symbol.stroke, symbol.opacity), symbol.width * px_per_pt)
    pen.setStyle(_DASHES[symbol.dash])
    pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    return pen


def fill_brush(symbol: Symbol) -> QBrush:
    """Solid brush of the symbol colour (transparent colours give no fill)."""
    color = qcolor(symbol.color, symbol.opacity)
    return QBrush(color) if color.alpha() > 0 else QBrush(Qt.BrushStyle.NoBrush)


def _regular(n: int, phase: float) -> np.ndarray:
    angles = phase + np.arange(n + 1) * 2 * np.pi / n
    return np.column_stack([np.cos(angles), np.sin(angles)]) * 0.5


MARKERS: dict[str, np.ndarray] = {
    "circle": _regular(16, 0.0),
    "square": np.array([[-0.5, -0.5], [0.5, -0.5], [0.5, 0.5], [-0.5, 0.5], [-0.5, -0.5]]),
    "triangle": _regular(3, -np.pi / 2) * 1.15,
    "diamond": _regular(4, 0.0) * 1.2,
    # A plus sign drawn as two strokes: (from, to) pairs.
    "cross": np.array([[-0.5, 0.0], [0.5, 0.0], [0.0, -0.5], [0.0, 0.5]]),
}
"""Marker outlines for a diameter of 1 px, closed (last vertex repeats the first)."""


def marker_runs(shape: str, centres: np.ndarray, size_px: float) -> tuple[np.ndarray, np.ndarray]:
    """Vertices and run starts of ``shape`` markers at every pixel centre, for one path."""
    template = MARKERS[shape] * size_px
    xy = (centres[:, None, :] + template[None, :, :]).reshape(-1, 2)
    if shape == "cross":
        starts = np.arange(0, len(xy), 2, dtype=np.int64)
    else:
        starts = np.arange(len(centres), dtype=np.int64) * len(template)
    return xy, starts
