"""Snapping: cell-hashed close pairs agree with brute force; bad inputs give clear errors."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import LineString

from gisdesk.network.graph import build_network
from gisdesk.network.snapping import close_pairs, unique_points
from gisdesk.query.metric import CRSMissingError


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 2**31), na=st.integers(0, 80), nb=st.integers(0, 80),
       tolerance=st.floats(0.001, 5.0))
def test_network_snapping_close_pairs_match_brute_force(seed, na, nb, tolerance):
    rng = np.random.default_rng(seed)
    a = rng.random((na, 2)) * 20 + 506_000
    b = np.vstack([rng.random((nb, 2)) * 20 + 506_000, a[: nb // 4] + rng.normal(0, 0.01, (
        min(nb // 4, na), 2))])
    i, j = close_pairs(a, b, tolerance)
    got = set(zip(i.tolist(), j.tolist(), strict=True))
    d2 = ((a[:, None, :] - b[None, :, :]) ** 2).sum(axis=2) if na and len(b) else np.zeros((0, 0))
    want = {(int(x), int(y)) for x, y in zip(*np.nonzero(d2 <= tolerance**2), strict=True)}
    assert got == want


def test_network_snapping_unique_points_inverse_rebuilds_input():
    xy = np.array([[1.0, 2.0], [0.5, 2.0], [1.0, 2.0], [0.5, 1.0]])
    unique, inverse = unique_points(xy)
    assert unique.tolist() == [[0.5, 1.0], [0.5, 2.0], [1.0, 2.0]]
    assert np.array_equal(unique[inverse], xy)


def test_network_snapping_joins_ends_within_tolerance_only():
    lines = gpd.GeoDataFrame(geometry=[LineString([(506_000, 60_000), (506_010, 60_000)]),
                                       LineString([(506_010.004, 60_000), (506_020, 60_000)])],
                             crs="EPSG:32651")
    assert build_network(lines, tolerance=0.01).node_count == 3
    assert build_network(lines, tolerance=0.001).node_count == 4


def test_network_snapping_needs_a_crs_and_geometries():
    lines = gpd.GeoDataFrame(geometry=[LineString([(0, 0), (1, 0)])], crs=None)
    with pytest.raises(CRSMissingError, match="'water_mains' has no coordinate reference"):
        build_network(lines, name="water_mains")
    empty = gpd.GeoDataFrame(geometry=[LineString([(0, 0), (1, 0)]), None], crs="EPSG:32651")
    with pytest.raises(ValueError, match=r"Layer 'water_mains': features \[1\] have no geometry"):
        build_network(empty, name="water_mains")
