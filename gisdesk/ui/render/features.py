"""Draw a prepared layer's visible features: one Qt call per style class, not per feature.

Level of detail is decided in pixels: polygons smaller than ``TINY_PX`` become single dots,
consecutive vertices inside the same pixel are dropped (simplification to pixel tolerance), and
only runs whose bounding box meets the view are touched at all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPen, QPolygonF

from gisdesk.core.definitions import Symbol
from gisdesk.core.viewport import Viewport
from gisdesk.ui.render.levels import Level, level_paths
from gisdesk.ui.render.prepared import PreparedLayer, Runs, simplify_runs
from gisdesk.ui.render.qtarrays import polygon_from_points
from gisdesk.ui.render.strokes import (
    fill_aliased,
    fill_runs,
    hairline_ok,
    is_raster,
    stroke_path,
    stroke_runs,
)
from gisdesk.ui.render.styles import LayerStyle
from gisdesk.ui.render.symbols import (
    fill_brush,
    line_pen,
    marker_runs,
    outline_pen,
    qcolor,
)

TINY_PX = 2.0
"""Polygons whose bounding box is smaller than this (in pixels) are drawn as one dot."""
LEVEL_MIN_RUNS = 5000
LEVEL_MIN_SHARE = 0.3
"""Layers with this many runs, of which this share is in view, draw cached level paths."""


@dataclass(frozen=True)
class Frame:
    """The view in the form the vectorised code wants, plus the point-to-pixel factor."""

    viewport: Viewport
    px_per_pt: float

    @classmethod
    def of(cls, viewport: Viewport) -> Frame:
        """Frame for ``viewport``; sizes scale with dpi so prints match the screen."""
        return cls(viewport, viewport.dpi / 96.0)

    def to_pixels(self, xy: np.ndarray) -> np.ndarray:
        """World (n, 2) -> pixel (n, 2)."""
        return self.viewport.to_pixels(xy)

    def query_extent(self, margin_px: float) -> tuple[float, float, float, float]:
        """The view extent grown by ``margin_px`` so wide symbols at the edge are not cut."""
        m = margin_px * self.viewport.resolution
        minx, miny, maxx, maxy = self.viewport.extent
        return (minx - m, miny - m, maxx + m, maxy + m)


def _by_class(
    style: LayerStyle, features: np.ndarray, kind: str
) -> list[tuple[Symbol, np.ndarray]]:
    """(symbol, positions into ``features``) for every class present."""
    classes = style.class_of[features]
    order = np.argsort(classes, kind="stable")
    sorted_classes = classes[order]
    bounds = np.flatnonzero(np.diff(sorted_classes)) + 1
    groups = np.split(order, bounds)
    return [(style.symbol_for(int(classes[g[0]]), kind), g) for g in groups if len(g)]


def _pixels_of(runs: Runs, chosen: np.ndarray, frame: Frame) -> tuple[np.ndarray, np.ndarray]:
    """Pixel vertices and run starts of the chosen runs, simplified to pixel tolerance."""
    xy, starts = runs.gather(chosen)
    return simplify_runs(frame.to_pixels(xy), starts)


def _level_mode(painter: QPainter, runs: Runs, visible: np.ndarray) -> bool:
    """Use cached level paths when the view shows a good share of a big layer."""
    return (runs.count >= LEVEL_MIN_RUNS and len(visible) >= LEVEL_MIN_SHARE * runs.count
            and is_raster(painter))


def draw_polygons(
    painter: QPainter, runs: Runs, style: LayerStyle, frame: Frame, cancel: Callable[[], bool]
) -> None:
    """Fill and outline visible polygons; tiny ones as dots in their outline colour."""
    visible = runs.query(frame.query_extent(4))
    if len(visible) == 0:
        return
    level = Level.for_view(runs, frame.viewport.resolution)
    use_levels = _level_mode(painter, runs, visible)
    box = runs.bbox[visible]
    size = np.maximum(box[:, 2] - box[:, 0], box[:, 3] - box[:, 1]) / frame.viewport.resolution
    tiny = size < TINY_PX
    for symbol, group in _by_class(style, runs.feature[visible], "polygon"):
        if cancel():
            return
        pen = outline_pen(symbol, frame.px_per_pt)
        if use_levels and (pen.style() == Qt.PenStyle.NoPen or hairline_ok(painter, pen)):
            cls = int(style.class_of[runs.feature[visible[group[0]]]])
            _draw_level_polygons(painter, runs, style, cls, level, frame, symbol)
            continue
        big = visible[group[~tiny[group]]]
        if len(big):
            pix, starts = _pixels_of(runs, big, frame)
            fill_runs(painter, pix, starts, fill_brush(symbol), pen)
        small = group[tiny[group]]
        if runs.hole is not None:
            small = small[~runs.hole[visible[small]]]
        if len(small):
            b = box[small]
            centres = frame.to_pixels(np.column_stack([b[:, 0] + b[:, 2], b[:, 1] + b[:, 3]]) / 2)
            _draw_dots(painter, polygon_from_points(centres), symbol)


def _draw_level_polygons(
    painter: QPainter, runs: Runs, style: LayerStyle, cls: int, level: Level, frame: Frame,
    symbol: Symbol,
) -> None:
    # Level pixels are 1-2 view pixels, so "tiny" is judged at 1.5x the level resolution.
    paths = level_paths(runs, style, cls, level, TINY_PX * 1.5)
    painter.save()
    painter.setTransform(level.transform(frame.viewport), True)
    if paths.vertices:
        pen = fill_aliased(painter, paths.path, fill_brush(symbol),
                           outline_pen(symbol, frame.px_per_pt))
        stroke_path(painter, paths.path, pen, paths.vertices)
    if not paths.dots.isEmpty():
        _draw_dots(painter, paths.dots, symbol)
    painter.restore()


def _draw_dots(painter: QPainter, dots: QPolygonF, symbol: Symbol) -> None:
    """One aliased pixel per feature: a cosmetic 1 px pen is ~7x faster than a wider one."""
    pen = QPen(qcolor(symbol.stroke or symbol.color, symbol.opacity), 1.0)
    pen.setCosmetic(True)
    painter.setPen(pen)
    antialias = painter.testRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.drawPoints(dots)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, antialias)


def draw_lines(
    painter: QPainter, runs: Runs, style: LayerStyle, frame: Frame, cancel: Callable[[], bool]
) -> None:
    """Stroke visible line parts, one path per class."""
    visible = runs.query(frame.query_extent(8))
    if len(visible) == 0:
        return
    level = Level.for_view(runs, frame.viewport.resolution)
    use_levels = _level_mode(painter, runs, visible)
    for symbol, group in _by_class(style, runs.feature[visible], "line"):
        if cancel():
            return
        pen = line_pen(symbol, frame.px_per_pt)
        if use_levels and hairline_ok(painter, pen):
            cls = int(style.class_of[runs.feature[visible[group[0]]]])
            paths = level_paths(runs, style, cls, level, None)
            painter.save()
            painter.setTransform(level.transform(frame.viewport), True)
            stroke_path(painter, paths.path, pen, paths.vertices)
            painter.restore()
            continue
        pix, starts = _pixels_of(runs, visible[group], frame)
        stroke_runs(painter, pix, starts, pen)


def visible_points(prepared: PreparedLayer, frame: Frame, margin_px: float) -> np.ndarray:
    """Indices of prepared points inside the view (plus a margin for symbol size)."""
    return prepared.points_in(frame.query_extent(margin_px))


def draw_points(
    painter: QPainter, prepared: PreparedLayer, style: LayerStyle, frame: Frame,
    cancel: Callable[[], bool],
) -> None:
    """Markers at visible points, one path per class (crosses are stroked, not filled)."""
    visible = visible_points(prepared, frame, 20)
    if len(visible) == 0:
        return
    pix_all = frame.to_pixels(prepared.points_xy[visible])
    for symbol, group in _by_class(style, prepared.points_feature[visible], "point"):
        if cancel():
            return
        draw_markers(painter, symbol, pix_all[group], symbol.size * frame.px_per_pt,
                     frame.px_per_pt)


def draw_markers(painter: QPainter, symbol: Symbol, centres: np.ndarray, size_px: float,
                 px_per_pt: float) -> None:
    """``symbol``'s marker (its shape, fill and outline) ``size_px`` wide at each pixel centre.

    The map and the printed legend both call this, so a legend swatch is the very marker the
    map draws rather than a look-alike that can drift (the legend once drew every point as a
    circle).
    """
    xy, starts = marker_runs(symbol.shape, np.asarray(centres, dtype=float).reshape(-1, 2),
                             size_px)
    if symbol.shape == "cross":
        pen = QPen(qcolor(symbol.color, symbol.opacity), max(1.5, size_px / 4))
        stroke_runs(painter, xy, starts, pen)
    else:
        fill_runs(painter, xy, starts, fill_brush(symbol), outline_pen(symbol, px_per_pt))
