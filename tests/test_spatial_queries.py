"""Location queries, buffers, nearest and summaries on hand-made layers read back from files."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pyogrio
import pytest
from shapely.geometry import LineString, Point, box

from gisdesk.query.metric import CRSMissingError
from gisdesk.query.spatial import buffer_features, nearest, select_by_location
from gisdesk.query.summary import summarise_by_area

X0, Y0 = 506_000.0, 60_000.0  # Kota Gorontalo in UTM 51N (EPSG:32651)


def shift(geoms):
    return gpd.GeoSeries(geoms).translate(X0, Y0).tolist()


@pytest.fixture
def city(tmp_path) -> dict[str, gpd.GeoDataFrame]:
    """Two mains along y=0 and y=100; five 10x10 m buildings at known distances."""
    mains = gpd.GeoDataFrame(
        {"asset_id": ["M1", "M2"], "condition": [2, 4]},
        geometry=shift([LineString([(0, 0), (200, 0)]), LineString([(0, 100), (200, 100)])]),
        crs="EPSG:32651",
    )
    # building edges: B1 20 m from M1, B2 on M1, B3 60 m from M1 and 30 from M2, B4 far, B5 on M2
    buildings = gpd.GeoDataFrame(
        {"asset_id": ["B1", "B2", "B3", "B4", "B5"], "floors": [1, 3, 2, 5, 1]},
        geometry=shift([box(50, 20, 60, 30), box(100, -5, 110, 5), box(50, 60, 60, 70),
                        box(500, 500, 510, 510), box(150, 95, 160, 105)]),
        crs="EPSG:32651",
    )
    path = tmp_path / "city.gpkg"
    mains.to_file(path, layer="water_mains")
    buildings.to_file(path, layer="buildings")
    return {name: pyogrio.read_dataframe(path, layer=name, use_arrow=True)
            for name in ("water_mains", "buildings")}


def ids(frame, mask):
    return frame.loc[mask, "asset_id"].tolist()


def test_spatial_within_distance_of_filtered_mains(city):
    b, m = city["buildings"], city["water_mains"]
    poor = m[m["condition"] <= 2]
    assert ids(b, select_by_location(b, poor, "dwithin", 50)) == ["B1", "B2"]
    assert ids(b, select_by_location(b, poor, "dwithin", 60)) == ["B1", "B2", "B3"]
    assert ids(b, select_by_location(b, m, "dwithin", 30)) == ["B1", "B2", "B3", "B5"]


def test_spatial_within_distance_same_answer_in_wgs84(city):
    b, m = city["buildings"].to_crs(4326), city["water_mains"].to_crs(4326)
    assert ids(b, select_by_location(b, m, "dwithin", 25)) == ["B1", "B2", "B5"]


def test_spatial_intersects_within_contains(city):
    b, m = city["buildings"], city["water_mains"]
    assert ids(b, select_by_location(b, m, "intersects")) == ["B2", "B5"]
    zone = gpd.GeoDataFrame(geometry=shift([box(0, 0, 120, 80)]), crs="EPSG:32651")
    assert ids(b, select_by_location(b, zone, "within")) == ["B1", "B3"]
    assert select_by_location(zone, b, "contains").tolist() == [True]


def test_spatial_buffer_is_metres_and_keeps_attributes(city):
    m = city["water_mains"].to_crs(4326)
    buffers = buffer_features(m, 10, name="water_mains")
    assert buffers.crs.equals(m.crs)
    assert buffers["asset_id"].tolist() == ["M1", "M2"]
    area = buffers.to_crs(32651).area.to_numpy()
    expected = 200 * 20 + np.pi * 10**2  # a 200 m line's 10 m buffer
    assert np.allclose(area, expected, rtol=1e-3)
    merged = buffer_features(city["water_mains"], 60, dissolve=True)
    assert len(merged) == 1 and merged.geometry.iloc[0].geom_type == "Polygon"


def test_spatial_nearest_two_mains_per_building(city):
    table = nearest(city["buildings"], city["water_mains"], n=2)
    b1 = table[table["target"] == 0]
    assert b1["reference"].tolist() == [0, 1]
    assert np.allclose(b1["distance_m"], [20.0, 70.0])
    assert b1["rank"].tolist() == [1, 2]
    assert len(table) == 10


def test_spatial_nearest_respects_max_distance(city):
    table = nearest(city["buildings"], city["water_mains"], n=3, max_distance=35)
    per_building = table.groupby("target").size().to_dict()
    assert per_building == {0: 1, 1: 1, 2: 1, 4: 1}


def test_spatial_missing_crs_is_a_clear_error(city):
    b = city["buildings"].set_crs(None, allow_override=True)
    with pytest.raises(CRSMissingError, match="'buildings' has no coordinate reference system"):
        select_by_location(b, city["water_mains"], "dwithin", 5, names=("buildings", "mains"))


def test_spatial_summary_km_of_road_by_condition_per_kelurahan(tmp_path):
    areas = gpd.GeoDataFrame(
        {"name": ["Kel A", "Kel B", "Kel C"]},
        geometry=shift([box(0, 0, 1000, 1000), box(1000, 0, 2000, 1000),
                        box(0, 1000, 1000, 2000)]),
        crs="EPSG:32651",
    )
    roads = gpd.GeoDataFrame(
        {"condition": [1, 2, 2, None]},
        geometry=shift([LineString([(500, 500), (1500, 500)]), LineString([(100, 100), (100, 600)]),
                        LineString([(1100, 100), (1900, 100)]),
                        LineString([(200, 1200), (200, 1500)])]),
        crs="EPSG:32651",
    )
    table = summarise_by_area(areas, roads, "name", category="condition")
    assert table.loc["Kel A", 1] == pytest.approx(0.5)
    assert table.loc["Kel A", 2] == pytest.approx(0.5)
    assert table.loc["Kel B", "total"] == pytest.approx(1.3)
    assert table.loc["Kel C", "(none)"] == pytest.approx(0.3)
    homes = gpd.GeoDataFrame(geometry=shift([Point(10, 10).buffer(5), Point(1010, 10).buffer(5),
                                             Point(20, 20).buffer(5)]), crs="EPSG:32651")
    counts = summarise_by_area(areas.to_crs(4326), homes, "name")
    assert counts["total"].to_dict() == {"Kel A": 2, "Kel B": 1, "Kel C": 0}


def test_spatial_missing_and_empty_geometries_are_skipped():
    from shapely.geometry import Polygon

    a = gpd.GeoDataFrame({"asset_id": ["A", "B", "C", "D"]},
                         geometry=shift([box(0, 0, 5, 5), None, Polygon(), box(100, 0, 105, 5)]),
                         crs="EPSG:32651")
    b = gpd.GeoDataFrame(geometry=shift([LineString([(0, -10), (50, -10)]), None,
                                         LineString()]), crs="EPSG:32651")
    assert ids(a, select_by_location(a, b, "dwithin", 20)) == ["A"]
    table = nearest(a, b, n=2)  # only one usable reference: one row per usable target
    assert table["target"].tolist() == [0, 3]
    assert table["distance_m"].round(2).tolist() == [10.0, 50.99]
