"""Selected features drawn on top of every layer in yellow with a cyan edge.

Highlight symbols ignore the layer style on purpose: whatever the layer colours, the selection
must stand out the same way everywhere (canvas, exported PNG, print).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen

from gisdesk.ui.render.features import Frame, visible_points
from gisdesk.ui.render.prepared import PreparedLayer, Runs, simplify_runs
from gisdesk.ui.render.strokes import fill_runs, stroke_runs
from gisdesk.ui.render.symbols import MARKERS

YELLOW = QColor(255, 235, 0)
CYAN = QColor(0, 229, 255)


def _selected_runs(runs: Runs | None, rows: np.ndarray, frame: Frame) -> np.ndarray:
    if runs is None:
        return np.empty(0, dtype=np.int64)
    visible = runs.query(frame.query_extent(10))
    return visible[np.isin(runs.feature[visible], rows)]


def _pixels(runs: Runs, chosen: np.ndarray, frame: Frame) -> tuple[np.ndarray, np.ndarray]:
    xy, starts = runs.gather(chosen)
    return simplify_runs(frame.to_pixels(xy), starts)


def _pen(color: QColor, width: float) -> QPen:
    pen = QPen(color, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def draw_selection(
    painter: QPainter, prepared: PreparedLayer, rows: np.ndarray, frame: Frame
) -> None:
    """Highlight feature rows ``rows`` of one layer (polygons, lines and points)."""
    rows = np.asarray(rows, dtype=np.int64)
    if len(rows) == 0:
        return
    k = frame.px_per_pt
    polys = _selected_runs(prepared.polygons, rows, frame)
    if len(polys):
        fill = QColor(YELLOW)
        fill.setAlphaF(0.55)
        pix, starts = _pixels(prepared.polygons, polys, frame)
        fill_runs(painter, pix, starts, QBrush(fill), _pen(CYAN, 2.5 * k))
    lines = _selected_runs(prepared.lines, rows, frame)
    if len(lines):
        pix, starts = _pixels(prepared.lines, lines, frame)
        for color, width in ((CYAN, 7 * k), (YELLOW, 3.5 * k)):
            stroke_runs(painter, pix, starts, _pen(color, width))
    visible = visible_points(prepared, frame, 20)
    points = visible[np.isin(prepared.points_feature[visible], rows)]
    if len(points):
        centres = frame.to_pixels(prepared.points_xy[points])
        size = 12 * k
        template = MARKERS["circle"] * size
        xy = (centres[:, None, :] + template[None, :, :]).reshape(-1, 2)
        starts = np.arange(len(centres), dtype=np.int64) * len(template)
        fill_runs(painter, xy, starts, QBrush(YELLOW), _pen(CYAN, 2.5 * k))
