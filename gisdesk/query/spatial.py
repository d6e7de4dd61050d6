"""Location queries: features of A related to features of B, buffers and nearest neighbours.

All work goes through shapely 2's bulk STRtree queries (one C call for every feature of A), with
the index built in the call: a planner's "buildings within 50 m of failing mains" is one tree
build and one ``dwithin`` query. Distances are metres whatever the layers' CRS (see
:mod:`gisdesk.query.metric`).
"""

from __future__ import annotations

from typing import Literal

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from gisdesk.core.cancel import Cancel, Progress, check, chunks
from gisdesk.i18n import translate
from gisdesk.query.metric import metric_crs, require_crs, to_metric
from gisdesk.query.proximity import dwithin_any

Predicate = Literal["intersects", "within", "contains", "dwithin"]
PREDICATES: tuple[str, ...] = ("intersects", "within", "contains", "dwithin")


def location_pairs(
    target: gpd.GeoDataFrame,
    reference: gpd.GeoDataFrame,
    predicate: Predicate = "intersects",
    distance: float | None = None,
    names: tuple[str, str] = ("target", "reference"),
    *,
    cancel: Cancel | None = None,
    progress: Progress | None = None,
) -> np.ndarray:
    """Positional index pairs ``(i, j)`` where ``target[i] <predicate> reference[j]``.

    Parameters
    ----------
    predicate
        ``within``: target inside reference; ``contains``: target contains reference;
        ``dwithin``: closer than ``distance`` metres (measured in a metric CRS).
    names
        Layer names used in error messages.
    cancel, progress
        Checked and reported between chunks of ``target`` (see :mod:`gisdesk.core.cancel`).

    Returns
    -------
    ndarray of shape (2, k): row 0 indexes ``target``, row 1 ``reference`` (positions).
    """
    if predicate not in PREDICATES:
        msg = translate("Query", "Unknown spatial relation '{0}'; use one of: {1}")
        raise ValueError(msg.format(predicate, ", ".join(PREDICATES)))
    if predicate == "dwithin" and (distance is None or distance < 0):
        raise ValueError(translate("Query", "A distance query needs a distance of 0 m or more"))
    a, b = _common_crs(target, reference, names, metric=predicate == "dwithin")
    check(cancel)
    tree = shapely.STRtree(_geoms(b))
    a_geoms = _geoms(a)
    found = [np.zeros((2, 0), dtype=np.intp)]
    for part in chunks(len(a_geoms), cancel, progress):
        if predicate == "dwithin":
            pairs = tree.query(a_geoms[part], predicate="dwithin", distance=distance)
        else:
            pairs = tree.query(a_geoms[part], predicate=predicate)
        pairs[0] += part.start
        found.append(pairs)
    return np.concatenate(found, axis=1)


def select_by_location(
    target: gpd.GeoDataFrame,
    reference: gpd.GeoDataFrame,
    predicate: Predicate = "intersects",
    distance: float | None = None,
    names: tuple[str, str] = ("target", "reference"),
    *,
    cancel: Cancel | None = None,
    progress: Progress | None = None,
) -> np.ndarray:
    """Boolean mask over ``target``: True where the relation holds with any reference feature.

    Distance queries take the exact shortcut of :func:`gisdesk.query.proximity.dwithin_any`.
    ``cancel`` and ``progress`` are checked and reported between chunks of ``target``.
    """
    if predicate == "dwithin" and distance is not None and distance >= 0:
        a, b = _common_crs(target, reference, names, metric=True)
        return dwithin_any(_geoms(a), _geoms(b), distance, cancel=cancel, progress=progress)
    pairs = location_pairs(target, reference, predicate, distance, names, cancel=cancel,
                           progress=progress)
    mask = np.zeros(len(target), dtype=bool)
    mask[pairs[0]] = True
    return mask


def buffer_features(
    frame: gpd.GeoDataFrame, distance: float, name: str = "layer", dissolve: bool = False
) -> gpd.GeoDataFrame:
    """Buffers of ``distance`` metres as a new layer in the input's CRS.

    Attributes are kept (one buffer per feature) unless ``dissolve`` merges them into one
    polygon, which is what "the area within 50 m of any main" usually means.
    """
    metric = to_metric(frame, name)
    shapes = metric.geometry.buffer(distance)
    if dissolve:
        merged = shapely.union_all(shapes.values)
        result = gpd.GeoDataFrame({"distance_m": [distance]}, geometry=[merged], crs=metric.crs)
    else:
        result = gpd.GeoDataFrame(metric.drop(columns=metric.geometry.name), geometry=shapes.values,
                                  crs=metric.crs)
        result["distance_m"] = float(distance)
    return result.to_crs(frame.crs)


