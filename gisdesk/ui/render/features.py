"""Draw a prepared layer's visible features: one Qt call per style class, not per feature.

Level of detail is decided in pixels: polygons smaller than ``TINY_PX`` become single dots,
consecutive vertices inside the same pixel are dropped (simplification to pixel tolerance), and
only runs whose bounding box meets the view are touched at all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from PySide6.QtGui import QPainter, QPen

from gisdesk.core.definitions import Symbol
from gisdesk.core.viewport import Viewport
from gisdesk.ui.render.prepared import PreparedLayer, Runs
from gisdesk.ui.render.qtarrays import polygon_from_points
from gisdesk.ui.render.strokes import fill_runs, stroke_runs
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


def simplify_runs(pix: np.ndarray, starts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Drop vertices that fall in the same pixel as their predecessor within a run.

    Each run keeps its first and last vertex, so closed rings stay closed.
    """
    n = len(pix)
    if n == 0:
        return pix, starts
    cell = np.floor(pix).astype(np.int64)
    keep = np.ones(n, dtype=bool)
    keep[1:] = (cell[1:, 0] != cell[:-1, 0]) | (cell[1:, 1] != cell[:-1, 1])
    keep[starts] = True
    keep[np.append(starts[1:] - 1, n - 1)] = True
    counts = np.add.reduceat(keep.astype(np.int64), starts)
    new_starts = np.zeros(len(starts), dtype=np.int64)
    np.cumsum(counts[:-1], out=new_starts[1:])
    return pix[keep], new_starts


def _by_class(style: LayerStyle, features: np.ndarray) -> list[tuple[Symbol, np.ndarray]]:
    """(symbol, positions into ``features``) for every class present."""
    classes = style.class_of[features]
    order = np.argsort(classes, kind="stable")
    sorted_classes = classes[order]
    bounds = np.flatnonzero(np.diff(sorted_classes)) + 1
    groups = np.split(order, bounds)
    return [(style.symbols[int(classes[g[0]])], g) for g in groups if len(g)]


def _pixels_of(runs: Runs, chosen: np.ndarray, frame: Frame) -> tuple[np.ndarray, np.ndarray]:
    """Pixel vertices and run starts of the chosen runs, simplified to pixel tolerance."""
    xy, starts = runs.gather(chosen)
    return simplify_runs(frame.to_pixels(xy), starts)


def draw_polygons(
    painter: QPainter, runs: Runs, style: LayerStyle, frame: Frame, cancel: Callable[[], bool]
) -> None:
    """Fill and outline visible polygons; tiny ones as dots in their outline colour."""
    visible = runs.query(frame.query_extent(4))
    if len(visible) == 0:
        return
    box = runs.bbox[visible]
    size = np.maximum(box[:, 2] - box[:, 0], box[:, 3] - box[:, 1]) / frame.viewport.resolution
    tiny = size < TINY_PX
    for symbol, group in _by_class(style, runs.feature[visible]):
        if cancel():
            return
        big = visible[group[~tiny[group]]]
        if len(big):
            pix, starts = _pixels_of(runs, big, frame)
            fill_runs(painter, pix, starts, fill_brush(symbol),
                      outline_pen(symbol, frame.px_per_pt))
        small = group[tiny[group]]
        if runs.hole is not None:
            small = small[~runs.hole[visible[small]]]
        if len(small):
            b = box[small]
            centres = frame.to_pixels(np.column_stack([b[:, 0] + b[:, 2], b[:, 1] + b[:, 3]]) / 2)
            _draw_dots(painter, centres, symbol.stroke or symbol.color, symbol.opacity)


def _draw_dots(painter: QPainter, pix: np.ndarray, color: str, opacity: float) -> None:
    """One aliased pixel per feature: a cosmetic 1 px pen is ~7x faster than a wider one."""
    pen = QPen(qcolor(color, opacity), 1.0)
    pen.setCosmetic(True)
    painter.setPen(pen)
    antialias = painter.testRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.drawPoints(polygon_from_points(pix))
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, antialias)


def draw_lines(
    painter: QPainter, runs: Runs, style: LayerStyle, frame: Frame, cancel: Callable[[], bool]
) -> None:
    """Stroke visible line parts, one path per class."""
    visible = runs.query(frame.query_extent(8))
    if len(visible) == 0:
        return
    for symbol, group in _by_class(style, runs.feature[visible]):
        if cancel():
            return
        pix, starts = _pixels_of(runs, visible[group], frame)
        stroke_runs(painter, pix, starts, line_pen(symbol, frame.px_per_pt))


def visible_points(prepared: PreparedLayer, frame: Frame, margin_px: float) -> np.ndarray:
    """Indices of prepared points inside the view (plus a margin for symbol size)."""
    minx, miny, maxx, maxy = frame.query_extent(margin_px)
    xy = prepared.points_xy
    mask = (xy[:, 0] >= minx) & (xy[:, 0] <= maxx) & (xy[:, 1] >= miny) & (xy[:, 1] <= maxy)
    return np.flatnonzero(mask)


def draw_points(
    painter: QPainter, prepared: PreparedLayer, style: LayerStyle, frame: Frame,
    cancel: Callable[[], bool],
) -> None:
    """Markers at visible points, one path per class (crosses are stroked, not filled)."""
    visible = visible_points(prepared, frame, 20)
    if len(visible) == 0:
        return
    pix_all = frame.to_pixels(prepared.points_xy[visible])
    for symbol, group in _by_class(style, prepared.points_feature[visible]):
        if cancel():
            return
        size = symbol.size * frame.px_per_pt
        xy, starts = marker_runs(symbol.shape, pix_all[group], size)
        if symbol.shape == "cross":
            pen = QPen(qcolor(symbol.color, symbol.opacity), max(1.5, size / 4))
            stroke_runs(painter, xy, starts, pen)
        else:
            fill_runs(painter, xy, starts, fill_brush(symbol),
                      outline_pen(symbol, frame.px_per_pt))
