"""The street network: a jittered, warped lattice cut by the coast and the city edge.

Rows and columns of the lattice are streets; every few lines is a collector or an arterial, so the
hierarchy looks planned while warping, jitter, bent lanes and missing links keep it from being a
perfect grid, and a coast road follows the bay. Each segment between two junctions is one
feature. Water mains and drains are laid along these segments and share the junction
coordinates, which is what keeps them connected.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
import shapely

from gisdesk.sampledata.geography import Geography
from gisdesk.sampledata.graph import largest_component_mask
from gisdesk.sampledata.names import ARTERIAL_STREETS, COLLECTOR_STREETS, LOCAL_STREETS, cycle_names
from gisdesk.sampledata.plan import CityPlan

ROAD_CLASSES = ("ARTERIAL", "COLLECTOR", "LOCAL")
ARTERIAL, COLLECTOR, LOCAL = 0, 1, 2
HALF_WIDTH_RANGE = {ARTERIAL: (7.0, 11.0), COLLECTOR: (4.0, 5.5), LOCAL: (2.0, 3.2)}
_VERTICES = 7  # per segment; enough to show curves without bloating the file
_JITTER = 12.0
_DROP_LOCAL_EW = 0.12
COAST_ROAD = "Jl. Pelabuhan"


@dataclass
class StreetNetwork:
    """Junctions and segments of the street network.

    ``coords`` holds the vertices of every segment (segments × vertices × 2); the first and last
    vertex of segment ``i`` are exactly ``node_xy[u[i]]`` and ``node_xy[v[i]]``.
    """

    node_xy: np.ndarray
    u: np.ndarray
    v: np.ndarray
    coords: np.ndarray
    road_class: np.ndarray
    north_south: np.ndarray
    line: np.ndarray
    position: np.ndarray
    line_names: list[str]
    half_width: np.ndarray

    @cached_property
    def geometry(self) -> np.ndarray:
        """Segment LineStrings."""
        return shapely.linestrings(self.coords)

    @cached_property
    def length(self) -> np.ndarray:
        """Segment lengths in metres."""
        return shapely.length(self.geometry)

    @cached_property
    def _cumulative(self) -> tuple[np.ndarray, np.ndarray]:
        piece = np.hypot(*np.moveaxis(np.diff(self.coords, axis=1), -1, 0))
        return np.concatenate([np.zeros((len(piece), 1)), np.cumsum(piece, axis=1)], axis=1), piece

    def point_at(self, seg: np.ndarray, along: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Point ``along`` metres into each segment ``seg`` and the unit tangent there.

        Plain numpy on the vertex arrays: millions of buildings and lights are placed this way,
        several times faster than interpolating shapely geometries.
        """
        cum, piece = self._cumulative
        k = np.clip((cum[seg] <= along[:, None]).sum(axis=1) - 1, 0, piece.shape[1] - 1)
        a = self.coords[seg, k]
        b = self.coords[seg, k + 1]
        size = piece[seg, k]
        t = ((along - cum[seg, k]) / size)[:, None]
        return a + t * (b - a), (b - a) / size[:, None]

    def names(self) -> np.ndarray:
        """Street name of every segment."""
        return np.asarray(self.line_names, dtype=object)[self.line]


def _line_classes(count: int, rng: np.random.Generator) -> np.ndarray:
    """Class of each lattice line: arterial every 8th, collector midway, local between."""
    offset = int(rng.integers(0, 8))
    idx = (np.arange(count) - offset) % 8
    return np.where(idx == 0, ARTERIAL, np.where(idx == 4, COLLECTOR, LOCAL))


def _lattice(plan: CityPlan, geo: Geography, rng: np.random.Generator):
    """Grid positions, displaced positions and inside-mask of every lattice node."""
    ncol = int(plan.width_m / plan.block_x) + 3
    nrow = int(plan.height_m * 1.2 / plan.block_y) + 4
    gx = geo.x_min + (np.arange(ncol) - 1) * plan.block_x
    gy = geo.y_coast - 2 * plan.block_y + np.arange(nrow) * plan.block_y
    grid = np.stack(np.meshgrid(gx, gy), axis=-1)  # (nrow, ncol, 2)
    jitter = rng.uniform(-_JITTER, _JITTER, size=grid.shape)
    dx, dy = geo.warp(grid[..., 0], grid[..., 1])
    pos = grid + np.stack([dx, dy], axis=-1) + jitter
    x, y = pos[..., 0], pos[..., 1]
    inside = (
        (y > geo.coast_y(x) + 25.0)
        & (y < geo.top_y(x))
        & (grid[..., 0] > geo.x_min)  # whole columns in or out: drains need them unbroken
        & (grid[..., 0] < geo.x_max)
    )
    return grid, jitter, pos, inside


