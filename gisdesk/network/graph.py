"""Build a network graph from line features: snapped end points become nodes.

Line ends closer than ``tolerance`` metres are one node (a junction). Valves become nodes too:
a valve at a junction marks that node; a valve part-way along a main splits the main there, so
each edge is a piece of one main (``edge_feature`` maps it back). Edges keep the digitised
direction (``edge_u`` is the first vertex), which drains use as the direction of flow.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from functools import cached_property

import geopandas as gpd
import numpy as np
import shapely
import shapely.ops
from pyproj import CRS, Transformer

from gisdesk.core.cancel import Cancel, check
from gisdesk.i18n import translate
from gisdesk.network.arrays import adjacency, components
from gisdesk.network.snapping import close_pairs, unique_points
from gisdesk.query.metric import metric_crs, require_crs, to_metric


@dataclass
class Network:
    """A graph over the features of a line layer, in a metric CRS.

    Node arrays are indexed by node id; edge arrays by edge id. ``valve_node[k]`` is the node
    of the k-th valve row (-1 when it lies on no main within the tolerance).
    """

    crs: CRS
    source_crs: CRS
    node_xy: np.ndarray
    edge_u: np.ndarray
    edge_v: np.ndarray
    edge_feature: np.ndarray
    edge_geoms: np.ndarray
    feature_index: np.ndarray
    valve_node: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    valve_index: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=object))
    tolerance: float = 0.01
    cache: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def node_count(self) -> int:
        """Number of nodes (junctions, ends and valves)."""
        return len(self.node_xy)

    @property
    def edge_count(self) -> int:
        """Number of edges (pieces of features between nodes)."""
        return len(self.edge_u)

    @cached_property
    def undirected(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """CSR adjacency with both directions of every edge."""
        edges = np.arange(self.edge_count)
        return adjacency(self.node_count, np.r_[self.edge_u, self.edge_v],
                         np.r_[self.edge_v, self.edge_u], np.r_[edges, edges])

    @cached_property
    def downstream(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """CSR adjacency along the digitised direction (first vertex to last)."""
        return adjacency(self.node_count, self.edge_u, self.edge_v, np.arange(self.edge_count))

    @cached_property
    def upstream(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """CSR adjacency against the digitised direction."""
        return adjacency(self.node_count, self.edge_v, self.edge_u, np.arange(self.edge_count))

    @cached_property
    def degree(self) -> np.ndarray:
        """Number of edge ends at each node."""
        return np.bincount(np.r_[self.edge_u, self.edge_v], minlength=self.node_count)

    @cached_property
    def valve_mask(self) -> np.ndarray:
        """True for nodes that carry at least one valve."""
        mask = np.zeros(self.node_count, dtype=bool)
        mask[self.valve_node[self.valve_node >= 0]] = True
        return mask

    @cached_property
    def edge_tree(self) -> shapely.STRtree:
        """Spatial index over edge geometries, built on first use."""
        return shapely.STRtree(self.edge_geoms)

    def to_network_crs(self, x: float, y: float) -> tuple[float, float]:
        """A point given in the layer's own CRS, in the network's metric CRS."""
        if self.source_crs.equals(self.crs):
            return x, y
        return Transformer.from_crs(self.source_crs, self.crs, always_xy=True).transform(x, y)

    def nearest_edge(self, x: float, y: float) -> int:
        """The edge closest to ``(x, y)`` (given in the layer's CRS)."""
        point = shapely.Point(*self.to_network_crs(x, y))
        return int(self.edge_tree.query_nearest(point)[0])


def build_network(
    lines: gpd.GeoDataFrame,
    tolerance: float = 0.01,
    valves: gpd.GeoDataFrame | None = None,
    valve_tolerance: float = 1.0,
    name: str = "lines",
    cancel: Cancel | None = None,
) -> Network:
    """Build the graph of ``lines``, snapping ends within ``tolerance`` metres.

    Parameters
    ----------
    valves
        Optional point layer; each valve within ``valve_tolerance`` metres of a main becomes (or
        marks) a node, splitting the main when it is not at an end.
    cancel
        Checked between the steps (each one vectorised call over all lines); raises
        :class:`gisdesk.core.cancel.Cancelled`.
    """
    source_crs = require_crs(lines, name)
    crs = metric_crs(lines, name)
    frame = to_metric(lines, name, crs)
    check(cancel)
    geoms = np.asarray(frame.geometry.values)
    bad = shapely.is_missing(geoms) | shapely.is_empty(geoms)
    if bad.any():
        msg = translate("Network", "Layer '{0}': features {1} have no geometry")
        raise ValueError(msg.format(name, frame.index[bad][:10].tolist()))
    edge_feature = np.arange(len(geoms))
    valve_xy = np.zeros((0, 2))
    if valves is not None and len(valves):
        valve_xy = shapely.get_coordinates(np.asarray(to_metric(valves, "valves", crs)
                                                      .geometry.values))
        check(cancel)
        starts, ends = _end_points(geoms)
        at_end = np.zeros(len(valve_xy), dtype=bool)
        at_end[close_pairs(valve_xy, np.vstack([starts, ends]), valve_tolerance)[0]] = True
        if not at_end.all():
            geoms, edge_feature = _split_at_valves(geoms, valve_xy[~at_end], valve_tolerance,
                                                   tolerance)
    check(cancel)
    starts, ends = _end_points(geoms)
    node_of, node_xy = _snap(np.vstack([starts, ends]), tolerance)
    check(cancel)
    count = len(geoms)
    network = Network(
        crs=crs, source_crs=source_crs, node_xy=node_xy, edge_u=node_of[:count],
        edge_v=node_of[count:], edge_feature=edge_feature, edge_geoms=geoms,
        feature_index=lines.index.to_numpy(), tolerance=tolerance,
    )
    if valves is not None:
        network.valve_node = _valve_nodes(node_xy, valve_xy, valve_tolerance)
        network.valve_index = valves.index.to_numpy()
    return network


def _end_points(geoms: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """First and last coordinate of every geometry (multi-part lines included)."""
    coords, owner = shapely.get_coordinates(geoms, return_index=True)
    ids = np.arange(len(geoms))
    first = np.searchsorted(owner, ids, side="left")
    last = np.searchsorted(owner, ids, side="right") - 1
    return coords[first], coords[last]


def _snap(points: np.ndarray, tolerance: float) -> tuple[np.ndarray, np.ndarray]:
    """Node id of each point (points within ``tolerance`` share one) and node coordinates."""
    unique, inverse = unique_points(points)
    i, j = close_pairs(unique, unique, tolerance)
    keep = i < j
    labels = components(len(unique), i[keep], j[keep])
    roots, node_of_unique = np.unique(labels, return_inverse=True)
    return node_of_unique.ravel()[inverse], unique[roots]


def _valve_nodes(node_xy: np.ndarray, valve_xy: np.ndarray, tolerance: float) -> np.ndarray:
    """Nearest node of each valve within ``tolerance``, else -1."""
    out = np.full(len(valve_xy), -1, dtype=np.int64)
    valve_i, node_j = close_pairs(valve_xy, node_xy, tolerance)
    if len(valve_i):
        gap = valve_xy[valve_i] - node_xy[node_j]
        order = np.lexsort((np.einsum("ij,ij->i", gap, gap), valve_i))
        valve_i, node_j = valve_i[order], node_j[order]
        first = np.r_[True, valve_i[1:] != valve_i[:-1]]
        out[valve_i[first]] = node_j[first]
    return out


def _split_at_valves(
    geoms: np.ndarray, valve_xy: np.ndarray, valve_tolerance: float, tolerance: float
) -> tuple[np.ndarray, np.ndarray]:
    """Cut lines where a valve sits part-way along them; returns pieces and their feature."""
    tree = shapely.STRtree(geoms)
    valve_pts = shapely.points(valve_xy)
    valve_i, line_j = tree.query(valve_pts, predicate="dwithin", distance=valve_tolerance)
    if len(valve_i) == 0:
        return geoms, np.arange(len(geoms))
    along = shapely.line_locate_point(geoms[line_j], valve_pts[valve_i])
    lengths = shapely.length(geoms[line_j])
    inner = (along > tolerance) & (along < lengths - tolerance)
    cuts: dict[int, list[float]] = {}
    for j, d in zip(line_j[inner], along[inner], strict=True):
        cuts.setdefault(int(j), []).append(float(d))
    if not cuts:
        return geoms, np.arange(len(geoms))
    pieces: list[shapely.Geometry] = []
    owner: list[int] = []
    for j, marks in cuts.items():
        geom = geoms[j]
        stops = [0.0, *sorted(set(marks)), float(shapely.length(geom))]
        for lo, hi in itertools.pairwise(stops):
            pieces.append(shapely.ops.substring(geom, lo, hi))
            owner.append(j)
    whole = np.setdiff1d(np.arange(len(geoms)), np.fromiter(cuts, dtype=np.int64))
    out = np.empty(len(whole) + len(pieces), dtype=object)
    out[: len(whole)] = geoms[whole]
    out[len(whole) :] = pieces
    return out, np.r_[whole, np.array(owner, dtype=np.int64)]
