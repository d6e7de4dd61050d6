"""Find points that lie within a small tolerance of each other, without a tree.

Snapping 200 000 line ends at 1 cm is a nearest-neighbour question at a tiny radius: hashing
points into square cells the size of the tolerance means any close pair sits in the same or an
adjacent cell, so a sort and a few binary searches find every candidate pair at once.
"""

from __future__ import annotations

import numpy as np

_NEIGHBOURS = ((-1, -1), (-1, 0), (-1, 1), (0, -1), (0, 0), (0, 1), (1, -1), (1, 0), (1, 1))


def unique_points(xy: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distinct coordinate pairs and, for every input point, the index of its pair.

    A lexicographic sort, much faster than ``np.unique(axis=0)`` on float rows.
    """
    if len(xy) == 0:
        return xy.reshape(0, 2), np.zeros(0, dtype=np.int64)
    order = np.lexsort((xy[:, 1], xy[:, 0]))
    ordered = xy[order]
    new = np.r_[True, np.any(ordered[1:] != ordered[:-1], axis=1)]
    group = np.cumsum(new) - 1
    inverse = np.empty(len(xy), dtype=np.int64)
    inverse[order] = group
    return ordered[new], inverse


def close_pairs(a: np.ndarray, b: np.ndarray, tolerance: float) -> tuple[np.ndarray, np.ndarray]:
    """Index pairs ``(i, j)`` with ``|a[i] - b[j]| <= tolerance`` (all of them).

    Cells are ``tolerance`` wide, so a close pair is at most one cell apart in each direction.
    """
    if len(a) == 0 or len(b) == 0 or tolerance <= 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    origin = np.minimum(a.min(axis=0), b.min(axis=0))
    cell_a = np.floor((a - origin) / tolerance).astype(np.int64)
    cell_b = np.floor((b - origin) / tolerance).astype(np.int64)
    height = int(max(cell_a[:, 1].max(), cell_b[:, 1].max())) + 3
    key_b = cell_b[:, 0] * height + cell_b[:, 1] + 1
    order = np.argsort(key_b, kind="stable")
    sorted_keys = key_b[order]
    found_i, found_j = [], []
    for dx, dy in _NEIGHBOURS:
        target = (cell_a[:, 0] + dx) * height + cell_a[:, 1] + dy + 1
        lo = np.searchsorted(sorted_keys, target, side="left")
        count = np.searchsorted(sorted_keys, target, side="right") - lo
        total = int(count.sum())
        if total == 0:
            continue
        i = np.repeat(np.arange(len(a)), count)
        j = order[np.repeat(lo - np.cumsum(count) + count, count) + np.arange(total)]
        found_i.append(i)
        found_j.append(j)
    if not found_i:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    i, j = np.concatenate(found_i), np.concatenate(found_j)
    gap = a[i] - b[j]
    near = np.einsum("ij,ij->i", gap, gap) <= tolerance * tolerance
    return i[near], j[near]
