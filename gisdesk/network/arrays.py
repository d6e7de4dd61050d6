"""Array-level graph helpers: connected components and compressed adjacency.

Both are vectorised so a network of 100 000 segments builds in well under a second: components
use hook-and-jump (every edge hooks the larger root under the smaller, then pointers jump to their
roots), which needs a handful of rounds rather than a Python loop per edge.
"""

from __future__ import annotations

import numpy as np


def components(count: int, u: np.ndarray, v: np.ndarray) -> np.ndarray:
    """Component label of each of ``count`` items joined by pairs ``(u[i], v[i])``.

    Labels are the smallest member of each component, so they are stable and comparable.
    """
    parent = np.arange(count)
    u, v = np.asarray(u, dtype=np.int64), np.asarray(v, dtype=np.int64)
    while True:
        pu, pv = parent[u], parent[v]
        differ = pu != pv
        if not differ.any():
            return parent
        lo, hi = np.minimum(pu, pv)[differ], np.maximum(pu, pv)[differ]
        np.minimum.at(parent, hi, lo)
        while True:
            grand = parent[parent]
            if np.array_equal(grand, parent):
                break
            parent = grand


def adjacency(
    count: int, src: np.ndarray, dst: np.ndarray, edge: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """CSR adjacency: neighbours of node ``i`` are ``nbr[indptr[i]:indptr[i+1]]`` via ``via``.

    Returns
    -------
    (indptr, nbr, via): offsets per node, neighbour node and the edge id leading to it.
    """
    order = np.argsort(src, kind="stable")
    indptr = np.zeros(count + 1, dtype=np.int64)
    np.cumsum(np.bincount(src, minlength=count), out=indptr[1:])
    return indptr, np.asarray(dst)[order], np.asarray(edge)[order]


def expand(
    indptr: np.ndarray, nbr: np.ndarray, via: np.ndarray, frontier: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """All ``(neighbour, edge)`` pairs leaving the ``frontier`` nodes, gathered at once."""
    starts, ends = indptr[frontier], indptr[frontier + 1]
    counts = ends - starts
    total = int(counts.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    offsets = np.repeat(starts - np.cumsum(counts) + counts, counts)
    positions = offsets + np.arange(total)
    return nbr[positions], via[positions]


def reach(
    adjacency_csr: tuple[np.ndarray, np.ndarray, np.ndarray],
    start: np.ndarray,
    stop: np.ndarray | None = None,
    blocked_edges: np.ndarray | None = None,
    edge_count: int | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Nodes and edges reachable from ``start``, a whole frontier per step.

    ``stop`` nodes (valves) are reached but not passed through; ``blocked_edges`` are never
    used. Returns boolean masks ``(nodes, edges)``; ``edge_count`` sizes the edge mask (default:
    the largest edge id in the adjacency plus one).
    """
    indptr, nbr, via = adjacency_csr
    count = len(indptr) - 1
    seen_nodes = np.zeros(count, dtype=bool)
    if edge_count is None:
        edge_count = int(via.max()) + 1 if len(via) else 0
    seen_edges = np.zeros(edge_count, dtype=bool)
    start = np.unique(np.asarray(start, dtype=np.int64))
    seen_nodes[start] = True
    frontier = start if stop is None else start[~stop[start]]
    while len(frontier):
        nodes, edges = expand(indptr, nbr, via, frontier)
        if blocked_edges is not None:
            usable = ~blocked_edges[edges]
            nodes, edges = nodes[usable], edges[usable]
        seen_edges[edges] = True
        fresh = np.unique(nodes[~seen_nodes[nodes]])
        seen_nodes[fresh] = True
        frontier = fresh if stop is None else fresh[~stop[fresh]]
    return seen_nodes, seen_edges
