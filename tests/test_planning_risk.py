"""Risk scores on the hand-made network of ``_planning_fixtures`` (worked out in the comments)."""

from __future__ import annotations

import numpy as np
import pytest
from _planning_fixtures import buildings, inspections, mains, valves

from gisdesk.network.graph import build_network
from gisdesk.network.isolation import isolate, serving_mains, source_nodes
from gisdesk.planning.customers import customers_cut_off
from gisdesk.planning.risk import RiskInputs, score_risk
from gisdesk.planning.weights import RiskWeights

WEIGHTS = RiskWeights(as_of_year=2026, customers_per_point=1)


@pytest.fixture(scope="module")
def scored():
    return score_risk(RiskInputs(mains(), "water_mains", buildings(), inspections(), valves()),
                      WEIGHTS)


def test_planning_customers_cut_off_per_main(scored):
    # A feeds everything (7 buildings); B feeds B and C (2 + 3); C 3; D 1.
    assert scored["customers"].tolist() == [7, 5, 3, 1]


def test_planning_customers_match_isolation_of_each_main():
    m, b = mains(), buildings()
    net = build_network(m, valves=valves())
    feeds = source_nodes(net, None, m["diameter_mm"].to_numpy(float))
    served = serving_mains(net, b)
    fast = customers_cut_off(net, feeds, served)
    for pos, geom in enumerate(m.geometry):
        mid = geom.interpolate(0.5, normalized=True)
        slow = isolate(net, mid.x, mid.y, feeds, served, b.index.to_numpy())
        assert len(slow.affected_buildings) == fast[pos]


def test_planning_likelihood_parts(scored):
    # condition 1 -> 5, 3 -> 3, 5 -> 1, NULL -> 3
    assert scored["condition_score"].tolist() == [5, 3, 1, 3]
    # PVC 50 y at 50 y -> 5; DI 25/80 -> 2.25; new -> 1; unknown -> 3
    assert scored["age_score"].tolist() == pytest.approx([5, 2.25, 1, 3])
    # A: 2 codes in 2025; B: only in 2020 (too old); C: 1 code in 2024
    assert scored["defects"].tolist() == [2, 0, 1, 0]
    # 0.5 cond + 0.3 age + 0.2 defects
    assert scored["likelihood"].tolist() == pytest.approx([4.6, 2.375, 1.2, 2.6])


def test_planning_consequence_and_risk(scored):
    # hospital at (260,10): 8 m from C, 58.6 m from B's end, > 100 m from A and D
    assert scored["critical_nearby"].tolist() == [0, 1, 1, 0]
    # 0.6 x min(1 + customers, 5) + 0.4 x (1 + 2 x critical)
    assert scored["consequence"].tolist() == pytest.approx([3.4, 4.2, 3.6, 1.6])
    assert scored["risk"].tolist() == pytest.approx([15.64, 9.975, 4.32, 4.16])
    assert scored["risk_class"].tolist() == [4, 2, 1, 1]


def test_planning_costs_by_diameter_band(scored):
    # 100 m each: 300 mm at 2.5 M/m, 100 mm at 0.75 M/m, 150 mm at 1.5 M/m
    assert scored["cost"].tolist() == pytest.approx([250e6, 75e6, 75e6, 150e6])


def test_planning_roads_scored_by_class_lanes_and_surface():
    import geopandas as gpd
    import shapely

    roads = gpd.GeoDataFrame({
        "road_class": ["ARTERIAL", "COLLECTOR", "LOCAL"], "lanes": [4, 3, None],
        "surface": ["ASPHALT", "CONCRETE", "EARTH"], "width_m": [7.0, None, 4.0],
        "condition": [2, 2, 2], "install_year": [2011, 2011, 2021],
    }, geometry=[shapely.LineString([(0, y), (100, y)]) for y in (0, 500, 1000)],
        crs="EPSG:32651")
    out = score_risk(RiskInputs(roads, "roads"), RiskWeights(as_of_year=2026))
    # arterial 5 + 2 extra lanes (capped 5); collector 3 + 1; local 1
    assert out["service_score"].tolist() == [5, 4, 1]
    # asphalt 15 y at 15 y -> 5; concrete 30 y at 15 y -> 3; earth 5 y at 5 y -> 5
    assert out["age_score"].tolist() == pytest.approx([5, 3, 5])
    # 100 m x width x price per m2 (collector width defaults to 6 m)
    assert out["cost"].tolist() == pytest.approx([100 * 7 * 450e3, 100 * 6 * 900e3,
                                                  100 * 4 * 100e3])


def test_planning_weights_change_the_score():
    heavy = RiskWeights(as_of_year=2026, customers_per_point=1, condition=1, age=0, defects=0)
    out = score_risk(RiskInputs(mains(), "water_mains", buildings(), inspections(), valves()),
                     heavy)
    assert np.allclose(out["likelihood"], [5, 3, 1, 3])


def test_planning_wgs84_layers_measured_in_metres(scored):
    to_wgs = {name: f().to_crs(4326) for name, f in
              (("m", mains), ("b", buildings), ("v", valves))}
    out = score_risk(RiskInputs(to_wgs["m"], "water_mains", to_wgs["b"], inspections(),
                                to_wgs["v"]), WEIGHTS)
    assert out["customers"].tolist() == scored["customers"].tolist()
    assert out["critical_nearby"].tolist() == scored["critical_nearby"].tolist()
    # the fixture lies 500 km west of UTM 51N's central meridian; measured in its own UTM zone
    # the lengths differ by the projections' scale factors (< 0.5 %)
    assert out["cost"].tolist() == pytest.approx(scored["cost"].tolist(), rel=5e-3)


def test_planning_layer_without_crs_is_named():
    frame = mains().set_crs(None, allow_override=True)
    with pytest.raises(ValueError, match="water_mains"):
        score_risk(RiskInputs(frame, "water_mains", buildings(), None, valves()), WEIGHTS)
