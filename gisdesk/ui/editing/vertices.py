"""Vertex arithmetic for the vertex tool: find, move, insert and delete one vertex.

Qt-free so it is tested directly. A geometry is handled as parts → rings → an (n, 2) array
without the closing point of polygon rings, so moving the first vertex of a ring also moves
its closing copy and a ring never ends up unclosed. The core still validates the result (a line
of one point or a self-intersecting polygon is refused there).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import shapely

Rings = list[list[np.ndarray]]


@dataclass(frozen=True)
class VertexRef:
    """Address of one vertex: part, ring (0 = exterior / the line itself), index in the ring."""

    part: int
    ring: int
    index: int


def _is_polygonal(geom: Any) -> bool:
    return geom.geom_type in ("Polygon", "MultiPolygon")


def rings_of(geom: Any) -> Rings:
    """The geometry as parts → rings → coordinates (polygon rings without the closing point)."""
    out: Rings = []
    for part in shapely.get_parts(geom):
        if part.geom_type == "Polygon":
            rings = [part.exterior, *part.interiors]
            out.append([np.asarray(r.coords)[:-1, :2] for r in rings])
        else:
            out.append([np.asarray(part.coords)[:, :2]])
    return out


def rebuild(template: Any, rings: Rings) -> Any:
    """A geometry of ``template``'s type from ``rings`` (as produced by :func:`rings_of`)."""
    kind = template.geom_type
    if _is_polygonal(template):
        parts = [shapely.Polygon(r[0], r[1:]) for r in rings]
    elif kind in ("LineString", "MultiLineString"):
        # A one-point "line" is kept as a degenerate line so the core names the problem.
        parts = [shapely.LineString(r[0] if len(r[0]) != 1 else np.vstack([r[0], r[0]]))
                 for r in rings]
    else:
        parts = [shapely.Point(r[0][0]) for r in rings]
    if kind.startswith("Multi"):
        return type(template)(parts)
    return parts[0]


def nearest_vertex(geom: Any, x: float, y: float) -> tuple[VertexRef, float]:
    """The vertex of ``geom`` closest to (x, y) and its distance."""
    best, best_d = VertexRef(0, 0, 0), float("inf")
    for p, part in enumerate(rings_of(geom)):
        for r, ring in enumerate(part):
            if len(ring) == 0:
                continue
            d = np.hypot(ring[:, 0] - x, ring[:, 1] - y)
            i = int(np.argmin(d))
            if d[i] < best_d:
                best, best_d = VertexRef(p, r, i), float(d[i])
    return best, best_d


def vertex_xy(geom: Any, ref: VertexRef) -> tuple[float, float]:
    """Coordinates of the vertex ``ref``."""
    x, y = rings_of(geom)[ref.part][ref.ring][ref.index]
    return float(x), float(y)


def move_vertex(geom: Any, ref: VertexRef, x: float, y: float) -> Any:
    """``geom`` with vertex ``ref`` at (x, y)."""
    rings = rings_of(geom)
    rings[ref.part][ref.ring] = rings[ref.part][ref.ring].copy()
    rings[ref.part][ref.ring][ref.index] = (x, y)
    return rebuild(geom, rings)


def delete_vertex(geom: Any, ref: VertexRef) -> Any:
    """``geom`` without vertex ``ref`` (may become invalid: the core then refuses it)."""
    rings = rings_of(geom)
    rings[ref.part][ref.ring] = np.delete(rings[ref.part][ref.ring], ref.index, axis=0)
    return rebuild(geom, rings)


def _segments(ring: np.ndarray, closed: bool) -> tuple[np.ndarray, np.ndarray]:
    ends = np.roll(ring, -1, axis=0) if closed else ring[1:]
    return (ring if closed else ring[:-1]), ends


def insert_vertex(geom: Any, x: float, y: float) -> tuple[Any, VertexRef]:
    """``geom`` with a new vertex on the segment nearest (x, y), at the projected point."""
    closed = _is_polygonal(geom)
    best: tuple[float, int, int, int, np.ndarray] | None = None
    rings = rings_of(geom)
    for p, part in enumerate(rings):
        for r, ring in enumerate(part):
            if len(ring) < 2:
                continue
            a, b = _segments(ring, closed)
            ab = b - a
            length2 = np.maximum((ab**2).sum(axis=1), 1e-18)
            t = np.clip(((np.array([x, y]) - a) * ab).sum(axis=1) / length2, 0.0, 1.0)
            foot = a + ab * t[:, None]
            d = np.hypot(foot[:, 0] - x, foot[:, 1] - y)
            i = int(np.argmin(d))
            if best is None or d[i] < best[0]:
                best = (float(d[i]), p, r, i, foot[i])
    if best is None:
        raise ValueError("the geometry has no segment")
    _, p, r, i, foot = best
    rings[p][r] = np.insert(rings[p][r], i + 1, foot, axis=0)
    return rebuild(geom, rings), VertexRef(p, r, i + 1)
