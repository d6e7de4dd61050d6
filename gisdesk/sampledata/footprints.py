"""Building footprint shapes: rectangles and L-shapes facing a street, built for many at once.

Kept apart from the placement rules so the geometry (local street-aligned corners turned into
world coordinates) can be read and tested on its own.
"""

from __future__ import annotations

import numpy as np
import shapely


def _to_world(local: np.ndarray, base: np.ndarray, tangent: np.ndarray, normal: np.ndarray):
    """Local (along-street, away-from-street) corners → world coordinates."""
    return (
        base[:, None, :]
        + local[..., 0:1] * tangent[:, None, :]
        + local[..., 1:2] * normal[:, None, :]
    )


def footprints(
    base: np.ndarray,
    tangent: np.ndarray,
    normal: np.ndarray,
    width: np.ndarray,
    depth: np.ndarray,
    setback: np.ndarray,
    l_shaped: np.ndarray,
    rng: np.random.Generator,
) -> np.ndarray:
    """Polygons of buildings standing ``setback`` metres from the street line at ``base``.

    Parameters
    ----------
    base, tangent, normal
        (n, 2) point on the street centreline, unit direction along it and unit normal pointing
        to the building's side.
    width, depth, setback
        Frontage along the street, extent away from it, and distance of the front wall.
    l_shaped
        Which buildings lose their rear corner to become an L.
    """
    n = len(base)
    w2 = width / 2
    front, back = setback, setback + depth
    out = np.empty(n, dtype=object)
    rect = ~l_shaped
    local = np.stack(
        [np.column_stack(c) for c in (
            (-w2, front), (w2, front), (w2, back), (-w2, back), (-w2, front))],
        axis=1,
    )
    out[rect] = shapely.polygons(_to_world(local[rect], base[rect], tangent[rect], normal[rect]))
    if l_shaped.any():
        k = l_shaped
        cut_v = front[k] + depth[k] * rng.uniform(0.45, 0.7, k.sum())
        cut_u = -w2[k] + width[k] * rng.uniform(0.35, 0.65, k.sum())
        corners = (
            (-w2[k], front[k]), (w2[k], front[k]), (w2[k], cut_v), (cut_u, cut_v),
            (cut_u, back[k]), (-w2[k], back[k]), (-w2[k], front[k]),
        )
        local_l = np.stack([np.column_stack(c) for c in corners], axis=1)
        out[k] = shapely.polygons(_to_world(local_l, base[k], tangent[k], normal[k]))
    return out
