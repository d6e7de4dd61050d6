"""Risk per asset: likelihood of failure × consequence, with every part kept for the table.

The result is the asset layer with added columns (each part is a 1-5 score), so a planner can
see *why* a main ranks high: ``condition_score``, ``age_score``, ``defects``,
``defect_score``, ``likelihood``, ``customers`` (mains), ``critical_nearby``,
``service_score``, ``critical_score``, ``consequence``, ``risk`` (1-25), ``risk_class``
(1 very low … 5 very high) and ``cost`` (replacement, rupiah).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd

from gisdesk.network.graph import build_network
from gisdesk.network.isolation import serving_mains, source_nodes
from gisdesk.planning import consequence as cq
from gisdesk.planning import likelihood as lk
from gisdesk.planning.costs import asset_kind, replacement_cost
from gisdesk.planning.customers import customers_cut_off
from gisdesk.planning.weights import RiskWeights

RISK_CLASS_BREAKS = (5.0, 10.0, 15.0, 20.0)
"""Risk below 5 is class 1, below 10 class 2, … 20 and above class 5."""

Progress = Callable[[int, int, str], None]


@dataclass
class RiskInputs:
    """The asset layer to score and the layers its consequence needs (all optional)."""

    assets: gpd.GeoDataFrame
    layer_name: str = "assets"
    buildings: gpd.GeoDataFrame | None = None
    inspections: pd.DataFrame | None = None
    valves: gpd.GeoDataFrame | None = None
    sources: gpd.GeoDataFrame | None = None
    network_tolerance: float = 0.01
    valve_tolerance: float = 1.0


def risk_class(risk: np.ndarray) -> np.ndarray:
    """Class 1-5 of each risk value (see :data:`RISK_CLASS_BREAKS`)."""
    return np.digitize(np.asarray(risk, dtype=float), RISK_CLASS_BREAKS) + 1


def score_risk(inputs: RiskInputs, weights: RiskWeights | None = None,
               progress: Progress | None = None) -> gpd.GeoDataFrame:
    """Score every asset of ``inputs.assets``; returns a copy with the risk columns added."""
    weights = weights or RiskWeights()
    report = progress or (lambda *_: None)
    year = weights.as_of_year or dt.date.today().year
    frame = inputs.assets
    report(0, 4, "likelihood")
    parts: dict[str, np.ndarray] = {
        "condition_score": lk.condition_score(frame),
        "age_score": lk.age_score(frame, weights, year),
    }
    parts["defects"] = lk.defect_counts(frame, inputs.inspections, year, weights.defect_years)
    parts["defect_score"] = lk.defect_score(parts["defects"])
    parts["likelihood"] = lk.likelihood(parts, weights)
    report(1, 4, "service")
    kind = asset_kind(frame, inputs.layer_name)
    if kind == "main":
        parts["customers"] = mains_customers(inputs)
        parts["service_score"] = cq.customer_score(parts["customers"], weights)
    elif kind == "road":
        parts["service_score"] = cq.road_score(frame, weights)
    else:
        parts["service_score"] = np.full(len(frame), cq.NEUTRAL)
    report(2, 4, "critical facilities")
    parts["critical_nearby"] = cq.critical_counts(frame, inputs.buildings, weights,
                                                  (inputs.layer_name, "buildings"))
    parts["critical_score"] = cq.critical_score(parts["critical_nearby"])
    parts["consequence"] = cq.consequence(parts, weights)
    parts["risk"] = np.round(parts["likelihood"] * parts["consequence"], 6)
    parts["risk_class"] = risk_class(parts["risk"])
    report(3, 4, "costs")
    parts["cost"] = replacement_cost(frame, weights, inputs.layer_name)
    out = frame.copy()
    for name, values in parts.items():
        out[name] = values
    report(4, 4, "")
    return out


def mains_customers(inputs: RiskInputs) -> np.ndarray:
    """Buildings losing water when each main breaks (0 everywhere without buildings)."""
    frame = inputs.assets
    if inputs.buildings is None or len(inputs.buildings) == 0 or len(frame) == 0:
        return np.zeros(len(frame))
    network = build_network(frame, inputs.network_tolerance, inputs.valves,
                            inputs.valve_tolerance, name=inputs.layer_name)
    diameters = pd.to_numeric(frame["diameter_mm"], errors="coerce").to_numpy(dtype=float)
    feeds = source_nodes(network, inputs.sources, diameters)
    served = serving_mains(network, inputs.buildings)
    return customers_cut_off(network, feeds, served)
