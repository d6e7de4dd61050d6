"""The budgeted programme on the hand-made network: greedy by risk per rupiah, carry-over."""

from __future__ import annotations

import pytest
from _planning_fixtures import buildings, inspections, mains, valves

from gisdesk.planning.programme import plan_programme
from gisdesk.planning.risk import RiskInputs, score_risk
from gisdesk.planning.weights import RiskWeights


@pytest.fixture(scope="module")
def scored():
    weights = RiskWeights(as_of_year=2026, customers_per_point=1)
    return score_risk(RiskInputs(mains(), "water_mains", buildings(), inspections(), valves()),
                      weights)


def test_planning_programme_ranks_by_risk_per_cost(scored):
    # risk / cost: B 9.975/75M > A 15.64/250M > C 4.32/75M > D 4.16/150M
    prog = plan_programme(scored, 200e6, 3, start_year=2027)
    assert prog.assets["asset_id"].tolist() == ["B", "A", "C", "D"]
    assert prog.assets["rank"].tolist() == [1, 2, 3, 4]


def test_planning_programme_years_with_carry_over(scored):
    # 2027: 200 M -> B (75) and C (75), A (250) does not fit; 50 M carried
    # 2028: 250 M -> A exactly; 2029: 200 M -> D (150), 50 M left
    prog = plan_programme(scored, 200e6, 3, start_year=2027)
    years = dict(zip(prog.assets["asset_id"], prog.assets["year"], strict=True))
    assert years == {"B": 2027, "C": 2027, "A": 2028, "D": 2029}
    assert prog.years["spent"].tolist() == pytest.approx([150e6, 250e6, 150e6])
    assert prog.years["carried_over"].tolist() == pytest.approx([50e6, 0, 50e6])
    assert prog.years["assets"].tolist() == [2, 1, 1]


def test_planning_programme_unfunded_assets_have_no_year(scored):
    prog = plan_programme(scored, 100e6, 1, start_year=2027)
    # only B fits (75 M); C would need 75 M more than the 25 M left
    funded = prog.assets.loc[prog.assets["year"].notna(), "asset_id"].tolist()
    assert funded == ["B"]


def test_planning_programme_min_risk_and_chart_numbers(scored):
    prog = plan_programme(scored, 1e9, 1, start_year=2027, min_risk=5)
    funded = set(prog.assets.loc[prog.assets["year"].notna(), "asset_id"])
    assert funded == {"A", "B"}
    chart = prog.chart_data()
    assert chart["spent"] == [325e6]
    assert chart["assets_per_class"] == [2, 1, 0, 1, 0]


def test_planning_programme_rejects_bad_budget(scored):
    with pytest.raises(ValueError, match="Budget"):
        plan_programme(scored, -1, 3)
