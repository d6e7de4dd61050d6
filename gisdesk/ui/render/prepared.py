"""Per-layer geometry prepared for drawing: flat numpy arrays plus a spatial index.

Shapely objects are convenient but touching them per redraw is far too slow for a city. Once per
layer version we flatten every geometry into "runs" (a polygon ring or a line part is one run of
vertices) with their offsets, owning feature and bounding box. A redraw then only selects runs
by bounding box (a grid index for small windows, a vectorised mask for big ones) and gathers
vertices with numpy. Points are kept as an (n, 2) array with their feature index.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import shapely

from gisdesk.ui.render.grid_index import GridIndex

_POLYGON_TYPES = (3, 6)  # Polygon, MultiPolygon
_LINE_TYPES = (1, 2, 5)  # LineString, LinearRing, MultiLineString
_POINT_TYPES = (0, 4)  # Point, MultiPoint


@dataclass
class Runs:
    """Vertex runs (rings or line parts) of one geometry family, back to back."""

    xy: np.ndarray  # (n, 2) float64 world coordinates
    starts: np.ndarray  # (runs + 1,) int64 offsets into xy; last == len(xy)
    feature: np.ndarray  # (runs,) int64 row of the owning feature
    bbox: np.ndarray  # (runs, 4) minx, miny, maxx, maxy
    hole: np.ndarray | None = None  # (runs,) bool: interior ring of a polygon
    _index: GridIndex | None = field(default=None, repr=False)
    _extent: tuple[float, float, float, float] | None = field(default=None, repr=False)
    level_cache: dict = field(default_factory=dict, repr=False)  # see levels.py

    @property
    def count(self) -> int:
        """Number of runs."""
        return len(self.feature)

    @property
    def extent(self) -> tuple[float, float, float, float]:
        """(minx, miny, maxx, maxy) of all runs (computed once)."""
        if self._extent is None:
            lo = self.bbox[:, :2].min(axis=0)
            hi = self.bbox[:, 2:].max(axis=0)
            self._extent = (float(lo[0]), float(lo[1]), float(hi[0]), float(hi[1]))
        return self._extent

    def query(self, extent: tuple[float, float, float, float]) -> np.ndarray:
        """Indices (sorted) of runs whose bounding box meets ``extent``."""
        if self.count == 0:
            return np.empty(0, dtype=np.int64)
        minx, miny, maxx, maxy = extent
        if self.count < 20000 or _covers_most(extent, self.extent):
            b = self.bbox
            mask = (b[:, 0] <= maxx) & (b[:, 2] >= minx) & (b[:, 1] <= maxy) & (b[:, 3] >= miny)
            return np.flatnonzero(mask)
        if self._index is None:
            self._index = GridIndex(self.bbox)
        return self._index.query(extent)

    def gather(self, runs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Vertices of ``runs`` back to back and the start of each (no trailing offset)."""
        lengths = self.starts[runs + 1] - self.starts[runs]
        new_starts = np.zeros(len(runs), dtype=np.int64)
        np.cumsum(lengths[:-1], out=new_starts[1:])
        total = int(lengths.sum())
        if total == len(self.xy):
            return self.xy, new_starts
        shift = np.repeat(self.starts[runs] - new_starts, lengths)
        index = np.arange(total, dtype=np.int64) + shift
        return self.xy[index], new_starts


def _covers_most(
    extent: tuple[float, float, float, float], data: tuple[float, float, float, float]
) -> bool:
    """True when the window shows most of the data, where a linear scan beats the index."""
    data_area = max((data[2] - data[0]) * (data[3] - data[1]), 1e-12)
    ix = max(0.0, min(extent[2], data[2]) - max(extent[0], data[0]))
    iy = max(0.0, min(extent[3], data[3]) - max(extent[1], data[1]))
    return ix * iy / data_area > 0.25


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


