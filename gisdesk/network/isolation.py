"""Valve isolation: which valves to close for a break, which mains go dry, who loses water.

From the broken main the zone spreads through pipes and stops at valves: the valves it meets
are the smallest set that isolates the break, and the pipes inside are the isolated zone (found
as connected components with every valve cut open, computed once per network).
Then, with the zone shut, everything no longer reachable from a source is dry too (a branch fed
only through the zone). Only mains that were supplied before the break are reported as dry.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from gisdesk.core.cancel import Cancel, Progress, chunks
from gisdesk.i18n import translate
from gisdesk.network.arrays import components
from gisdesk.network.graph import Network
from gisdesk.query.metric import to_metric


@dataclass
class IsolationResult:
    """The answer to "a main broke here": index labels of the rows of each input layer."""

    broken_main: object
    valves_to_close: list[object]
    isolated_mains: list[object]
    dry_mains: list[object]
    affected_buildings: list[object] = field(default_factory=list)
    sources: list[tuple[float, float]] = field(default_factory=list)
    distance_to_main_m: float = 0.0

    def to_dict(self) -> dict[str, object]:
        """Plain data for JSON output."""
        return {
            "broken_main": _plain(self.broken_main),
            "valves_to_close": [_plain(v) for v in self.valves_to_close],
            "isolated_mains": [_plain(v) for v in self.isolated_mains],
            "dry_mains": [_plain(v) for v in self.dry_mains],
            "affected_buildings": [_plain(v) for v in self.affected_buildings],
            "sources": [list(s) for s in self.sources],
            "distance_to_main_m": self.distance_to_main_m,
        }


def default_sources(network: Network, diameters: np.ndarray | None) -> np.ndarray:
    """Source nodes when none are given: an end of the largest-diameter main.

    The end with the lower degree is taken (a main leaving a reservoir usually has a free end
    there). Without diameters the longest main stands in.
    """
    if network.edge_count == 0:
        return np.zeros(0, dtype=np.int64)
    if diameters is not None and np.isfinite(diameters).any():
        size = np.nan_to_num(diameters[network.edge_feature], nan=-1.0)
    else:
        size = shapely.length(network.edge_geoms)
    edge = int(np.argmax(size))
    ends = np.array([network.edge_u[edge], network.edge_v[edge]])
    return ends[[int(np.argmin(network.degree[ends]))]]


def source_nodes(network: Network, sources: gpd.GeoDataFrame | None,
                 diameters: np.ndarray | None, tolerance: float = 5.0) -> np.ndarray:
    """Nodes nearest to the given source points (within ``tolerance`` m), else the default."""
    if sources is None or len(sources) == 0:
        return default_sources(network, diameters)
    points = np.asarray(to_metric(sources, "sources", network.crs).geometry.values)
    tree = shapely.STRtree(shapely.points(network.node_xy))
    pairs = tree.query_nearest(points, max_distance=tolerance, all_matches=False)
    if len(pairs[1]) == 0:
        return default_sources(network, diameters)
    return np.unique(pairs[1])


def isolate(
    network: Network,
    x: float,
    y: float,
    sources: np.ndarray,
    served_by: np.ndarray | None = None,
    building_index: np.ndarray | None = None,
) -> IsolationResult:
    """Isolate the main nearest to ``(x, y)`` (in the mains layer's own CRS).

    Parameters
    ----------
    sources
        Node ids that feed the network (see :func:`source_nodes`).
    served_by
        For each building, the position of the main that serves it (see :func:`serving_mains`).
    """
    broken = network.nearest_edge(x, y)
    zone_edges = zone_labels(network) == zone_labels(network)[broken]
    ends = np.r_[network.edge_u[zone_edges], network.edge_v[zone_edges]]
    zone_nodes = np.zeros(network.node_count, dtype=bool)
    zone_nodes[ends] = True
    closed = np.flatnonzero((network.valve_node >= 0) & zone_nodes[np.maximum(
        network.valve_node, 0)])
    dry_edges = supplied(network, sources) & ~supplied(network, sources, zone_edges)
    dry_edges |= zone_edges
    dry_features = _features_of(network, dry_edges)
    zone_features = _features_of(network, zone_edges)
    affected: list[object] = []
    if served_by is not None and building_index is not None:
        is_dry = np.zeros(len(network.feature_index), dtype=bool)
        is_dry[dry_features] = True
        hit = (served_by >= 0) & is_dry[np.maximum(served_by, 0)]
        affected = building_index[hit].tolist()
    return IsolationResult(
        broken_main=network.feature_index[network.edge_feature[broken]],
        valves_to_close=network.valve_index[closed].tolist(),
        isolated_mains=network.feature_index[zone_features].tolist(),
        dry_mains=network.feature_index[dry_features].tolist(),
        affected_buildings=affected,
        sources=[tuple(map(float, network.node_xy[s])) for s in sources],
        distance_to_main_m=float(shapely.distance(
            shapely.Point(*network.to_network_crs(x, y)), network.edge_geoms[broken])),
    )


def zone_labels(network: Network) -> np.ndarray:
    """For every edge, the label of the zone it belongs to when all valves are shut.

    Each valve node is cut apart (every edge end at a valve gets its own node), so the
    components of what remains are exactly the zones a break can be isolated to: the zone of
    the broken main is one label comparison, and the labels are computed once per network.
    """
    if "zones" not in network.cache:
        count, edges = network.node_count, network.edge_count
        ids = np.arange(edges)
        u = np.where(network.valve_mask[network.edge_u], count + ids, network.edge_u)
        v = np.where(network.valve_mask[network.edge_v], count + edges + ids, network.edge_v)
        network.cache["zones"] = components(count + 2 * edges, u, v)[u]
    return network.cache["zones"]


def supplied(network: Network, sources: np.ndarray, closed: np.ndarray | None = None
             ) -> np.ndarray:
    """Edges connected to a source once the ``closed`` edges are shut.

    Connected components (a few vectorised passes) rather than a level-by-level search: on a
    city grid the search needs hundreds of levels, components a handful of rounds. The open
    network's answer is cached on the network.
    """
    key = ("supplied", tuple(np.asarray(sources).tolist()))
    if closed is None and key in network.cache:
        return network.cache[key]
    open_edges = np.ones(network.edge_count, dtype=bool) if closed is None else ~closed
    labels = components(network.node_count, network.edge_u[open_edges],
                        network.edge_v[open_edges])
    fed = np.zeros(network.node_count, dtype=bool)
    fed[labels[sources]] = True
    result = open_edges & fed[labels[network.edge_u]]
    if closed is None:
        network.cache[key] = result
    return result


def serving_mains(network: Network, buildings: gpd.GeoDataFrame,
                  max_distance: float | None = None, *, cancel: Cancel | None = None,
                  progress: Progress | None = None) -> np.ndarray:
    """Position (in the mains layer) of the main nearest to each building; -1 if none.

    Buildings are searched in chunks, checking ``cancel`` and reporting ``progress`` between
    them (see :mod:`gisdesk.core.cancel`).
    """
    geoms = np.asarray(to_metric(buildings, "buildings", network.crs).geometry.values)
    out = np.full(len(geoms), -1, dtype=np.int64)
    for part in chunks(len(geoms), cancel, progress):
        pairs = network.edge_tree.query_nearest(geoms[part], max_distance=max_distance,
                                                all_matches=False)
        out[pairs[0] + part.start] = network.edge_feature[pairs[1]]
    return out


def serving_mains_by_attribute(
    buildings: pd.DataFrame, service_field: str, mains: pd.DataFrame, key_field: str = "uuid",
    fallback: np.ndarray | None = None,
) -> np.ndarray:
    """Position of the main named in each building's ``service_field`` (a mains key).

    Buildings whose field is empty or names no main keep ``fallback`` (usually the nearest
    main from :func:`serving_mains`), or -1.
    """
    for frame, field_name, layer in ((buildings, service_field, "buildings"),
                                     (mains, key_field, "water_mains")):
        if field_name not in frame.columns:
            msg = translate("Network", "Layer '{0}' has no field '{1}'. Fields: {2}")
            raise ValueError(msg.format(layer, field_name, ", ".join(map(str, frame.columns))))
    position = pd.Series(np.arange(len(mains)), index=mains[key_field].astype(str).to_numpy())
    position = position[~position.index.duplicated()]
    wanted = buildings[service_field].astype("string").fillna("\0")  # NUL names no main
    found = position.reindex(wanted.to_numpy())
    out = (np.full(len(buildings), -1, dtype=np.int64) if fallback is None
           else np.asarray(fallback, dtype=np.int64).copy())
    hit = found.notna().to_numpy()
    out[hit] = found.to_numpy()[hit].astype(np.int64)
    return out


def _features_of(network: Network, edges: np.ndarray) -> np.ndarray:
    """Sorted positions of the features owning the marked edges (marking beats sorting)."""
    marked = np.zeros(len(network.feature_index), dtype=bool)
    marked[network.edge_feature[edges]] = True
    return np.flatnonzero(marked)


def _plain(value: object) -> object:
    """numpy scalars as Python values so ``json.dumps`` accepts them."""
    return value.item() if isinstance(value, np.generic) else value