def _coast_road(inside: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The coast road: the lowest junction of each column linked to the next column's.

    Nothing lies south of a column's lowest junction, so these links cross no street.
    Returns (node a, node b, western column) per link.
    """
    ncol = inside.shape[1]
    has = inside.any(axis=0)
    bottom = np.argmax(inside, axis=0)
    cols = np.flatnonzero(has[:-1] & has[1:])
    return bottom[cols] * ncol + cols, bottom[cols + 1] * ncol + cols + 1, cols


def _edges(inside: np.ndarray, rng: np.random.Generator, row_cls, col_cls):
    """Lattice edges between inside nodes, with class, direction, line and position.

    Lines are numbered rows first, then columns, then the coast road.
    """
    nrow, ncol = inside.shape
    idx = np.arange(nrow * ncol).reshape(nrow, ncol)
    jj, ii = np.meshgrid(np.arange(nrow), np.arange(ncol - 1), indexing="ij")
    ew_ok = inside[:, :-1] & inside[:, 1:]
    ew_cls = np.broadcast_to(row_cls[:, None], ew_ok.shape)
    ew_ok &= ~((ew_cls == LOCAL) & (rng.random(ew_ok.shape) < _DROP_LOCAL_EW))
    coast_a, coast_b, coast_col = _coast_road(inside)
    ew_ok[coast_a // ncol, coast_col] &= (coast_b // ncol) != (coast_a // ncol)  # now coast road
    ns_ok = inside[:-1, :] & inside[1:, :]
    nj, ni = np.meshgrid(np.arange(nrow - 1), np.arange(ncol), indexing="ij")
    u = np.concatenate([idx[:, :-1][ew_ok], idx[:-1, :][ns_ok], coast_a])
    v = np.concatenate([idx[:, 1:][ew_ok], idx[1:, :][ns_ok], coast_b])
    cls = np.concatenate([ew_cls[ew_ok], np.broadcast_to(col_cls[None, :], ns_ok.shape)[ns_ok],
                          np.full(len(coast_a), ARTERIAL)])
    north_south = np.concatenate([np.zeros(ew_ok.sum(), bool), np.ones(ns_ok.sum(), bool),
                                  np.zeros(len(coast_a), bool)])
    line = np.concatenate([jj[ew_ok], nrow + ni[ns_ok], np.full(len(coast_a), nrow + ncol)])
    position = np.concatenate([ii[ew_ok], nj[ns_ok], coast_col])
    return u, v, cls, north_south, line, position


def _segment_coords(grid, jitter, geo, u, v, node_xy, rng) -> np.ndarray:
    """Vertices of every segment: the warped straight line, some lanes bent sideways."""
    flat_grid = grid.reshape(-1, 2)
    flat_jit = jitter.reshape(-1, 2)
    t = np.linspace(0.0, 1.0, _VERTICES)[None, :, None]
    g = flat_grid[u][:, None, :] * (1 - t) + flat_grid[v][:, None, :] * t
    j = flat_jit[u][:, None, :] * (1 - t) + flat_jit[v][:, None, :] * t
    dx, dy = geo.warp(g[..., 0], g[..., 1])
    pts = g + np.stack([dx, dy], axis=-1) + j
    chord = node_xy[v] - node_xy[u]
    normal = np.column_stack([-chord[:, 1], chord[:, 0]]) / np.hypot(*chord.T)[:, None]
    bend = np.where(rng.random(len(u)) < 0.3, rng.normal(0.0, 5.0, len(u)), 0.0)
    pts += (bend[:, None] * np.sin(np.pi * t[..., 0]))[..., None] * normal[:, None, :]
    pts[:, 0] = node_xy[u]
    pts[:, -1] = node_xy[v]
    return pts


def _line_names(row_cls: np.ndarray, col_cls: np.ndarray, rng: np.random.Generator) -> list[str]:
    """A street name for every line (rows, columns, coast road), real names on arterials."""
    classes = np.concatenate([row_cls, col_cls])
    names = np.empty(len(classes), dtype=object)
    for cls, pool in ((ARTERIAL, ARTERIAL_STREETS), (COLLECTOR, COLLECTOR_STREETS),
                      (LOCAL, LOCAL_STREETS)):
        where = np.flatnonzero(classes == cls)
        order = rng.permutation(len(pool))
        shuffled = tuple(pool[k] for k in order)
        names[where] = cycle_names(shuffled, len(where))
    return [*names, COAST_ROAD]


def build_streets(plan: CityPlan, geo: Geography) -> StreetNetwork:
    """Generate the connected street network of the city."""
    rng = plan.rng("streets")
    grid, jitter, pos, inside = _lattice(plan, geo, rng)
    row_cls = _line_classes(grid.shape[0], rng)
    col_cls = _line_classes(grid.shape[1], rng)
    u, v, cls, ns, line, position = _edges(inside, rng, row_cls, col_cls)
    flat_pos = pos.reshape(-1, 2)
    keep_node = largest_component_mask(len(flat_pos), u, v) & inside.reshape(-1)
    keep_edge = keep_node[u]
    u, v, cls, ns, line, position = (a[keep_edge] for a in (u, v, cls, ns, line, position))
    coords = _segment_coords(grid, jitter, geo, u, v, flat_pos, rng)
    new_index = np.cumsum(keep_node) - 1
    lo = np.array([HALF_WIDTH_RANGE[c][0] for c in range(3)])
    hi = np.array([HALF_WIDTH_RANGE[c][1] for c in range(3)])
    line_cls = np.concatenate([row_cls, col_cls, [ARTERIAL]])
    line_half_width = np.round(rng.uniform(lo[line_cls], hi[line_cls]) * 2, 0) / 2
    half_width = line_half_width[line]  # a street keeps its width from end to end
    return StreetNetwork(
        node_xy=flat_pos[keep_node], u=new_index[u], v=new_index[v], coords=coords,
        road_class=cls, north_south=ns, line=line, position=position,
        line_names=_line_names(row_cls, col_cls, rng), half_width=half_width,
    )