def nearest(
    target: gpd.GeoDataFrame,
    reference: gpd.GeoDataFrame,
    n: int = 1,
    max_distance: float | None = None,
    names: tuple[str, str] = ("target", "reference"),
    *,
    cancel: Cancel | None = None,
    progress: Progress | None = None,
) -> pd.DataFrame:
    """The ``n`` nearest reference features of every target feature, with distances in metres.

    For ``n > 1`` the search radius starts at each feature's nearest distance and doubles for
    the features that have fewer than ``n`` candidates; once ``n`` candidates lie within the
    radius they are provably the nearest, so the answer is exact. Targets are searched in
    chunks, checking ``cancel`` and reporting ``progress`` between them.

    Returns
    -------
    DataFrame with ``target`` and ``reference`` (index labels of the inputs), ``rank`` (1 =
    nearest) and ``distance_m``; ordered by target position then rank.
    """
    if n < 1:
        raise ValueError(translate("Query", "The number of nearest features must be 1 or more"))
    a, b = _common_crs(target, reference, names, metric=True)
    empty = pd.DataFrame({"target": [], "reference": [], "rank": [], "distance_m": []})
    if len(a) == 0 or len(b) == 0:
        return empty
    a_geoms, b_geoms = _geoms(a), _geoms(b)
    check(cancel)
    tree = shapely.STRtree(b_geoms)
    found_pairs, found_dist = [], []
    for part in chunks(len(a_geoms), cancel, progress):
        pairs, dist = tree.query_nearest(a_geoms[part], max_distance=max_distance,
                                         return_distance=True, all_matches=False)
        if min(n, len(b)) > 1:
            pairs, dist = _k_nearest(tree, (a_geoms[part], b_geoms), min(n, len(b)),
                                     (pairs, dist), max_distance=max_distance)
        pairs[0] += part.start
        found_pairs.append(pairs)
        found_dist.append(dist)
    pairs, dist = np.concatenate(found_pairs, axis=1), np.concatenate(found_dist)
    order = np.lexsort((pairs[1], dist, pairs[0]))
    pairs, dist = pairs[:, order], dist[order]
    rank = _rank_within_groups(pairs[0])
    return pd.DataFrame(
        {
            "target": target.index.to_numpy()[pairs[0]],
            "reference": reference.index.to_numpy()[pairs[1]],
            "rank": rank,
            "distance_m": dist,
        }
    )


def _k_nearest(
    tree: shapely.STRtree,
    geoms: tuple[np.ndarray, np.ndarray],
    k: int,
    nearest_one: tuple[np.ndarray, np.ndarray],
    *,
    max_distance: float | None,
) -> tuple[np.ndarray, np.ndarray]:
    """Expanding ``dwithin`` searches until every target has ``k`` candidates (or the cap)."""
    (a_geoms, b_geoms), (first, first_dist) = geoms, nearest_one
    bounds = np.vstack([shapely.total_bounds(a_geoms), shapely.total_bounds(b_geoms)])
    # no two features are farther apart than the diagonal of both layers' extent
    widest = float(np.hypot(*(np.nanmax(bounds[:, 2:], axis=0) - np.nanmin(bounds[:, :2],
                                                                           axis=0)))) + 1.0
    radius = np.zeros(len(a_geoms))
    radius[first[0]] = np.maximum(first_dist * 2.0, 1.0)
    todo = np.unique(first[0])  # targets with no nearest within max_distance are done
    found_a, found_b = [], []
    while len(todo):
        if max_distance is not None:
            radius[todo] = np.minimum(radius[todo], max_distance)
        hits = tree.query(a_geoms[todo], predicate="dwithin", distance=radius[todo])
        counts = np.bincount(hits[0], minlength=len(todo))
        done = (counts >= k) | (radius[todo] >= min(max_distance or np.inf, widest))
        keep = done[hits[0]]
        found_a.append(todo[hits[0][keep]])
        found_b.append(hits[1][keep])
        todo = todo[~done]
        radius[todo] = np.minimum(radius[todo] * 2.0, widest)
    if not found_a:  # no target has any reference within max_distance
        return np.zeros((2, 0), dtype=np.intp), np.zeros(0)
    cand_a, cand_b = np.concatenate(found_a), np.concatenate(found_b)
    dist = shapely.distance(a_geoms[cand_a], b_geoms[cand_b])
    order = np.lexsort((cand_b, dist, cand_a))
    cand_a, cand_b, dist = cand_a[order], cand_b[order], dist[order]
    keep = _rank_within_groups(cand_a) <= k
    return np.vstack([cand_a[keep], cand_b[keep]]), dist[keep]


def _geoms(frame: gpd.GeoDataFrame) -> np.ndarray:
    """The geometry column as a plain numpy array of shapely objects."""
    return np.asarray(frame.geometry.values)


def _rank_within_groups(groups: np.ndarray) -> np.ndarray:
    """1, 2, 3... restarting whenever the (sorted) group id changes."""
    if len(groups) == 0:
        return np.zeros(0, dtype=int)
    starts = np.r_[0, np.flatnonzero(np.diff(groups)) + 1]
    lengths = np.diff(np.r_[starts, len(groups)])
    return np.arange(len(groups)) - np.repeat(starts, lengths) + 1


def _common_crs(
    target: gpd.GeoDataFrame, reference: gpd.GeoDataFrame, names: tuple[str, str], metric: bool
) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """Both layers in one CRS: the target's, or a metric CRS chosen from it for distances."""
    target_crs = require_crs(target, names[0])
    require_crs(reference, names[1])
    crs = metric_crs(target, names[0]) if metric else target_crs
    a = target if target_crs.equals(crs) else target.to_crs(crs)
    b = reference if require_crs(reference, names[1]).equals(crs) else reference.to_crs(crs)
    return a, b
