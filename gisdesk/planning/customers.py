"""Customers cut off by a break on each main, for every main at once.

A break on a main shuts its isolation zone (the pipes between valves, see
:func:`gisdesk.network.isolation.zone_labels`); the zone's customers lose water, and so does
everything fed only through that zone. Running :func:`~gisdesk.network.isolation.isolate` per
main would cost one connectivity pass per main. Instead the zones and the valve nodes form a
small graph, and one depth-first search from the sources finds the zones whose closure cuts
something off (articulation points) and exactly which zones hang behind them (contiguous
ranges of the search order). The answer equals ``isolate`` per main, in one pass.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from gisdesk.network.graph import Network
from gisdesk.network.isolation import zone_labels


def customers_cut_off(network: Network, sources: np.ndarray, served_by: np.ndarray
                      ) -> np.ndarray:
    """For each feature of the mains layer: buildings losing water when it breaks.

    Parameters
    ----------
    sources
        Source node ids (see :func:`gisdesk.network.isolation.source_nodes`).
    served_by
        Position of the main serving each building (-1 for none), see
        :func:`gisdesk.network.isolation.serving_mains`.
    """
    features = len(network.feature_index)
    served = np.bincount(served_by[served_by >= 0], minlength=features).astype(float)
    if network.edge_count == 0:
        return np.zeros(features)
    _, zone = np.unique(zone_labels(network), return_inverse=True)
    zone_count = int(zone.max()) + 1
    pairs = np.unique(np.c_[zone, network.edge_feature], axis=0)
    own = np.bincount(pairs[:, 0], weights=served[pairs[:, 1]], minlength=zone_count)
    lost_zones, cutting = _lost_zones(network, zone, zone_count, sources)
    for z in cutting:  # only zones that cut others off need the full count
        dry_features = np.zeros(features, dtype=bool)
        dry_features[network.edge_feature[lost_zones(z)[zone]]] = True
        own[z] = served[dry_features].sum()
    out = np.zeros(features)
    np.maximum.at(out, pairs[:, 1], own[pairs[:, 0]])
    return out


def _lost_zones(network: Network, zone: np.ndarray, zone_count: int, sources: np.ndarray
                ) -> tuple[Callable[[int], np.ndarray], list[int]]:
    """``z -> mask of zones that go dry when z is shut``, and the zones that cut others off."""
    graph, root = _zone_graph(network, zone, zone_count, sources)
    order, subtree_end, cut_children = _articulation(graph, root)
    position = np.full(len(graph), -1, dtype=np.int64)
    position[order] = np.arange(len(order))
    order_arr = np.asarray(order, dtype=np.int64)

    def lost(z: int) -> np.ndarray:
        mask = np.zeros(len(graph), dtype=bool)
        mask[z] = True
        for child in cut_children.get(z, ()):
            start = position[child]
            mask[order_arr[start:subtree_end[child]]] = True
        return mask[:zone_count]

    return lost, [z for z in cut_children if z < zone_count]


def _zone_graph(network: Network, zone: np.ndarray, zone_count: int, sources: np.ndarray
                ) -> tuple[list[list[int]], int]:
    """Adjacency lists over zones (ids ``0..Z-1``), valve nodes, and a root feeding the sources.

    A zone touches a valve node when one of its pipes ends there; a source node inside a zone
    links the root to that zone, a source at a valve links the root to the valve node.
    """
    valve_nodes = np.flatnonzero(network.valve_mask)
    valve_id = np.full(network.node_count, -1, dtype=np.int64)
    valve_id[valve_nodes] = zone_count + np.arange(len(valve_nodes))
    root = zone_count + len(valve_nodes)
    graph: list[list[int]] = [[] for _ in range(root + 1)]
    ends = np.r_[network.edge_u, network.edge_v]
    zones = np.r_[zone, zone]
    at_valve = valve_id[ends] >= 0
    pairs = np.unique(np.c_[zones[at_valve], valve_id[ends[at_valve]]], axis=0)
    for a, b in pairs.tolist():
        graph[a].append(b)
        graph[b].append(a)
    node_zone = np.full(network.node_count, -1, dtype=np.int64)
    node_zone[ends] = zones
    for s in np.asarray(sources, dtype=np.int64).tolist():
        target = int(valve_id[s]) if valve_id[s] >= 0 else int(node_zone[s])
        if target >= 0 and target not in graph[root]:
            graph[root].append(target)
            graph[target].append(root)
    return graph, root


def _articulation(graph: list[list[int]], root: int
                  ) -> tuple[list[int], np.ndarray, dict[int, list[int]]]:
    """Iterative Tarjan search from ``root``.

    Returns the preorder, the end (exclusive, in preorder positions) of each node's subtree,
    and for every node the children whose subtree is cut off when that node is removed
    (``low[child] >= disc[node]``).
    """
    n = len(graph)
    disc = np.full(n, -1, dtype=np.int64)
    low = np.zeros(n, dtype=np.int64)
    end = np.zeros(n, dtype=np.int64)
    order: list[int] = []
    cut: dict[int, list[int]] = {}
    disc[root] = low[root] = 0
    order.append(root)
    stack: list[tuple[int, int, int]] = [(root, -1, 0)]
    while stack:
        node, parent, i = stack[-1]
        if i < len(graph[node]):
            stack[-1] = (node, parent, i + 1)
            nxt = graph[node][i]
            if disc[nxt] < 0:
                disc[nxt] = low[nxt] = len(order)
                order.append(nxt)
                stack.append((nxt, node, 0))
            elif nxt != parent:
                low[node] = min(low[node], disc[nxt])
            continue
        stack.pop()
        end[node] = len(order)
        if parent >= 0:
            low[parent] = min(low[parent], low[node])
            if low[node] >= disc[parent]:
                cut.setdefault(parent, []).append(node)
    return order, end, cut
