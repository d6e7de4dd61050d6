"""Per-zoom-level paths: build a class's path once per power-of-two resolution, reuse it.

When a view shows most of a layer (the whole city, a district), turning a million vertices into
a ``QPainterPath`` costs more than drawing it. Paths are therefore built in "level coordinates"
(world units divided by a power-of-two resolution at or below the view's, y down, simplified to
the level's pixel) and drawn through a ``QTransform`` that maps them to the view. Every redraw at
a resolution in [level, 2 x level) — redraws after edits elsewhere, selection changes, pans,
small zooms — reuses the path; zooming past the bucket builds the next level once.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass

import numpy as np
from PySide6.QtGui import QPainterPath, QPolygonF, QTransform

from gisdesk.core.viewport import Viewport
from gisdesk.ui.render.prepared import Runs, simplify_runs
from gisdesk.ui.render.qtarrays import path_from_runs, polygon_from_points
from gisdesk.ui.render.styles import LayerStyle

MAX_LEVELS_PER_RUNS = 6
"""Level paths kept per geometry family (oldest dropped first)."""


@dataclass(frozen=True)
class Level:
    """A power-of-two resolution and the origin of level coordinates."""

    exponent: int
    ox: float
    oy: float

    @property
    def res(self) -> float:
        """Metres per level unit."""
        return 2.0 ** self.exponent

    @classmethod
    def for_view(cls, runs: Runs, resolution: float) -> Level:
        """The level whose resolution is the largest power of two not above ``resolution``."""
        minx, _miny, _maxx, maxy = runs.extent
        return cls(math.floor(math.log2(max(resolution, 1e-9))), minx, maxy)

    def to_level(self, xy: np.ndarray) -> np.ndarray:
        """World (n, 2) -> level coordinates (y down, like pixels)."""
        out = np.empty_like(xy)
        out[:, 0] = (xy[:, 0] - self.ox) / self.res
        out[:, 1] = (self.oy - xy[:, 1]) / self.res
        return out

    def transform(self, viewport: Viewport) -> QTransform:
        """Level coordinates -> the view's pixels."""
        s = self.res / viewport.resolution
        tx = (self.ox - viewport.cx) / viewport.resolution + viewport.width / 2
        ty = (viewport.cy - self.oy) / viewport.resolution + viewport.height / 2
        return QTransform(s, 0.0, 0.0, s, tx, ty)


@dataclass(frozen=True)
class LevelPaths:
    """One class at one level: its path (with vertex count) and tiny polygons as dots."""

    path: QPainterPath
    vertices: int
    dots: QPolygonF


_lock = threading.Lock()


def class_runs(runs: Runs, style: LayerStyle, cls: int) -> np.ndarray:
    """Indices of the runs drawn with symbol ``cls`` (cached per style)."""
    cache = runs.level_cache
    key = ("classes", id(style))
    if key not in cache:
        cache[key] = style.class_of[runs.feature]
    return np.flatnonzero(cache[key] == cls)


def level_paths(
    runs: Runs, style: LayerStyle, cls: int, level: Level, tiny_px: float | None
) -> LevelPaths:
    """The cached :class:`LevelPaths` of class ``cls``; ``tiny_px`` (polygons only) sends
    rings smaller than that many level pixels to ``dots`` instead of the path."""
    cache = runs.level_cache
    key = ("paths", id(style), cls, level, tiny_px)
    hit = cache.get(key)
    if hit is not None:
        return hit
    chosen = class_runs(runs, style, cls)
    dots = QPolygonF()
    if tiny_px is not None:
        box = runs.bbox[chosen]
        size = np.maximum(box[:, 2] - box[:, 0], box[:, 3] - box[:, 1]) / level.res
        tiny = size < tiny_px
        small = chosen[tiny]
        if runs.hole is not None:
            small = small[~runs.hole[small]]
        b = runs.bbox[small]
        centres = np.column_stack([b[:, 0] + b[:, 2], b[:, 1] + b[:, 3]]) / 2
        dots = polygon_from_points(level.to_level(centres))
        chosen = chosen[~tiny]
    xy, starts = runs.gather(chosen)
    pix, starts = simplify_runs(level.to_level(xy), starts)
    entry = LevelPaths(path_from_runs(pix, starts), len(pix), dots)
    with _lock:
        cache[key] = entry
        paths = [k for k in cache if k[0] == "paths"]
        for old in paths[: max(0, len(paths) - MAX_LEVELS_PER_RUNS * 16)]:
            del cache[old]
    return entry
