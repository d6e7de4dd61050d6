"""Property tests: location queries and k-nearest agree with brute-force shapely on random data."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st

from gisdesk.query.spatial import nearest, select_by_location

X0, Y0 = 506_000.0, 60_000.0


def random_layer(rng: np.random.Generator, count: int, kind: str) -> gpd.GeoDataFrame:
    xy = rng.random((count, 2)) * 1000 + (X0, Y0)
    if kind == "point":
        geoms = shapely.points(xy)
    elif kind == "line":  # polylines of 2 to 5 vertices
        steps = rng.normal(0, 60, (count, 4, 2)).cumsum(axis=1)
        vertices = np.concatenate([xy[:, None, :], xy[:, None, :] + steps], axis=1)
        geoms = np.array([shapely.LineString(v[: rng.integers(2, 6)]) for v in vertices])
    else:
        geoms = shapely.box(xy[:, 0], xy[:, 1], xy[:, 0] + rng.random(count) * 60 + 1,
                            xy[:, 1] + rng.random(count) * 60 + 1)
    return gpd.GeoDataFrame(geometry=geoms, crs="EPSG:32651")


kinds = st.sampled_from(["point", "line", "polygon"])


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 2**31), na=st.integers(1, 60), nb=st.integers(1, 40), ka=kinds,
       kb=kinds, predicate=st.sampled_from(["intersects", "within", "contains", "dwithin"]),
       distance=st.floats(0, 150))
def test_spatial_property_select_matches_brute_force(*, seed, na, nb, ka, kb, predicate,
                                                     distance):
    rng = np.random.default_rng(seed)
    a, b = random_layer(rng, na, ka), random_layer(rng, nb, kb)
    got = select_by_location(a, b, predicate, distance if predicate == "dwithin" else None)
    ga, gb = np.asarray(a.geometry.values)[:, None], np.asarray(b.geometry.values)[None, :]
    if predicate == "dwithin":
        expected = (shapely.distance(ga, gb) <= distance).any(axis=1)
    else:
        expected = getattr(shapely, predicate)(ga, gb).any(axis=1)
    assert got.tolist() == expected.tolist()


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 2**31), na=st.integers(1, 40), nb=st.integers(1, 30), ka=kinds,
       kb=kinds, k=st.integers(1, 6))
def test_spatial_property_k_nearest_matches_brute_force(*, seed, na, nb, ka, kb, k):
    rng = np.random.default_rng(seed)
    a, b = random_layer(rng, na, ka), random_layer(rng, nb, kb)
    table = nearest(a, b, n=k)
    dist = shapely.distance(np.asarray(a.geometry.values)[:, None],
                            np.asarray(b.geometry.values)[None, :])
    assert len(table) == na * min(k, nb)
    for i in range(na):
        rows = table[table["target"] == i]
        expected = np.sort(dist[i])[: min(k, nb)]
        assert np.allclose(rows["distance_m"].to_numpy(), expected)
        assert rows["rank"].tolist() == list(range(1, min(k, nb) + 1))
        assert np.allclose(dist[i, rows["reference"].to_numpy()], expected)
