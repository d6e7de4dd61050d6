"""Map labels: street names along roads, other names at points and polygon interiors.

Placement is greedy: layers on top of the drawing order go first, then each candidate is kept
only if its collision box (the axis-aligned bounds of the possibly rotated text, plus a small
gap) meets no box already kept. A uniform grid of kept boxes keeps that test cheap. Candidate
positions are computed for all features at once with numpy; only the greedy pass is a Python
loop. Painting is in ``label_draw``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import numpy as np
import shapely
from PySide6.QtGui import QFont, QFontMetricsF

from gisdesk.core.definitions import Catalog, LayerDef
from gisdesk.core.layer import MapLayer
from gisdesk.core.project import Project
from gisdesk.ui.render.cache import layer_extra, prepared_for
from gisdesk.ui.render.features import Frame, visible_points
from gisdesk.ui.render.prepared import PreparedLayer, Runs

GAP_PX = 2.0
MAX_CANDIDATES = 4000
"""Per layer; beyond this a view is too crowded for labels to help anyway."""

Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class PlacedLabel:
    """A label that won its place: text, centre and angle in pixels, and its collision box."""

    layer: str
    text: str
    x: float
    y: float
    angle: float
    box: Box
    color: str
    pixel_size: int


class _Grid:
    """Kept boxes bucketed in square cells so a test looks only at its neighbours."""

    def __init__(self, cell: float = 64.0) -> None:
        self.cell = cell
        self.cells: dict[tuple[int, int], list[Box]] = {}

    def _keys(self, box: Box) -> Iterator[tuple[int, int]]:
        c = self.cell
        for i in range(int(box[0] // c), int(box[2] // c) + 1):
            for j in range(int(box[1] // c), int(box[3] // c) + 1):
                yield (i, j)

    def free(self, box: Box) -> bool:
        for key in self._keys(box):
            for o in self.cells.get(key, ()):
                if box[0] < o[2] and o[0] < box[2] and box[1] < o[3] and o[1] < box[3]:
                    return False
        return True

    def add(self, box: Box) -> None:
        for key in self._keys(box):
            self.cells.setdefault(key, []).append(box)


def _texts(layer: MapLayer, catalog: Catalog, rows: np.ndarray, lang: str) -> np.ndarray:
    """Label text of ``rows``, from the per-layer cache of all texts in ``lang``."""
    texts = layer_extra(layer, catalog, ("label-texts", lang),
                        lambda: _all_texts(layer, catalog, lang))
    return texts[rows]


def _all_texts(layer: MapLayer, catalog: Catalog, lang: str) -> np.ndarray:
    """Label text per row ("" for missing), domain codes shown as their label in ``lang``."""
    layer_def = layer.definition
    assert layer_def is not None and layer_def.labeling is not None
    field = layer_def.labeling.field
    if field not in layer.frame:
        return np.full(len(layer.frame), "", dtype=object)
    values = layer.frame[field]
    domain = catalog.domain_for(layer_def, field)
    if domain is not None:
        labels = {v.code: v.label.get(lang) for v in domain.values}
        values = values.map(lambda v: labels.get(v, v))
    texts = values.astype(object).where(values.notna(), "")
    return np.array([str(t).strip() for t in texts], dtype=object)


def _rotated_box(x: float, y: float, w: float, h: float, angle: float) -> Box:
    a = math.radians(angle)
    hw = (abs(w * math.cos(a)) + abs(h * math.sin(a))) / 2 + GAP_PX
    hh = (abs(w * math.sin(a)) + abs(h * math.cos(a))) / 2 + GAP_PX
    return (x - hw, y - hh, x + hw, y + hh)


@dataclass
class _Candidates:
    """Where each candidate label would go, best candidates first."""

    rows: np.ndarray
    x: np.ndarray
    y: np.ndarray
    angle: np.ndarray  # degrees, within [-90, 90] so text never reads upside down
    room: np.ndarray  # length of line available in px (inf for points and polygons)
    above: np.ndarray  # put the text over a point marker rather than on it


def _clip_segments(
    p0: np.ndarray, d: np.ndarray, w: float, h: float
) -> tuple[np.ndarray, np.ndarray]:
    """Liang-Barsky: the parameter range [t0, t1] of each segment inside 0..w x 0..h."""
    t0 = np.zeros(len(d))
    t1 = np.ones(len(d))
    with np.errstate(divide="ignore", invalid="ignore"):
        for p, q in ((-d[:, 0], p0[:, 0]), (d[:, 0], w - p0[:, 0]),
                     (-d[:, 1], p0[:, 1]), (d[:, 1], h - p0[:, 1])):
            r = q / p
            t0 = np.where(p < 0, np.maximum(t0, r), t0)
            t1 = np.where(p > 0, np.minimum(t1, r), t1)
            t1 = np.where((p == 0) & (q < 0), -1.0, t1)
    return t0, t1


def _line_candidates(runs: Runs, frame: Frame) -> _Candidates:
    """Midpoint and direction of the on-screen part of every visible line run, vectorised."""
    w, h = frame.viewport.width, frame.viewport.height
    visible = runs.query(frame.viewport.extent)
    xy, starts = runs.gather(visible)
    pix = frame.to_pixels(xy)
    n = len(pix)
    if n < 2:
        return _anchor_arrays(visible[:0], np.empty((0, 2)), np.empty(0, dtype=bool))
    d = np.diff(pix, axis=0)
    t0, t1 = _clip_segments(pix[:-1], d, w, h)
    seg_ok = t1 > t0
    seg_ok[starts[1:] - 1] = False  # the jump from one run to the next is not a segment
    full = np.hypot(d[:, 0], d[:, 1])
    length = np.where(seg_ok, (t1 - t0) * full, 0.0)
    cum = np.zeros(n)
    np.cumsum(length, out=cum[1:])
    stops = np.append(starts[1:], n) - 1  # last vertex of each run
    total = cum[stops] - cum[starts]
    target = cum[starts] + total / 2
    k = np.searchsorted(cum, target, side="left") - 1
    k = np.clip(k, starts, np.maximum(stops - 1, starts)).clip(0, n - 2)
    t = t0[k] + np.divide(target - cum[k], full[k], out=np.zeros(len(k)), where=full[k] > 0)
    x = pix[k, 0] + d[k, 0] * t
    y = pix[k, 1] + d[k, 1] * t
    angle = np.degrees(np.arctan2(d[k, 1], d[k, 0]))
    angle = np.where(angle > 90, angle - 180, np.where(angle < -90, angle + 180, angle))
    keep = np.flatnonzero(total > 0)
    keep = keep[np.argsort(-total[keep], kind="stable")][:MAX_CANDIDATES]
    return _Candidates(runs.feature[visible[keep]], x[keep], y[keep], angle[keep], total[keep],
                       np.zeros(len(keep), dtype=bool))


def _anchor_arrays(rows: np.ndarray, pix: np.ndarray, above: np.ndarray) -> _Candidates:
    return _Candidates(rows, pix[:, 0], pix[:, 1], np.zeros(len(rows)),
                       np.full(len(rows), np.inf), above)


def _anchor_candidates(prepared: PreparedLayer, frame: Frame) -> _Candidates:
    """Points at themselves (text above), polygons and unaligned lines at an inner point."""
    rows = _point_rows(prepared, frame)[:MAX_CANDIDATES]
    geoms = prepared.geometries[rows]
    solid = ~shapely.is_empty(geoms)
    rows, geoms = rows[solid], geoms[solid]
    if len(rows) == 0:
        return _anchor_arrays(rows, np.empty((0, 2)), np.empty(0, dtype=bool))
    anchors = shapely.get_coordinates(shapely.point_on_surface(geoms))
    return _anchor_arrays(rows, frame.to_pixels(anchors),
                          np.isin(shapely.get_type_id(geoms), (0, 4)))


def _candidates(layer: MapLayer, prepared: PreparedLayer, frame: Frame) -> _Candidates:
    layer_def = layer.definition
    assert layer_def is not None and layer_def.labeling is not None
    if prepared.lines is not None and layer_def.labeling.along_line:
        return _line_candidates(prepared.lines, frame)
    return _anchor_candidates(prepared, frame)


def _point_rows(prepared: PreparedLayer, frame: Frame) -> np.ndarray:
    rows = [prepared.points_feature[visible_points(prepared, frame, 0)]]
    for runs in (prepared.polygons, prepared.lines):
        if runs is not None:
            rows.append(runs.feature[runs.query(frame.viewport.extent)])
    return np.unique(np.concatenate(rows))


def _font(labeling_size: float, frame: Frame) -> QFont:
    font = QFont("DejaVu Sans")
    font.setPixelSize(max(1, round(labeling_size * frame.viewport.dpi / 72)))
    return font


def layout_labels(
    project: Project, layers: list[MapLayer], frame: Frame, *, lang: str,
    cancel: Callable[[], bool] | None = None,
) -> list[PlacedLabel]:
    """Choose which labels to draw and where; no two returned boxes overlap."""
    grid = _Grid()
    placed: list[PlacedLabel] = []
    width, height = frame.viewport.width, frame.viewport.height
    for layer in reversed(layers):
        layer_def: LayerDef | None = layer.definition
        if layer_def is None or layer_def.labeling is None:
            continue
        if frame.viewport.scale > layer_def.labeling.max_scale or (cancel and cancel()):
            continue
        prepared, _style = prepared_for(layer, project.catalog)
        font = _font(layer_def.labeling.size, frame)
        metrics = QFontMetricsF(font)
        cands = _candidates(layer, prepared, frame)
        texts = _texts(layer, project.catalog, cands.rows, lang)
        along = layer_def.labeling.along_line
        line_h = metrics.height()
        widths: dict[str, float] = {}
        seen: set[str] = set()
        for i, text in enumerate(texts.tolist()):
            if not text or text in seen:
                continue
            w = widths.get(text)
            if w is None:
                w = widths[text] = metrics.horizontalAdvance(text)
            if w * 1.1 > cands.room[i]:
                continue
            x, y, angle = float(cands.x[i]), float(cands.y[i]), float(cands.angle[i])
            if cands.above[i]:
                y -= line_h * 0.9
            box = _rotated_box(x, y, w, line_h, angle)
            if box[0] < 0 or box[1] < 0 or box[2] > width or box[3] > height or not grid.free(box):
                continue
            grid.add(box)
            if along:
                seen.add(text)  # one label per street name per view
            placed.append(PlacedLabel(layer.name, text, x, y, angle, box,
                                      layer_def.labeling.color, font.pixelSize()))
    return placed
