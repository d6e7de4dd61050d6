"""The PDAM water network: mains along the streets, valves at junctions, hydrants on mains.

Mains run a few metres beside the street centreline but reuse the street's junction
coordinates plus one fixed offset, so mains meeting at a junction share bit-identical end
points. Only the largest connected part is kept: the whole network is fed from one system.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import shapely

from gisdesk.sampledata.common import asset_columns, pick, years_between
from gisdesk.sampledata.graph import largest_component_mask, node_degree
from gisdesk.sampledata.plan import CityPlan
from gisdesk.sampledata.streets import ARTERIAL, COLLECTOR, LOCAL, StreetNetwork
from gisdesk.sampledata.writer import LayerData

OFFSET = np.array([3.0, 3.0])
"""Mains lie this far (east, north) of the street centreline."""

_DIAMETERS = {ARTERIAL: ((300, 400, 500), (3, 2, 1)), COLLECTOR: ((150, 200, 250), (3, 3, 1)),
              LOCAL: ((50, 75, 100), (2, 4, 4))}
_MATERIAL_YEARS = {"AC": (1970, 1992), "CI": (1970, 1990), "STEEL": (1975, 2005),
                   "DI": (1990, 2025), "PVC": (1985, 2025), "HDPE": (2002, 2025)}


@dataclass
class WaterNetwork:
    """Mains, valves and hydrants as layers plus the junction nodes the mains join at."""

    mains: LayerData
    valves: LayerData
    hydrants: LayerData


def _materials(cls: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    n = len(cls)
    trunk = pick(rng, ("DI", "STEEL", "CI"), (5, 2, 2), n)
    middle = pick(rng, ("DI", "PVC", "AC", "HDPE"), (3, 4, 2, 2), n)
    small = pick(rng, ("PVC", "HDPE", "AC"), (6, 3, 1), n)
    return np.where(cls == ARTERIAL, trunk, np.where(cls == COLLECTOR, middle, small))


def _line_diameters(streets: StreetNetwork, seg: np.ndarray, rng: np.random.Generator):
    """One diameter per street line, so a pipe keeps its size from junction to junction."""
    n_lines = len(streets.line_names)
    out = np.zeros(len(seg), dtype=np.int64)
    for cls, (sizes, weights) in _DIAMETERS.items():
        per_line = pick(rng, sizes, weights, n_lines)
        mask = streets.road_class[seg] == cls
        out[mask] = per_line[streets.line[seg][mask]]
    return out


def _mains(plan: CityPlan, streets: StreetNetwork, seg: np.ndarray) -> LayerData:
    rng = plan.rng("water-mains")
    cls = streets.road_class[seg]
    material = _materials(cls, rng)
    lo = np.array([_MATERIAL_YEARS[m][0] for m in material])
    hi = np.array([_MATERIAL_YEARS[m][1] for m in material])
    columns = asset_columns(rng, len(seg), "PIPA-", "PDAM", years_between(rng, lo, hi, len(seg)))
    zone = np.where(streets.node_xy[streets.u[seg], 0] < np.median(streets.node_xy[:, 0]),
                    "Zona Barat", "Zona Timur")
    columns |= {
        "material": pa.array(material),
        "diameter_mm": _line_diameters(streets, seg, rng),
        "pressure_zone": pa.array(zone),
    }
    return LayerData("water_mains", columns, shapely.linestrings(streets.coords[seg] + OFFSET))


def _valves(plan: CityPlan, streets: StreetNetwork, seg: np.ndarray, diameter: np.ndarray):
    """Valves exactly on junction nodes (3+ mains), sized to the largest main there."""
    rng = plan.rng("valves")
    n_nodes = len(streets.node_xy)
    u, v = streets.u[seg], streets.v[seg]
    degree = node_degree(n_nodes, u, v)
    biggest = np.zeros(n_nodes, dtype=np.int64)
    np.maximum.at(biggest, u, diameter)
    np.maximum.at(biggest, v, diameter)
    chosen = (degree >= 3) & ((biggest >= 300) | (rng.random(n_nodes) < 0.6))
    nodes = np.flatnonzero(chosen)
    n = len(nodes)
    size = biggest[nodes]
    vtype = np.where(size >= 300, pick(rng, ("BUTTERFLY", "GATE", "AIR"), (5, 3, 1), n),
                     pick(rng, ("GATE", "CHECK", "AIR"), (20, 1, 1), n))
    columns = asset_columns(rng, n, "KTP-", "PDAM", years_between(rng, 1975, 2025, n))
    columns |= {
        "valve_type": pa.array(vtype),
        "diameter_mm": size,
        "status": pa.array(pick(rng, ("OPEN", "CLOSED", "BROKEN"), (93, 3, 4), n)),
    }
    return LayerData("valves", columns, shapely.points(streets.node_xy[nodes] + OFFSET))


def _hydrants(plan: CityPlan, mains: LayerData) -> LayerData:
    """Fire hydrants on mains of 100 mm and more, about one per 200 m of such main."""
    rng = plan.rng("hydrants")
    diameter = np.asarray(mains.columns["diameter_mm"])
    length = shapely.length(mains.geometry)
    chance = np.where(diameter >= 100, np.minimum(length / 200.0, 1.0), 0.0)
    which = np.flatnonzero(rng.random(len(diameter)) < chance)
    n = len(which)
    at = length[which] * rng.uniform(0.25, 0.75, n)
    points = shapely.line_interpolate_point(mains.geometry[which], at)
    columns = asset_columns(rng, n, "HYD-", "PDAM", years_between(rng, 1980, 2025, n))
    flow = np.round(np.clip(diameter[which] / 10.0 + rng.normal(0, 3, n), 5, 60), 1)
    columns |= {
        "hydrant_type": pa.array(pick(rng, ("PILLAR", "UNDERGROUND"), (4, 1), n)),
        "flow_lps": flow,
    }
    return LayerData("hydrants", columns, points)


def build_water(plan: CityPlan, streets: StreetNetwork) -> WaterNetwork:
    """Mains on most streets (some lanes have none), valves and hydrants."""
    rng = plan.rng("water")
    lane = streets.road_class == LOCAL
    seg = np.flatnonzero(~(lane & (rng.random(len(lane)) < 0.15)))
    connected = largest_component_mask(len(streets.node_xy), streets.u[seg], streets.v[seg])
    seg = seg[connected[streets.u[seg]]]
    mains = _mains(plan, streets, seg)
    valves = _valves(plan, streets, seg, np.asarray(mains.columns["diameter_mm"]))
    return WaterNetwork(mains=mains, valves=valves, hydrants=_hydrants(plan, mains))
