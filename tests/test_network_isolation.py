"""Valve isolation and graph building on a hand-drawn network a person can check by eye.

    S(0,0) --M1-- A(100,0) --M2--V1(120,0)--------B(200,0) --M3-- V3(250,0) ---- C(300,0)
                    |                              |
                   M4                         V2(200,-20)
                    |                             M5
                 D(100,-100)                  E(200,-100) --M6-- F(300,-100)

M1 is the widest main, so its free end S is the source. Valves V1..V3 sit part-way along mains.
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pyogrio
import pytest
from shapely.geometry import LineString, Point, box

from gisdesk.network.graph import build_network
from gisdesk.network.isolation import isolate, serving_mains, source_nodes

X0, Y0 = 506_000.0, 60_000.0


def layer(geoms, crs="EPSG:32651", **columns) -> gpd.GeoDataFrame:
    moved = gpd.GeoSeries(geoms).translate(X0, Y0)
    return gpd.GeoDataFrame(columns, geometry=moved.tolist(), crs=crs)


@pytest.fixture
def city(tmp_path) -> dict[str, gpd.GeoDataFrame]:
    mains = layer(
        [LineString([(0, 0), (100, 0)]), LineString([(100, 0), (200, 0)]),
         LineString([(200, 0), (300, 0)]), LineString([(100, 0), (100, -100)]),
         LineString([(200, 0), (200, -100)]), LineString([(200, -100), (300, -100)])],
        asset_id=["M1", "M2", "M3", "M4", "M5", "M6"], diameter_mm=[300, 150, 100, 100, 100, 80],
    )
    valves = layer([Point(120, 0), Point(200, -20), Point(250, 0)], asset_id=["V1", "V2", "V3"])
    buildings = layer(
        [box(110, -60, 120, -50), box(250, -120, 260, -110), box(40, 10, 50, 20),
         box(275, 10, 285, 20)],
        asset_id=["H1", "H2", "H3", "H4"],
    )
    path = tmp_path / "net.gpkg"
    for name, frame in (("water_mains", mains), ("valves", valves), ("buildings", buildings)):
        frame.to_file(path, layer=name)
    return {name: pyogrio.read_dataframe(path, layer=name, use_arrow=True)
            for name in ("water_mains", "valves", "buildings")}


def labels(frame, index_labels):
    return sorted(frame.loc[index_labels, "asset_id"].tolist())


def test_network_build_splits_mains_at_valves(city):
    net = build_network(city["water_mains"], valves=city["valves"])
    assert net.edge_count == 6 + 3  # three mains cut in two by a valve
    assert net.node_count == 7 + 3
    assert (net.valve_node >= 0).all()
    assert net.degree[net.valve_node].tolist() == [2, 2, 2]


def test_network_isolation_valves_dry_mains_and_buildings(city):
    mains, valves, buildings = city["water_mains"], city["valves"], city["buildings"]
    net = build_network(mains, valves=valves)
    sources = source_nodes(net, None, mains["diameter_mm"].to_numpy(dtype=float))
    assert np.allclose(net.node_xy[sources[0]], (X0, Y0))  # the free end of M1
    served = serving_mains(net, buildings)
    result = isolate(net, X0 + 170, Y0 + 1, sources, served, buildings.index.to_numpy())
    assert mains.loc[result.broken_main, "asset_id"] == "M2"
    assert result.distance_to_main_m == pytest.approx(1.0)
    assert labels(valves, result.valves_to_close) == ["V1", "V2", "V3"]
    assert labels(mains, result.isolated_mains) == ["M2", "M3", "M5"]
    assert labels(mains, result.dry_mains) == ["M2", "M3", "M5", "M6"]
    assert labels(buildings, result.affected_buildings) == ["H2", "H4"]


def test_network_isolation_break_on_branch_keeps_trunk_wet(city):
    mains, valves = city["water_mains"], city["valves"]
    net = build_network(mains, valves=valves)
    sources = source_nodes(net, None, mains["diameter_mm"].to_numpy(dtype=float))
    result = isolate(net, X0 + 250, Y0 - 99, sources)  # on M6, below V2
    assert labels(valves, result.valves_to_close) == ["V2"]
    assert labels(mains, result.dry_mains) == ["M5", "M6"]


def test_network_isolation_with_source_point_and_wgs84(city):
    mains = city["water_mains"].to_crs(4326)
    valves = city["valves"].to_crs(4326)
    net = build_network(mains, valves=valves)
    source = layer([Point(300, 0)])  # feed from C instead: now M1's side goes dry
    sources = source_nodes(net, source, None)
    assert len(sources) == 1
    point = gpd.GeoSeries([Point(X0 + 110, Y0)], crs="EPSG:32651").to_crs(4326).iloc[0]
    result = isolate(net, point.x, point.y, sources)
    assert labels(city["valves"], result.valves_to_close) == ["V1"]
    assert labels(city["water_mains"], result.dry_mains) == ["M1", "M2", "M4"]


def test_network_isolation_result_serialises(city):
    import json

    net = build_network(city["water_mains"], valves=city["valves"])
    sources = source_nodes(net, None, city["water_mains"]["diameter_mm"].to_numpy(dtype=float))
    data = json.loads(json.dumps(isolate(net, X0 + 50, Y0, sources).to_dict()))
    assert data["broken_main"] == 0
    assert data["valves_to_close"] == [0]
    assert data["dry_mains"] == [0, 1, 2, 3, 4, 5]


def test_network_isolation_buildings_served_by_attribute(city):
    from gisdesk.network.isolation import serving_mains_by_attribute

    mains, valves = city["water_mains"], city["valves"]
    buildings = city["buildings"].assign(service_main=["M6", None, "M1", "nope"])
    net = build_network(mains, valves=valves)
    nearest = serving_mains(net, buildings)
    served = serving_mains_by_attribute(buildings, "service_main", mains, "asset_id",
                                        fallback=nearest)
    # H1 is declared on M6 (nearest would be M4); H2 has no value and H4 an unknown main:
    # both keep their nearest main; H3 names M1, its nearest anyway
    assert mains["asset_id"].to_numpy()[served].tolist() == ["M6", "M6", "M1", "M3"]
    sources = source_nodes(net, None, mains["diameter_mm"].to_numpy(dtype=float))
    result = isolate(net, X0 + 250, Y0 - 99, sources, served, buildings.index.to_numpy())
    assert labels(buildings, result.affected_buildings) == ["H1", "H2"]
    with pytest.raises(ValueError, match="Layer 'buildings' has no field 'feed'"):
        serving_mains_by_attribute(buildings, "feed", mains)
