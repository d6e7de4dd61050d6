"""The generator's components (the network tools' union-find) match a plain union-find.

Labels must also be the smallest member: the generator picks the largest component with
``argmax`` over label counts, so tie-breaking, and thus the sample city, depends on it.
"""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from gisdesk.network.arrays import components
from gisdesk.sampledata.graph import largest_component_mask, node_degree


def _reference(n: int, edges: list[tuple[int, int]]) -> list[int]:
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            x = parent[x]
        return x

    for a, b in edges:
        parent[find(a)] = find(b)
    return [find(x) for x in range(n)]


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 40).flatmap(lambda n: st.tuples(
    st.just(n), st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=60))))
def test_sampledata_graph_components_match_reference(case) -> None:
    n, edges = case
    u = np.array([a for a, _ in edges], dtype=np.int64)
    v = np.array([b for _, b in edges], dtype=np.int64)
    labels = components(n, u, v)
    ref = _reference(n, edges)
    for i in range(n):
        for j in range(n):
            assert (labels[i] == labels[j]) == (ref[i] == ref[j])
    assert all(labels[i] == min(k for k in range(n) if labels[k] == labels[i]) for i in range(n))


def test_sampledata_graph_largest_component_and_degree() -> None:
    u = np.array([0, 1, 3])
    v = np.array([1, 2, 4])
    assert largest_component_mask(6, u, v).tolist() == [True, True, True, False, False, False]
    assert node_degree(6, u, v).tolist() == [1, 2, 1, 1, 1, 0]
