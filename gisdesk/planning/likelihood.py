"""Likelihood of failure, 1 (unlikely) to 5 (imminent), from condition, age and defects.

Each part is a 1-5 score so a planner can read it on its own:

* condition: ``6 - condition`` (condition 1 very poor gives 5, 5 very good gives 1);
* age: ``1 + 4 × age / design life``, capped at 5 (new gives 1, at its design life 5); the
  design life comes from the material (pipes, drains) or the surface (roads);
* defects: ``1 + number of defect codes`` reported by inspections of the asset in the last
  ``defect_years`` years, capped at 5.

Unknown values (no condition, no install year) score a neutral 3 rather than hiding the asset.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from gisdesk.planning.weights import RiskWeights

NEUTRAL = 3.0


def condition_score(frame: pd.DataFrame) -> np.ndarray:
    """``6 - condition`` clipped to 1-5; missing condition scores 3."""
    if "condition" not in frame.columns:
        return np.full(len(frame), NEUTRAL)
    cond = pd.to_numeric(frame["condition"], errors="coerce").to_numpy(dtype=float)
    return np.where(np.isnan(cond), NEUTRAL, np.clip(6.0 - cond, 1.0, 5.0))


def design_life(frame: pd.DataFrame, weights: RiskWeights) -> np.ndarray:
    """Years each asset should last: by surface for roads, else by material, else the default."""
    if "surface" in frame.columns:
        table, column = weights.surface_life, "surface"
    elif "material" in frame.columns:
        table, column = weights.design_life, "material"
    else:
        return np.full(len(frame), weights.default_design_life)
    codes = frame[column].astype(object).where(frame[column].notna(), None)
    life = codes.map(lambda c: table.get(str(c).upper()) if c is not None else None)
    return life.astype(float).fillna(weights.default_design_life).to_numpy()


def age_score(frame: pd.DataFrame, weights: RiskWeights, year: int) -> np.ndarray:
    """``1 + 4 × age / design life`` clipped to 1-5; missing install year scores 3."""
    if "install_year" not in frame.columns:
        return np.full(len(frame), NEUTRAL)
    installed = pd.to_numeric(frame["install_year"], errors="coerce").to_numpy(dtype=float)
    age = np.maximum(year - installed, 0.0)
    score = np.clip(1.0 + 4.0 * age / design_life(frame, weights), 1.0, 5.0)
    return np.where(np.isnan(installed), NEUTRAL, score)


def defect_counts(
    frame: pd.DataFrame, inspections: pd.DataFrame | None, year: int, years: int,
    key: str = "uuid",
) -> np.ndarray:
    """Defect codes reported for each asset by inspections dated in the last ``years`` years.

    An inspection counts when its year is above ``year - years`` (so with ``year`` 2026 and
    3 years: 2024, 2025 and 2026). Codes may be separated by ``;`` or ``,``.
    """
    out = np.zeros(len(frame), dtype=float)
    if inspections is None or len(inspections) == 0 or key not in frame.columns:
        return out
    dates = pd.to_datetime(inspections["inspected_on"], errors="coerce")
    recent = inspections[(dates.dt.year > year - years) & (dates.dt.year <= year)]
    codes = recent["defects"].fillna("").astype(str).map(_code_count)
    per_asset = codes.groupby(recent["asset_uuid"].astype(str)).sum()
    keys = frame[key].astype(str)
    return keys.map(per_asset).fillna(0).to_numpy(dtype=float)


def _code_count(text: str) -> int:
    return len([c for c in re.split(r"[;,]", text) if c.strip()])


def defect_score(counts: np.ndarray) -> np.ndarray:
    """``1 + defects`` capped at 5."""
    return np.minimum(1.0 + counts, 5.0)


def likelihood(parts: dict[str, np.ndarray], weights: RiskWeights) -> np.ndarray:
    """Weighted mean of the condition, age and defect scores."""
    w = np.array([weights.condition, weights.age, weights.defects], dtype=float)
    stack = np.vstack([parts["condition_score"], parts["age_score"], parts["defect_score"]])
    return (w @ stack) / w.sum()
