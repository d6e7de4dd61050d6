"""Several years of inspections (2019–2026) and the asset state they leave behind.

Assets wear out with age at a rate set by their type; each inspection records the condition seen
on that day, with defects, notes and photos when things are bad. The asset's own ``condition``
and ``last_inspected`` are then copied from its latest inspection, the rule the editing core
keeps when inspectors add new ones.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from gisdesk.core.definitions import Catalog
from gisdesk.core.inspections import DEFECT_SEPARATOR
from gisdesk.sampledata.ids import uuid4_strings
from gisdesk.sampledata.names import INSPECTION_NOTES, INSPECTORS
from gisdesk.sampledata.plan import CityPlan
from gisdesk.sampledata.writer import LayerData

FIRST_DAY = np.datetime64("2019-01-01")
LAST_DAY = np.datetime64("2026-10-31")
_RECENT = np.datetime64("2024-01-01")


@dataclass(frozen=True)
class Policy:
    """How a layer is inspected: share of assets, service life, typical defects, department."""

    share: float
    life_years: float
    defects: tuple[str, ...]
    department: str


POLICIES: dict[str, Policy] = {
    "roads": Policy(0.9, 25, ("CRACK", "POTHOLE", "RUTTING", "OTHER"), "PUPR"),
    "water_mains": Policy(0.5, 60, ("LEAK", "CORROSION", "OTHER"), "PDAM"),
    "valves": Policy(0.7, 40, ("LEAK", "CORROSION", "MISSING_COVER", "OTHER"), "PDAM"),
    "hydrants": Policy(0.8, 35, ("LEAK", "CORROSION", "VANDALISM", "OTHER"), "PDAM"),
    "drains": Policy(0.6, 40, ("BLOCKAGE", "CRACK", "COLLAPSE", "OTHER"), "PUPR"),
    "manholes": Policy(0.5, 50, ("MISSING_COVER", "CRACK", "BLOCKAGE", "OTHER"), "PUPR"),
    "streetlights": Policy(0.7, 20, ("LAMP_OUT", "CORROSION", "VANDALISM", "OTHER"), "DISHUB"),
    "buildings": Policy(0.12, 60, ("CRACK", "LEAK", "OTHER"), "PERKIM"),
}


def _rows(rng: np.random.Generator, install_year: np.ndarray, policy: Policy, interval_days: float):
    """Asset index, date and condition of every inspection of one layer."""
    n = len(install_year)
    idx = np.flatnonzero(rng.random(n) < policy.share)
    built = (install_year[idx] - 1970).astype("datetime64[Y]").astype("datetime64[D]")
    lo = np.maximum(built, _RECENT)
    span = (LAST_DAY - lo).astype(np.int64)
    latest = lo + (rng.random(len(idx)) * span).astype(np.int64)
    count = rng.integers(1, 5, len(idx))
    asset = np.repeat(idx, count)
    within = np.arange(count.sum()) - np.repeat(np.cumsum(count) - count, count)
    gap = np.where(within > 0, interval_days * rng.uniform(0.8, 1.6, len(asset)), 0.0)
    cum = np.cumsum(gap)
    back = cum - np.repeat(cum[np.cumsum(count) - count], count)
    date = np.repeat(latest, count) - back.astype(np.int64)
    keep = (date >= FIRST_DAY) & (date >= np.repeat(built, count))
    asset, within, date = asset[keep], within[keep], date[keep]
    age = (date - (install_year[asset] - 1970).astype("datetime64[Y]")).astype(np.int64) / 365.25
    bias = rng.normal(0.0, 0.6, n)[asset]
    wear = 5.0 - 4.0 * age / policy.life_years + bias + rng.normal(0.0, 0.3, len(asset))
    condition = np.clip(np.round(wear), 1, 5).astype(np.int64)
    return asset, within, date, condition


def _defects(rng: np.random.Generator, condition: np.ndarray, pool: tuple[str, ...]) -> pa.Array:
    """No defect when good; one when fair; two different ones when poor.

    Two codes are joined with the core's separator (";"), so a sample inspection reads, counts
    and re-validates exactly like one recorded in the app.
    """
    n = len(condition)
    codes = pa.array(pool)
    first = rng.integers(0, len(pool), n)
    second = (first + 1 + rng.integers(0, max(len(pool) - 1, 1), n)) % len(pool)
    one = codes.take(pa.array(first))
    two = pc.binary_join_element_wise(one, codes.take(pa.array(second)),
                                      DEFECT_SEPARATOR)
    out = pc.if_else(pa.array(condition <= 2), two, one)
    return pc.if_else(pa.array(condition <= 3), out, pa.nulls(n, pa.string()))


def _latest_state(layer: LayerData, asset: np.ndarray, within: np.ndarray, date, condition):
    """Copy the latest inspection's condition and date onto the assets; others stay empty."""
    n = len(layer)
    last = within == 0
    cond = np.zeros(n, dtype=np.int64)
    when = np.full(n, FIRST_DAY)
    seen = np.zeros(n, dtype=bool)
    cond[asset[last]] = condition[last]
    when[asset[last]] = date[last]
    seen[asset[last]] = True
    layer.columns["condition"] = pa.array(cond, mask=~seen)
    layer.columns["last_inspected"] = pa.array(when, mask=~seen, type=pa.date32())


