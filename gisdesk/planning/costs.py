"""Replacement cost of each asset, in rupiah, from unit costs by type and size.

Mains cost per metre by diameter band, roads per square metre of carriageway by surface
(length × ``width_m``), other lines per metre, and anything else a flat unit cost.
Lengths are metres whatever the layer's CRS.
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd

from gisdesk.planning.weights import RiskWeights
from gisdesk.query.metric import to_metric


def asset_kind(frame: pd.DataFrame, layer_name: str = "") -> str:
    """``main``, ``road`` or ``other``, from the columns the layer carries."""
    if "diameter_mm" in frame.columns:
        return "main"
    if "road_class" in frame.columns or layer_name.lower() == "roads":
        return "road"
    return "other"


def lengths_m(frame: gpd.GeoDataFrame, name: str = "layer") -> np.ndarray:
    """Length of every feature in metres (0 for points)."""
    return to_metric(frame, name).geometry.length.to_numpy(dtype=float)


def main_unit_cost(diameters: np.ndarray, weights: RiskWeights) -> np.ndarray:
    """Rupiah per metre: the first band whose largest diameter holds the main (else the last)."""
    limits = np.array([d for d, _ in weights.cost_per_m_by_diameter])
    prices = np.array([c for _, c in weights.cost_per_m_by_diameter])
    band = np.searchsorted(limits, np.nan_to_num(diameters, nan=limits[0]), side="left")
    return prices[np.minimum(band, len(prices) - 1)]


def replacement_cost(frame: gpd.GeoDataFrame, weights: RiskWeights, layer_name: str = "layer"
                     ) -> np.ndarray:
    """Cost of replacing each feature of ``frame``."""
    length = lengths_m(frame, layer_name)
    kind = asset_kind(frame, layer_name)
    if kind == "main":
        diam = pd.to_numeric(frame["diameter_mm"], errors="coerce").to_numpy(dtype=float)
        return length * main_unit_cost(diam, weights)
    if kind == "road":
        width = (pd.to_numeric(frame["width_m"], errors="coerce").fillna(
            weights.default_road_width_m).to_numpy(dtype=float)
            if "width_m" in frame.columns else np.full(len(frame), weights.default_road_width_m))
        surface = (frame["surface"].astype(object).where(frame["surface"].notna(), "ASPHALT")
                   if "surface" in frame.columns else pd.Series("ASPHALT", index=frame.index))
        price = surface.map(lambda s: weights.cost_per_m2_by_surface.get(
            str(s).upper(), weights.cost_per_m2_by_surface.get("ASPHALT", 0.0)))
        return length * width * price.to_numpy(dtype=float)
    return np.where(length > 0, length * weights.cost_per_m_other, weights.cost_per_m_other)
