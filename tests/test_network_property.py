"""Property tests: vectorised components and traversal agree with a plain Python BFS."""

from __future__ import annotations

from collections import deque

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from gisdesk.network.arrays import adjacency, components, reach

graphs = st.integers(2, 40).flatmap(
    lambda n: st.tuples(
        st.just(n),
        st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=60),
    )
)


def python_reach(n, edges, start, stop, blocked):
    neighbours = {i: [] for i in range(n)}
    for e, (a, b) in enumerate(edges):
        if not blocked[e]:
            neighbours[a].append((b, e))
            neighbours[b].append((a, e))
    seen, used = set(start), set()
    queue = deque(s for s in start if not stop[s])
    while queue:
        node = queue.popleft()
        for other, e in neighbours[node]:
            used.add(e)
            if other not in seen:
                seen.add(other)
                if not stop[other]:
                    queue.append(other)
    return seen, used


@settings(max_examples=80, deadline=None)
@given(graph=graphs)
def test_network_property_components_match_bfs(graph):
    n, edges = graph
    u = np.array([a for a, _ in edges], dtype=np.int64)
    v = np.array([b for _, b in edges], dtype=np.int64)
    labels = components(n, u, v)
    for node in range(n):
        group, _ = python_reach(n, edges, [node], np.zeros(n, bool), np.zeros(len(edges), bool))
        assert {i for i in range(n) if labels[i] == labels[node]} == group


@settings(max_examples=80, deadline=None)
@given(graph=graphs, seed=st.integers(0, 2**31))
def test_network_property_reach_matches_bfs(graph, seed):
    n, edges = graph
    rng = np.random.default_rng(seed)
    stop = rng.random(n) < 0.2
    blocked = rng.random(len(edges)) < 0.2
    start = [int(rng.integers(0, n))]
    ids = np.arange(len(edges))
    u = np.array([a for a, _ in edges], dtype=np.int64)
    v = np.array([b for _, b in edges], dtype=np.int64)
    csr = adjacency(n, np.r_[u, v], np.r_[v, u], np.r_[ids, ids])
    nodes, used = reach(csr, np.array(start), stop=stop, blocked_edges=blocked,
                        edge_count=len(edges))
    want_nodes, want_edges = python_reach(n, edges, start, stop, blocked)
    assert set(np.flatnonzero(nodes).tolist()) == want_nodes
    assert set(np.flatnonzero(used).tolist()) == want_edges
