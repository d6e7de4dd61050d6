"""Snapping for the digitizing tools: the nearest vertex or segment of nearby features.

Pure geometry over the layers' frames (no Qt), so the rules are tested without a canvas: a
vertex within the tolerance wins over a closer segment (people aim at corners and pipe ends,
and a vertex snap keeps topology exact), otherwise the nearest point on a segment or polygon
edge. Candidates come from a shapely STRtree per layer state, so a click stays instant on
layers of 100 000 features; the tree is rebuilt only when :attr:`MapLayer.version` changes.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import shapely
from shapely import STRtree

from gisdesk.core.layer import MapLayer

SnapKind = Literal["vertex", "segment"]
DEFAULT_TOLERANCE_PX = 10
"""Default snapping tolerance in screen pixels (converted to metres with the map resolution)."""


@dataclass(frozen=True)
class SnapResult:
    """Where a click snapped to: the point, what it hit and how far it moved (map units)."""

    x: float
    y: float
    kind: SnapKind
    layer: str
    row: int
    distance: float


@dataclass
class _Tree:
    frame_ref: weakref.ref
    version: int
    tree: STRtree
    geoms: np.ndarray


_TREES: dict[int, _Tree] = {}


def _tree(layer: MapLayer) -> _Tree:
    """STRtree of the layer's current geometries, cached per frame object and version."""
    frame = layer.frame
    hit = _TREES.get(id(frame))
    if hit is not None and hit.frame_ref() is frame and hit.version == layer.version:
        return hit
    for dead in [k for k, v in _TREES.items() if v.frame_ref() is None]:
        del _TREES[dead]
    geoms = np.asarray(frame.geometry.values, dtype=object)
    entry = _Tree(weakref.ref(frame), layer.version, STRtree(geoms), geoms)
    _TREES[id(frame)] = entry
    return entry


def _candidates(layer: MapLayer, x: float, y: float, tol: float, skip: set[int]) -> np.ndarray:
    """Row positions whose bounding box comes within ``tol`` of (x, y), minus ``skip``."""
    if not layer.is_spatial or len(layer.frame) == 0:
        return np.empty(0, dtype=np.intp)
    rows = _tree(layer).tree.query(shapely.box(x - tol, y - tol, x + tol, y + tol))
    if skip:
        rows = rows[~np.isin(rows, list(skip))]
    return np.sort(rows)


def nearest_vertex(
    layer: MapLayer, x: float, y: float, tol: float, skip: Iterable[int] = ()
) -> SnapResult | None:
    """The closest vertex of ``layer`` within ``tol`` of (x, y), or None."""
    rows = _candidates(layer, x, y, tol, set(skip))
    if len(rows) == 0:
        return None
    coords, owner = shapely.get_coordinates(_tree(layer).geoms[rows], return_index=True)
    if len(coords) == 0:
        return None
    dist = np.hypot(coords[:, 0] - x, coords[:, 1] - y)
    best = int(np.argmin(dist))
    if dist[best] > tol:
        return None
    cx, cy = coords[best]
    return SnapResult(float(cx), float(cy), "vertex", layer.name, int(rows[owner[best]]),
                      float(dist[best]))


def nearest_on_segment(
    layer: MapLayer, x: float, y: float, tol: float, skip: Iterable[int] = ()
) -> SnapResult | None:
    """The closest point on a line or polygon edge of ``layer`` within ``tol``, or None."""
    rows = _candidates(layer, x, y, tol, set(skip))
    if len(rows) == 0:
        return None
    geoms = _tree(layer).geoms[rows]
    dims = shapely.get_dimensions(geoms)
    keep = dims >= 1
    if not keep.any():
        return None
    rows, geoms = rows[keep], geoms[keep]
    edges = np.where(dims[keep] == 2, shapely.boundary(geoms), geoms)
    click = shapely.Point(x, y)
    dist = shapely.distance(edges, click)
    best = int(np.nanargmin(dist))
    if not dist[best] <= tol:
        return None
    line = edges[best]
    on = line.interpolate(line.project(click))
    return SnapResult(on.x, on.y, "segment", layer.name, int(rows[best]), float(dist[best]))


def snap(
    layers: Iterable[MapLayer], x: float, y: float, tol: float,
    skip: dict[str, Iterable[int]] | None = None,
) -> SnapResult | None:
    """Snap (x, y) to the layers: nearest vertex within ``tol`` first, else nearest segment.

    Parameters
    ----------
    layers
        Layers to snap to (the caller passes the visible ones).
    tol
        Tolerance in map units (pixels times the map resolution).
    skip
        Layer name → row positions to ignore, e.g. the feature being reshaped, so a dragged
        vertex does not snap onto itself.
    """
    skip = skip or {}
    layers = list(layers)
    found = [nearest_vertex(lyr, x, y, tol, skip.get(lyr.name, ())) for lyr in layers]
    vertices = [f for f in found if f is not None]
    if vertices:
        return min(vertices, key=lambda r: r.distance)
    found = [nearest_on_segment(lyr, x, y, tol, skip.get(lyr.name, ())) for lyr in layers]
    segments = [f for f in found if f is not None]
    return min(segments, key=lambda r: r.distance) if segments else None


def unconnected_ends(
    line: Any, layer: MapLayer, tol: float, skip: Iterable[int] = ()
) -> list[tuple[float, float]]:
    """End points of ``line`` that touch no other feature of ``layer`` within ``tol``.

    A new water main or drain that connects to nothing is almost always a digitizing slip (it
    breaks network traces), so the editing tools warn about these ends.
    """
    skip = set(skip)
    out = []
    for part in shapely.get_parts(line):
        coords = shapely.get_coordinates(part)
        if len(coords) < 2:
            continue
        for px, py in (coords[0], coords[-1]):
            rows = _candidates(layer, float(px), float(py), tol, skip)
            geoms = _tree(layer).geoms[rows] if len(rows) else np.empty(0, dtype=object)
            near = shapely.distance(geoms, shapely.Point(px, py)) <= tol
            if not np.any(near):
                out.append((float(px), float(py)))
    return out
