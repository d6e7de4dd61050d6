"""Snapping math (Qt-free): vertex before segment, tolerance honoured, skips, network ends."""

from __future__ import annotations

import geopandas as gpd
import pytest
import shapely

from gisdesk.core.layer import MapLayer
from gisdesk.core.snapping import (
    nearest_on_segment,
    nearest_vertex,
    snap,
    unconnected_ends,
)

CRS = "EPSG:32651"


@pytest.fixture
def mains() -> MapLayer:
    frame = gpd.GeoDataFrame(
        {"uuid": ["a", "b"]},
        geometry=[
            shapely.LineString([(0, 0), (100, 0)]),
            shapely.LineString([(100, 0), (100, 80)]),
        ],
        crs=CRS,
    )
    return MapLayer("water_mains", frame)


@pytest.fixture
def parcels() -> MapLayer:
    frame = gpd.GeoDataFrame({"uuid": ["p"]}, geometry=[shapely.box(200, 0, 240, 40)], crs=CRS)
    return MapLayer("buildings", frame)


def test_snapping_vertex_within_tolerance(mains) -> None:
    hit = snap([mains], 97.0, 2.0, tol=5.0)
    assert hit is not None and hit.kind == "vertex"
    assert (hit.x, hit.y) == (100.0, 0.0)


def test_snapping_vertex_not_beyond_tolerance(mains) -> None:
    assert nearest_vertex(mains, 94.0, 3.0, tol=5.0) is None  # 6.7 m from the corner


def test_snapping_prefers_vertex_over_closer_segment(mains) -> None:
    hit = snap([mains], 96.0, 0.5, tol=5.0)  # segment 0.5 m away, vertex 4.03 m away
    assert hit.kind == "vertex" and (hit.x, hit.y) == (100.0, 0.0)


def test_snapping_segment_projects_onto_line(mains) -> None:
    hit = snap([mains], 50.0, 3.0, tol=5.0)
    assert hit is not None and hit.kind == "segment"
    assert hit.x == pytest.approx(50.0) and hit.y == pytest.approx(0.0)
    assert snap([mains], 50.0, 6.0, tol=5.0) is None


def test_snapping_polygon_edge(parcels) -> None:
    hit = nearest_on_segment(parcels, 220.0, 2.0, tol=5.0)  # inside, near the bottom edge
    assert hit is not None and hit.y == pytest.approx(0.0) and hit.x == pytest.approx(220.0)


def test_snapping_skip_ignores_the_edited_feature(mains) -> None:
    hit = snap([mains], 50.0, 1.0, tol=5.0, skip={"water_mains": [0]})
    assert hit is None
    hit = snap([mains], 100.0, 40.0, tol=5.0, skip={"water_mains": [0]})
    assert hit is not None and hit.row == 1


def test_snapping_picks_nearest_layer(mains, parcels) -> None:
    hit = snap([mains, parcels], 199.0, 1.0, tol=5.0)
    assert hit.layer == "buildings" and (hit.x, hit.y) == (200.0, 0.0)


def test_snapping_tree_follows_layer_version(mains) -> None:
    assert snap([mains], 300.0, 300.0, tol=5.0) is None
    mains.frame = gpd.GeoDataFrame(
        {"uuid": ["c"]}, geometry=[shapely.LineString([(300, 300), (400, 300)])], crs=CRS
    )
    mains.touch()
    assert snap([mains], 301.0, 300.0, tol=5.0).kind == "vertex"


def test_snapping_unconnected_ends(mains) -> None:
    joined = shapely.LineString([(100, 80), (150, 80)])
    assert unconnected_ends(joined, mains, tol=1.0) == [(150.0, 80.0)]
    floating = shapely.LineString([(0, 50), (50, 50)])
    assert len(unconnected_ends(floating, mains, tol=1.0)) == 2
    bridging = shapely.LineString([(0, 0), (100, 80)])
    assert unconnected_ends(bridging, mains, tol=1.0) == []
