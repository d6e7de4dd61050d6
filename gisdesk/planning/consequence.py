"""Consequence of failure, 1 (minor) to 5 (severe): service lost and critical facilities.

* service, mains: ``1 + customers cut off / customers_per_point``, capped at 5, where the
  customers are the buildings that lose water when the main breaks and its zone is shut
  (:mod:`gisdesk.planning.customers`);
* service, roads: the road-class score (arterial 5, collector 3, local 1) plus one for every
  lane beyond two (lanes as the traffic proxy), capped at 5;
* critical: ``1 + 2 × hospitals and schools within critical_distance_m``, capped at 5.

Other layers (drains, streetlights…) get a neutral service score of 3.
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd

from gisdesk.planning.weights import RiskWeights
from gisdesk.query.spatial import location_pairs

NEUTRAL = 3.0


def customer_score(customers: np.ndarray, weights: RiskWeights) -> np.ndarray:
    """``1 + customers / customers_per_point`` capped at 5."""
    per_point = max(weights.customers_per_point, 1e-9)
    return np.minimum(1.0 + np.asarray(customers, dtype=float) / per_point, 5.0)


def road_score(frame: pd.DataFrame, weights: RiskWeights) -> np.ndarray:
    """Road-class score plus one per lane beyond two, capped at 5 (unknown class scores 1)."""
    classes = frame["road_class"].astype(object).where(frame["road_class"].notna(), "")
    base = classes.map(lambda c: weights.road_class_score.get(str(c).upper(), 1.0))
    lanes = (pd.to_numeric(frame["lanes"], errors="coerce").fillna(2).to_numpy(dtype=float)
             if "lanes" in frame.columns else np.full(len(frame), 2.0))
    return np.clip(base.to_numpy(dtype=float) + np.maximum(lanes - 2.0, 0.0), 1.0, 5.0)


def critical_counts(
    assets: gpd.GeoDataFrame, buildings: gpd.GeoDataFrame | None, weights: RiskWeights,
    names: tuple[str, str] = ("assets", "buildings"),
) -> np.ndarray:
    """Hospitals and schools (``critical_uses``) within ``critical_distance_m`` of each asset."""
    out = np.zeros(len(assets))
    if buildings is None or len(buildings) == 0 or "building_use" not in buildings.columns:
        return out
    uses = {u.upper() for u in weights.critical_uses}
    critical = buildings[buildings["building_use"].astype(str).str.upper().isin(uses)]
    if len(critical) == 0 or len(assets) == 0:
        return out
    pairs = location_pairs(assets, critical, "dwithin", weights.critical_distance_m, names)
    return np.bincount(pairs[0], minlength=len(assets)).astype(float)


def critical_score(counts: np.ndarray) -> np.ndarray:
    """``1 + 2 × count`` capped at 5."""
    return np.minimum(1.0 + 2.0 * np.asarray(counts, dtype=float), 5.0)


def consequence(parts: dict[str, np.ndarray], weights: RiskWeights) -> np.ndarray:
    """Weighted mean of the service and critical-facility scores."""
    w = np.array([weights.service, weights.critical], dtype=float)
    return (w @ np.vstack([parts["service_score"], parts["critical_score"]])) / w.sum()