@dataclass
class PreparedLayer:
    """The drawable form of one layer version: polygon rings, line parts and points."""

    polygons: Runs | None
    lines: Runs | None
    points_xy: np.ndarray
    points_feature: np.ndarray
    geometries: np.ndarray = field(repr=False)
    _points_index: GridIndex | None = field(default=None, repr=False)

    @property
    def n_features(self) -> int:
        """Rows in the layer (including those with empty or missing geometry)."""
        return len(self.geometries)

    def points_in(self, extent: tuple[float, float, float, float]) -> np.ndarray:
        """Sorted indices of points inside ``extent`` (a grid index once there are many)."""
        minx, miny, maxx, maxy = extent
        xy = self.points_xy
        if len(xy) < 20000:
            mask = (xy[:, 0] >= minx) & (xy[:, 0] <= maxx) & (xy[:, 1] >= miny) & (
                xy[:, 1] <= maxy)
            return np.flatnonzero(mask)
        if self._points_index is None:
            self._points_index = GridIndex(np.hstack([xy, xy]))
        return self._points_index.query(extent)


def _wind_rings(xy: np.ndarray, starts: np.ndarray, hole: np.ndarray) -> np.ndarray:
    """Exteriors counter-clockwise, holes clockwise (vertex order reversed where needed).

    Polygons are filled with the non-zero winding rule so that overlapping polygons of one
    class both stay filled (odd-even would punch a hole where they overlap); holes then need
    the opposite orientation, which files do not guarantee.
    """
    n = len(xy)
    cross = np.zeros(n)
    cross[:-1] = xy[:-1, 0] * xy[1:, 1] - xy[1:, 0] * xy[:-1, 1]
    cross[starts[1:] - 1] = 0.0  # no edge from one ring's last vertex to the next ring
    area2 = np.add.reduceat(cross, starts[:-1])
    flip = np.flatnonzero((area2 > 0) == hole)  # CCW hole or CW exterior
    if len(flip) == 0:
        return xy
    index = np.arange(n)
    lengths = starts[flip + 1] - starts[flip]
    local = np.arange(int(lengths.sum())) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    first = np.repeat(starts[flip], lengths)
    index[first + local] = first + np.repeat(lengths, lengths) - 1 - local
    return xy[index]


def _runs(geoms: np.ndarray, feature: np.ndarray, hole: np.ndarray | None = None) -> Runs | None:
    """Flatten linestrings/rings ``geoms`` owned by rows ``feature`` into :class:`Runs`."""
    if len(geoms) == 0:
        return None
    counts = shapely.get_num_coordinates(geoms)
    keep = counts >= 2
    geoms, feature, counts = geoms[keep], feature[keep], counts[keep]
    hole = hole[keep] if hole is not None else None
    if len(geoms) == 0:
        return None
    starts = np.zeros(len(geoms) + 1, dtype=np.int64)
    np.cumsum(counts, out=starts[1:])
    return _runs_of(shapely.get_coordinates(geoms), starts, feature, hole)


def _runs_of(
    xy: np.ndarray, starts: np.ndarray, feature: np.ndarray, hole: np.ndarray | None
) -> Runs | None:
    """:class:`Runs` from vertices ``xy`` cut at ``starts`` (every run has 2+ vertices)."""
    if len(feature) == 0:
        return None
    first = starts[:-1]
    if hole is not None:
        xy = _wind_rings(xy, starts, hole)
    bbox = np.column_stack([
        np.minimum.reduceat(xy[:, 0], first),
        np.minimum.reduceat(xy[:, 1], first),
        np.maximum.reduceat(xy[:, 0], first),
        np.maximum.reduceat(xy[:, 1], first),
    ])
    return Runs(xy, starts, feature.astype(np.int64), bbox, hole)


def _ragged_runs(
    coords: np.ndarray, run_offsets: np.ndarray, feature: np.ndarray, hole: np.ndarray | None
) -> Runs | None:
    """:class:`Runs` from ragged-array offsets, dropping runs of fewer than two vertices."""
    run_offsets = run_offsets.astype(np.int64)
    counts = np.diff(run_offsets)
    keep = counts >= 2
    if keep.all():
        return _runs_of(coords, run_offsets, feature, hole)
    index = np.flatnonzero(keep)
    counts = counts[index]
    starts = np.zeros(len(index) + 1, dtype=np.int64)
    np.cumsum(counts, out=starts[1:])
    shift = np.repeat(run_offsets[index] - starts[:-1], counts)
    xy = coords[np.arange(int(starts[-1]), dtype=np.int64) + shift]
    return _runs_of(xy, starts, feature[index], None if hole is None else hole[index])


