"""Data-quality checks on a network: pieces, dangling ends and near-misses.

A trace is only as good as the connectivity it walks, so before trusting an isolation a planner
wants to know: how many disconnected pieces are there, which pipe ends lead nowhere, and which of
those ends stop just short of another main (a digitising miss that should probably connect).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import shapely

from gisdesk.core.cancel import Cancel, check
from gisdesk.network.arrays import components
from gisdesk.network.graph import Network


@dataclass
class QualityReport:
    """Findings, each as a table of index labels and coordinates in the network CRS."""

    component_sizes: list[int]
    dangling: pd.DataFrame
    near_misses: pd.DataFrame
    unsnapped_valves: list[object]

    @property
    def component_count(self) -> int:
        """Number of disconnected pieces (1 for a fully connected network)."""
        return len(self.component_sizes)

    def to_dict(self) -> dict[str, object]:
        """Plain data for JSON output."""
        return {
            "components": self.component_count,
            "component_sizes": self.component_sizes,
            "dangling_ends": self.dangling.to_dict(orient="records"),
            "near_misses": self.near_misses.to_dict(orient="records"),
            "unsnapped_valves": [v.item() if isinstance(v, np.generic) else v
                                 for v in self.unsnapped_valves],
        }


def edge_components(network: Network) -> np.ndarray:
    """Component label of every edge (edges sharing a node share a label)."""
    labels = components(network.node_count, network.edge_u, network.edge_v)
    return labels[network.edge_u]


def quality_report(network: Network, near_miss_distance: float = 1.0,
                   cancel: Cancel | None = None) -> QualityReport:
    """Check connectivity; ``near_miss_distance`` metres is how close counts as "almost".

    A near-miss is a dangling end lying within that distance of a main it is not connected
    to (including ends that touch another main part-way along without a junction).
    ``cancel`` is checked between the steps (raises :class:`gisdesk.core.cancel.Cancelled`).
    """
    check(cancel)
    labels = edge_components(network)
    pairs = np.unique(np.c_[labels, network.edge_feature], axis=0)
    _, sizes = np.unique(pairs[:, 0], return_counts=True)  # mains per piece
    dangling_nodes = np.flatnonzero((network.degree == 1) & ~network.valve_mask)
    dangling = _dangling_table(network, dangling_nodes)
    check(cancel)
    near = _near_misses(network, dangling_nodes, near_miss_distance)
    unsnapped = network.valve_index[network.valve_node < 0].tolist()
    return QualityReport(sorted(sizes.tolist(), reverse=True), dangling, near, unsnapped)


def _dangling_table(network: Network, nodes: np.ndarray) -> pd.DataFrame:
    features = network.feature_index[network.edge_feature[_edge_at(network, nodes)]]
    return pd.DataFrame({"node": nodes, "x": network.node_xy[nodes, 0],
                         "y": network.node_xy[nodes, 1], "main": features})


def _near_misses(network: Network, nodes: np.ndarray, distance: float) -> pd.DataFrame:
    columns = ["node", "x", "y", "main", "near_main", "distance_m"]
    if len(nodes) == 0:
        return pd.DataFrame(columns=columns)
    points = shapely.points(network.node_xy[nodes])
    which, edges = network.edge_tree.query(points, predicate="dwithin", distance=distance)
    node = nodes[which]
    own = (network.edge_u[edges] == node) | (network.edge_v[edges] == node)
    which, edges, node = which[~own], edges[~own], node[~own]
    gaps = shapely.distance(points[which], network.edge_geoms[edges])
    order = np.lexsort((gaps, which))
    which, edges, node, gaps = which[order], edges[order], node[order], gaps[order]
    first = np.r_[True, which[1:] != which[:-1]] if len(which) else np.zeros(0, dtype=bool)
    own_edges = _edge_at(network, node[first])
    return pd.DataFrame({
        "node": node[first], "x": network.node_xy[node[first], 0],
        "y": network.node_xy[node[first], 1],
        "main": network.feature_index[network.edge_feature[own_edges]],
        "near_main": network.feature_index[network.edge_feature[edges[first]]],
        "distance_m": gaps[first],
    })


def _edge_at(network: Network, nodes: np.ndarray) -> np.ndarray:
    """One edge touching each node."""
    edge_of_node = np.full(network.node_count, -1, dtype=np.int64)
    edge_of_node[network.edge_u] = np.arange(network.edge_count)
    edge_of_node[network.edge_v] = np.arange(network.edge_count)
    return edge_of_node[nodes]
