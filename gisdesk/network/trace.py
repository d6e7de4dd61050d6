"""Upstream and downstream traces on gravity networks (drains).

Drains are digitised in the direction of flow, so an edge runs from its first vertex (upstream)
to its last (downstream). A downstream trace from a point follows edges forward from the drain
nearest to it; an upstream trace follows them backward. The start drain is always included.
"""

from __future__ import annotations

from typing import Literal

import numpy as np

from gisdesk.network.arrays import reach
from gisdesk.network.graph import Network


def trace_flow(
    network: Network, x: float, y: float, direction: Literal["downstream", "upstream"]
) -> list[object]:
    """Index labels of the features reached from the drain nearest to ``(x, y)``.

    ``(x, y)`` is in the drains layer's own CRS. Returned in order of first appearance in the
    layer, the start drain included.
    """
    if direction not in ("downstream", "upstream"):
        raise ValueError(f"direction must be 'downstream' or 'upstream', not {direction!r}")
    start_edge = network.nearest_edge(x, y)
    if direction == "downstream":
        csr, node = network.downstream, network.edge_v[start_edge]
    else:
        csr, node = network.upstream, network.edge_u[start_edge]
    edges = reach(csr, np.array([node]), edge_count=network.edge_count)[1]
    edges[start_edge] = True
    features = np.unique(network.edge_feature[edges])
    return network.feature_index[features].tolist()