def build_inspections(plan: CityPlan, layers: list[LayerData], catalog: Catalog) -> LayerData:
    """The inspections table for ``layers``; also fills their condition and last_inspected."""
    rng = plan.rng("inspections")
    parts = []
    for layer in layers:
        policy = POLICIES[layer.name]
        template = catalog.layers[layer.name].inspection
        interval = (template.interval_months if template else 12) * 30.44
        years = np.asarray(layer.columns["install_year"])
        asset, within, date, condition = _rows(rng, years, policy, interval)
        _latest_state(layer, asset, within, date, condition)
        inspectors = np.asarray(INSPECTORS[policy.department])
        parts.append({
            "asset_uuid": layer.columns["uuid"].take(pa.array(asset)),
            "asset_layer": pa.array(np.full(len(asset), layer.name)),
            "inspected_on": date,
            "inspector": pa.array(inspectors[rng.integers(0, len(inspectors), len(asset))]),
            "condition": condition,
            "defects": _defects(rng, condition, policy.defects),
            "next_due": date + np.int64(round(interval)),
        })
    return _table(rng, parts)


def _table(rng: np.random.Generator, parts: list[dict]) -> LayerData:
    """One table of all layers' inspections in date order, like an inspection journal."""
    cols = {k: (pa.concat_arrays([p[k] for p in parts]) if isinstance(parts[0][k], pa.Array)
                else np.concatenate([p[k] for p in parts])) for k in parts[0]}
    order = np.argsort(cols["inspected_on"], kind="stable")
    cols = {k: (v.take(pa.array(order)) if isinstance(v, pa.Array) else v[order])
            for k, v in cols.items()}
    n = len(order)
    uuid = uuid4_strings(rng, n)
    poor = cols["condition"] <= 2
    note_pick = rng.integers(0, len(INSPECTION_NOTES), n)
    notes = np.where(poor & (rng.random(n) < 0.5), np.asarray(INSPECTION_NOTES)[note_pick], None)
    photo = pc.binary_join_element_wise("foto/", uuid, ".jpg", "")
    cols["inspected_on"] = pa.array(cols["inspected_on"], type=pa.date32())
    cols["next_due"] = pa.array(cols["next_due"], type=pa.date32())
    cols |= {
        "uuid": uuid,
        "notes": pa.array(notes, type=pa.string()),
        "photos": pc.if_else(pa.array(poor), photo, pa.nulls(n, pa.string())),
    }
    return LayerData("inspections", cols, None)
