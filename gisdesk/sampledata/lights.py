"""Streetlights (PJU) beside the roads: every ~40 m on arterials and collectors, fewer on lanes."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import shapely

from gisdesk.sampledata.common import asset_columns, pick, years_between
from gisdesk.sampledata.plan import CityPlan
from gisdesk.sampledata.streets import ARTERIAL, COLLECTOR, StreetNetwork
from gisdesk.sampledata.writer import LayerData

_SPACING = {ARTERIAL: 40.0, COLLECTOR: 40.0}
_LANE_SPACING = 70.0
_LIT_LANES = 0.3
_WATTS = {"LED": (40, 60, 90, 120), "SODIUM": (150, 250), "MERCURY": (125, 250),
          "SOLAR": (30, 40, 60)}


def _poles(streets: StreetNetwork, rng: np.random.Generator):
    """Segment, distance along it and side of each pole; arterials are lit on both sides."""
    cls = streets.road_class
    length = streets.length
    spacing = np.where(cls == ARTERIAL, _SPACING[ARTERIAL],
                       np.where(cls == COLLECTOR, _SPACING[COLLECTOR], _LANE_SPACING))
    lit = (cls != 2) | (rng.random(len(cls)) < _LIT_LANES)
    count = np.where(lit, np.maximum(np.round(length / spacing), 1), 0).astype(np.int64)
    seg = np.repeat(np.arange(len(cls)), count)
    k = np.arange(count.sum()) - np.repeat(np.cumsum(count) - count, count)
    along = (k + 0.5) * np.repeat(length / np.maximum(count, 1), count)
    side = np.where((cls[seg] == ARTERIAL) & (k % 2 == 1), -1.0, 1.0)
    return seg, along, side


def _beside(streets: StreetNetwork, seg, along, side) -> np.ndarray:
    """Points at the kerb: offset from the centreline by half the road width plus 0.8 m."""
    here, tangent = streets.point_at(seg, along)
    normal = np.column_stack([-tangent[:, 1], tangent[:, 0]]) * side[:, None]
    return here + normal * (streets.half_width[seg] + 0.8)[:, None]


def _off_carriageway(points: np.ndarray, streets: StreetNetwork) -> np.ndarray:
    """Mask of poles not standing on any road (inside a sharp bend they could)."""
    surfaces = shapely.buffer(streets.geometry, streets.half_width, quad_segs=2)
    hit = shapely.STRtree(surfaces).query(points, predicate="intersects")[0]
    keep = np.ones(len(points), dtype=bool)
    keep[hit] = False
    return keep


def build_streetlights(plan: CityPlan, streets: StreetNetwork) -> LayerData:
    """The streetlights layer."""
    rng = plan.rng("streetlights")
    seg, along, side = _poles(streets, rng)
    points = shapely.points(_beside(streets, seg, along, side))
    keep = _off_carriageway(points, streets)
    seg, points = seg[keep], points[keep]
    n = len(seg)
    lamp = pick(rng, ("LED", "SODIUM", "MERCURY", "SOLAR"), (6, 3, 1, 1), n)
    first = {"LED": 2012, "SODIUM": 1990, "MERCURY": 1975, "SOLAR": 2015}
    last = {"LED": 2025, "SODIUM": 2014, "MERCURY": 1998, "SOLAR": 2025}
    year = years_between(rng, np.vectorize(first.get)(lamp), np.vectorize(last.get)(lamp), n)
    watts = np.zeros(n, dtype=np.int64)
    for kind, options in _WATTS.items():
        mask = lamp == kind
        watts[mask] = np.asarray(options)[rng.integers(0, len(options), mask.sum())]
    cls = streets.road_class[seg]
    height = np.where(cls == ARTERIAL, 11.0, np.where(cls == COLLECTOR, 9.0, 6.0))
    columns = asset_columns(rng, n, "PJU-", "DISHUB", year)
    columns |= {
        "lamp_type": pa.array(lamp),
        "wattage": watts,
        "pole_height_m": height + rng.choice([-1.0, 0.0, 1.0], n),
        "status": pa.array(pick(rng, ("WORKING", "FAULTY", "REMOVED"), (90, 8, 2), n)),
    }
    return LayerData("streetlights", columns, points)