def _owner(offsets: np.ndarray) -> np.ndarray:
    """Each child's parent, where parent i owns children ``offsets[i]:offsets[i + 1]``."""
    return np.repeat(np.arange(len(offsets) - 1, dtype=np.int64), np.diff(offsets))


def _prepare_ragged(geometries: np.ndarray) -> PreparedLayer:
    """:func:`prepare` for a layer of one geometry family, straight from shapely's ragged
    arrays: no intermediate part and ring objects (two million of them for the scale-100
    buildings), so it is faster and its peak memory is the arrays it returns.

    Raises ValueError (from shapely) for mixed families and types it does not support."""
    kind, coords, offsets = shapely.to_ragged_array(geometries, include_z=False)
    n = len(geometries)
    empty_points = (np.empty((0, 2)), np.empty(0, dtype=np.int64))
    polygons = lines = None
    points_xy, points_feature = empty_points
    if kind in (shapely.GeometryType.POLYGON, shapely.GeometryType.MULTIPOLYGON):
        ring_off, poly_off = offsets[0], offsets[1].astype(np.int64)
        poly_feature = _owner(offsets[2]) if len(offsets) > 2 else np.arange(n, dtype=np.int64)
        ring_poly = _owner(poly_off)
        hole = np.ones(len(ring_poly), dtype=bool)
        hole[poly_off[:-1][np.diff(poly_off) > 0]] = False  # each polygon's first ring
        polygons = _ragged_runs(coords, ring_off, poly_feature[ring_poly], hole)
    elif kind in (shapely.GeometryType.LINESTRING, shapely.GeometryType.MULTILINESTRING):
        line_feature = _owner(offsets[1]) if len(offsets) > 1 else np.arange(n, dtype=np.int64)
        lines = _ragged_runs(coords, offsets[0], line_feature, None)
    elif kind == shapely.GeometryType.POINT:
        present = np.flatnonzero(np.isfinite(coords).all(axis=1))  # None/empty come as NaN
        points_xy, points_feature = coords[present], present.astype(np.int64)
    elif kind == shapely.GeometryType.MULTIPOINT:
        points_xy, points_feature = coords, _owner(offsets[0])
    else:
        raise ValueError(f"unsupported ragged geometry type {kind}")
    return PreparedLayer(polygons, lines, points_xy, points_feature, geometries)


def prepare(geometries: np.ndarray) -> PreparedLayer:
    """Flatten a geometry array (one per feature row; None/empty allowed) for drawing."""
    geometries = np.asarray(geometries, dtype=object)
    if len(geometries) and not shapely.is_missing(geometries).all():
        try:
            return _prepare_ragged(geometries)
        except ValueError:
            pass  # mixed points/lines/polygons, collections, rings: part by part below
    parts, part_row = shapely.get_parts(geometries, return_index=True)
    types = shapely.get_type_id(parts)
    poly = np.isin(types, _POLYGON_TYPES)
    rings, ring_part = shapely.get_rings(parts[poly], return_index=True)
    # get_rings lists each polygon's exterior first: a ring is a hole when its part repeats.
    hole = np.zeros(len(rings), dtype=bool)
    hole[1:] = ring_part[1:] == ring_part[:-1]
    polygons = _runs(rings, part_row[poly][ring_part], hole)
    line = np.isin(types, _LINE_TYPES)
    lines = _runs(parts[line], part_row[line])
    point = np.isin(types, _POINT_TYPES) & ~shapely.is_empty(parts)
    points_xy = shapely.get_coordinates(parts[point])
    return PreparedLayer(polygons, lines, points_xy, part_row[point].astype(np.int64), geometries)
