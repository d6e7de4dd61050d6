"""A replacement programme: which assets to replace in which year within an annual budget.

Greedy by value for money: assets are taken in order of risk per rupiah (ties: higher risk,
then layer order). Each year has ``budget`` plus whatever was left the year before; walking
down the list, every asset that still fits is funded that year and drops out of the list, and
what is not spent carries over. Assets below ``min_risk`` are never funded. The greedy order
is the ranking a planner sees; it is not an optimal knapsack, on purpose: it is explainable.
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd

from gisdesk.i18n import translate


@dataclass
class Programme:
    """The ranked assets (``rank``, ``year``, ``cumulative_cost``) and one row per year."""

    assets: gpd.GeoDataFrame
    years: pd.DataFrame

    def chart_data(self) -> dict[str, list[float]]:
        """Numbers for the charts: spending per year and how many assets per risk class."""
        counts = self.assets["risk_class"].value_counts().reindex(range(1, 6), fill_value=0)
        return {
            "year": self.years["year"].astype(float).tolist(),
            "spent": self.years["spent"].astype(float).tolist(),
            "available": self.years["available"].astype(float).tolist(),
            "risk_class": [float(c) for c in range(1, 6)],
            "assets_per_class": counts.astype(float).tolist(),
        }


def plan_programme(scored: gpd.GeoDataFrame, budget: float, years: int,
                   start_year: int = 1, min_risk: float = 0.0) -> Programme:
    """Rank ``scored`` (from :func:`gisdesk.planning.risk.score_risk`) and fund it year by year.

    Parameters
    ----------
    budget
        Rupiah available each year.
    start_year
        Label of the first year (e.g. 2027); later years count up from it.
    """
    if budget < 0 or years < 1:
        raise ValueError(translate("Planning", "Budget must be 0 or more and years 1 or more "
                                   "(got {0} and {1})").format(budget, years))
    risk = scored["risk"].to_numpy(dtype=float)
    cost = scored["cost"].to_numpy(dtype=float)
    value = np.divide(risk, cost, out=np.full(len(risk), np.inf), where=cost > 0)
    order = np.lexsort((np.arange(len(risk)), -risk, -value))
    year_of = np.full(len(risk), np.nan)
    rows, carry = [], 0.0
    waiting = order[risk[order] >= min_risk]
    for k in range(years):
        available = carry + budget
        funded = _fund(waiting, cost, available)
        spent = float(cost[funded].sum())
        year_of[funded] = start_year + k
        waiting = waiting[~np.isin(waiting, funded)]
        carry = available - spent
        rows.append({"year": start_year + k, "available": available, "spent": spent,
                     "carried_over": carry, "assets": len(funded),
                     "risk_removed": float(risk[funded].sum())})
    out = scored.copy()
    rank = np.empty(len(risk), dtype=np.int64)
    rank[order] = np.arange(1, len(risk) + 1)
    out["rank"] = rank
    out["year"] = pd.array(np.where(np.isnan(year_of), pd.NA, year_of), dtype="Int64")
    out = out.iloc[np.argsort(rank, kind="stable")]
    return Programme(out, pd.DataFrame(rows))


def _fund(waiting: np.ndarray, cost: np.ndarray, available: float) -> np.ndarray:
    """Positions funded from ``available``, walking ``waiting`` in order, skipping misfits."""
    funded: list[int] = []
    left = available
    cheapest = cost[waiting].min() if len(waiting) else np.inf
    for pos in waiting.tolist():
        if left < cheapest:
            break
        if cost[pos] <= left:
            funded.append(pos)
            left -= cost[pos]
    return np.asarray(funded, dtype=np.int64)
