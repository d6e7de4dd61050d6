"""Connectivity report on a hand-drawn layer with a gap, an un-noded T and a stray valve.

    L1 (0,0)-(100,0)  L2 (100,0.005)-(200,0)   [5 mm apart: joined at 1 cm tolerance]
    L3 (200.5,0)-(300,0)                        [0.5 m gap after L2: a near-miss]
    L4 (150,0.3)-(150,100)                      [stops 0.3 m short of L2's middle: near-miss]
"""

from __future__ import annotations

import geopandas as gpd
import pyogrio
import pytest
from shapely.geometry import LineString, Point

from gisdesk.network.graph import build_network
from gisdesk.network.quality import quality_report

X0, Y0 = 506_000.0, 60_000.0


@pytest.fixture
def mains(tmp_path) -> gpd.GeoDataFrame:
    frame = gpd.GeoDataFrame(
        {"asset_id": ["L1", "L2", "L3", "L4"]},
        geometry=gpd.GeoSeries([
            LineString([(0, 0), (100, 0)]), LineString([(100, 0.005), (200, 0)]),
            LineString([(200.5, 0), (300, 0)]), LineString([(150, 0.3), (150, 100)]),
        ]).translate(X0, Y0).tolist(),
        crs="EPSG:32651",
    )
    path = tmp_path / "q.gpkg"
    frame.to_file(path, layer="water_mains")
    return pyogrio.read_dataframe(path, layer="water_mains", use_arrow=True)


def names(mains, labels):
    return [mains.loc[i, "asset_id"] for i in labels]


def test_network_quality_components_dangling_and_near_misses(mains):
    valves = gpd.GeoDataFrame(geometry=[Point(X0 + 50, Y0 + 30)], crs="EPSG:32651")
    report = quality_report(build_network(mains, valves=valves), near_miss_distance=1.0)
    assert report.component_count == 3
    assert report.component_sizes == [2, 1, 1]
    assert len(report.dangling) == 6  # every end except the L1/L2 joint
    near = report.near_misses.sort_values(["distance_m", "main"])
    assert names(mains, near["main"]) == ["L4", "L2", "L3"]
    assert names(mains, near["near_main"]) == ["L2", "L3", "L2"]
    assert near["distance_m"].tolist() == pytest.approx([0.2975, 0.5, 0.5], abs=1e-3)
    assert report.unsnapped_valves == [0]


def test_network_quality_tolerance_decides_what_joins(mains):
    assert quality_report(build_network(mains, tolerance=0.001)).component_count == 4
    joined = quality_report(build_network(mains, tolerance=0.6))
    assert joined.component_count == 2  # L3 now joins; L4 still only near L2's middle
    assert len(joined.near_misses) == 1


def test_network_quality_report_serialises(mains):
    import json

    data = json.loads(json.dumps(quality_report(build_network(mains)).to_dict(), default=str))
    assert data["components"] == 3
    assert sorted(round(m["distance_m"], 1) for m in data["near_misses"]) == [0.3, 0.5, 0.5]
