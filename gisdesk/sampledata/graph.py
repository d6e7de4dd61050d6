"""Node/edge graph helpers for the generator: the main component and node degrees.

Component labels come from :func:`gisdesk.network.arrays.components`, the same vectorised
union-find the network tools trace with, so there is one implementation to test and speed up.
"""

from __future__ import annotations

import numpy as np

from gisdesk.network.arrays import components


def largest_component_mask(n_nodes: int, u: np.ndarray, v: np.ndarray) -> np.ndarray:
    """Boolean mask of the nodes in the largest connected component."""
    labels = components(n_nodes, u, v)
    return labels == np.bincount(labels, minlength=n_nodes).argmax()


def node_degree(n_nodes: int, u: np.ndarray, v: np.ndarray) -> np.ndarray:
    """Number of edges at each node."""
    return np.bincount(np.concatenate([u, v]), minlength=n_nodes)
