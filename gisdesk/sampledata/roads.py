"""The roads layer: one feature per street between junctions, with class, surface, width, lanes.

The street network is built from lattice segments; where a street merely continues through a
point that is not a junction (a missing side street), its segments are joined into one feature.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import shapely

from gisdesk.network.arrays import components
from gisdesk.sampledata.common import asset_columns, pick, years_between
from gisdesk.sampledata.geography import Geography
from gisdesk.sampledata.graph import node_degree
from gisdesk.sampledata.plan import CityPlan
from gisdesk.sampledata.streets import ARTERIAL, COLLECTOR, ROAD_CLASSES, StreetNetwork
from gisdesk.sampledata.writer import LayerData


def _chain_labels(streets: StreetNetwork) -> np.ndarray:
    """Group label of each segment: segments of one street through non-junctions share it."""
    n_seg = len(streets.u)
    ends = np.concatenate([streets.u, streets.v])
    segs = np.concatenate([np.arange(n_seg), np.arange(n_seg)])
    order = np.argsort(ends, kind="stable")
    ends, segs = ends[order], segs[order]
    degree = node_degree(len(streets.node_xy), streets.u, streets.v)
    through = np.flatnonzero(degree == 2)
    first = np.searchsorted(ends, through)
    a, b = segs[first], segs[first + 1]
    same = streets.line[a] == streets.line[b]
    return components(n_seg, a[same], b[same])


def _merged_geometry(streets: StreetNetwork, labels: np.ndarray):
    """One LineString per group, vertices in street order; returns (lines, first segment)."""
    order = np.lexsort((streets.position, labels))
    lab = labels[order]
    starts = np.r_[True, lab[1:] != lab[:-1]]
    coords = streets.coords[order]
    keep = np.ones(coords.shape[:2], dtype=bool)
    keep[~starts, 0] = False  # the shared junction vertex is already there
    group = np.cumsum(starts) - 1
    flat = coords[keep]
    index = np.repeat(group, keep.sum(axis=1))
    return shapely.linestrings(flat, indices=index), order[starts]


def _surfaces(cls: np.ndarray, built_up: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Main roads are sealed; lanes at the edge of town are often gravel or earth."""
    n = len(cls)
    lanes = ("ASPHALT", "CONCRETE", "PAVING", "GRAVEL", "EARTH")
    town = pick(rng, lanes, (4, 3, 2, 1, 0.5), n)
    edge = pick(rng, lanes, (2, 2, 1, 3, 2), n)
    local = np.where(rng.random(n) < built_up + 0.2, town, edge)
    return np.where(cls == ARTERIAL, "ASPHALT",
                    np.where(cls == COLLECTOR, pick(rng, ("ASPHALT", "CONCRETE"), (4, 1), n),
                             local))


def road_layer(plan: CityPlan, geo: Geography, streets: StreetNetwork) -> LayerData:
    """One road feature per street stretch between junctions."""
    rng = plan.rng("roads")
    lines, first = _merged_geometry(streets, _chain_labels(streets))
    cls = streets.road_class[first]
    n = len(cls)
    mid = streets.coords[first, streets.coords.shape[1] // 2]
    surface = _surfaces(cls, geo.urbanity(mid[:, 0], mid[:, 1]), rng)
    lanes = np.where(cls == ARTERIAL, pick(rng, (2, 4, 4, 6), (1, 2, 2, 1), n),
                     np.where(cls == COLLECTOR, 2, pick(rng, (1, 2), (1, 3), n)))
    columns = asset_columns(rng, n, "JLN-", "PUPR", years_between(rng, 1970, 2025, n))
    columns |= {
        "name": pa.array(streets.names()[first], type=pa.string()),
        "road_class": pa.array(np.asarray(ROAD_CLASSES)[cls]),
        "surface": pa.array(surface),
        "width_m": streets.half_width[first] * 2,
        "lanes": lanes.astype(np.int64),
    }
    return LayerData("roads", columns, lines)
