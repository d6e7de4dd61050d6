"""Storm drains that flow downhill to the bay, and manholes at their junctions.

From every street junction the water takes the steepest way down to a neighbouring junction;
junctions with no lower neighbour (the last ones before the coast) get an outfall straight
to the shoreline. The result is a forest of trees, each drain digitised upstream to downstream,
every drain ending where the next begins or on the coast. Drains widen with their catchment.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import shapely

from gisdesk.sampledata.common import asset_columns, pick, years_between
from gisdesk.sampledata.geography import Geography
from gisdesk.sampledata.plan import CityPlan
from gisdesk.sampledata.streets import StreetNetwork
from gisdesk.sampledata.writer import LayerData

OFFSET = np.array([-3.0, -3.0])
"""Drains lie this far (west, south) of the street centreline, on the other side from mains."""

_MAX_OUTFALL_M = 400.0


def _downstream(streets: StreetNetwork, height: np.ndarray):
    """For each junction the lowest lower neighbour and the segment leading to it (-1: none)."""
    n = len(streets.node_xy)
    seg = np.arange(len(streets.u))
    src = np.concatenate([streets.u, streets.v])
    dst = np.concatenate([streets.v, streets.u])
    both = np.concatenate([seg, seg])
    down = height[dst] < height[src]
    src, dst, both = src[down], dst[down], both[down]
    order = np.lexsort((height[dst], src))
    src, dst, both = src[order], dst[order], both[order]
    first = np.ones(len(src), dtype=bool)
    first[1:] = src[1:] != src[:-1]
    target = np.full(n, -1)
    via = np.full(n, -1)
    target[src[first]] = dst[first]
    via[src[first]] = both[first]
    return target, via


def _catchment(target: np.ndarray, height: np.ndarray) -> np.ndarray:
    """Junctions draining through each junction (itself included), summed from the top down."""
    acc = np.ones(len(target), dtype=np.int64)
    for node in np.argsort(-height, kind="stable"):
        if target[node] >= 0:
            acc[target[node]] += acc[node]
    return acc


def _geometry(streets: StreetNetwork, geo: Geography, target, via, nodes):
    """Drain lines from each junction to its target, or an outfall to the coast."""
    xy = streets.node_xy + OFFSET
    lines = np.empty(len(nodes), dtype=object)
    inland = target[nodes] >= 0
    s = via[nodes[inland]]
    coords = streets.coords[s] + OFFSET
    backwards = streets.u[s] != nodes[inland]
    coords[backwards] = coords[backwards, ::-1]
    lines[inland] = shapely.linestrings(coords)
    out = nodes[~inland]
    start = xy[out]
    end = np.column_stack([start[:, 0], geo.coast_y(start[:, 0])])
    if len(out) and (start[:, 1] - end[:, 1]).max() > _MAX_OUTFALL_M:
        raise RuntimeError("a drain sink lies far from the coast; the terrain is inconsistent")
    lines[~inland] = shapely.linestrings(np.stack([start, end], axis=1))
    return lines


def build_drains(plan: CityPlan, geo: Geography, streets: StreetNetwork):
    """The drains and manholes layers."""
    rng = plan.rng("drains")
    xy = streets.node_xy + OFFSET
    height = geo.elevation(xy[:, 0], xy[:, 1])
    target, via = _downstream(streets, height)
    nodes = np.arange(len(xy))
    lines = _geometry(streets, geo, target, via, nodes)
    acc = _catchment(target, height)
    n = len(nodes)
    width = np.round(np.clip(0.4 + 0.12 * np.sqrt(acc) * rng.uniform(0.8, 1.2, n), 0.2, 20), 2)
    depth = np.round(np.clip(0.4 + 0.07 * np.sqrt(acc) * rng.uniform(0.8, 1.2, n), 0.2, 10), 2)
    big = acc >= 40
    dtype = np.where(big, "OPEN", pick(rng, ("OPEN", "CLOSED", "CULVERT"), (6, 3, 1), n))
    material = np.where(
        big, pick(rng, ("MASONRY", "CONCRETE", "EARTH"), (4, 3, 2), n),
        np.where(dtype == "CLOSED", pick(rng, ("CONCRETE", "PVC"), (3, 1), n),
                 pick(rng, ("CONCRETE", "MASONRY", "EARTH"), (5, 4, 1), n)),
    )
    columns = asset_columns(rng, n, "SAL-", "PUPR", years_between(rng, 1975, 2025, n))
    columns |= {"drain_type": pa.array(dtype), "material": pa.array(material),
                "width_m": width, "depth_m": depth}
    drains = LayerData("drains", columns, lines)
    return drains, _manholes(plan, xy, depth)


def _manholes(plan: CityPlan, xy: np.ndarray, drain_depth: np.ndarray) -> LayerData:
    """A manhole at every drain junction, exactly on the drains' shared end point."""
    rng = plan.rng("manholes")
    n = len(xy)
    columns = asset_columns(rng, n, "MH-", "PUPR", years_between(rng, 1975, 2025, n))
    columns |= {
        "depth_m": np.round(np.clip(drain_depth + rng.uniform(0.2, 0.6, n), 0.3, 10), 2),
        "cover_ok": rng.random(n) > 0.07,
    }
    return LayerData("manholes", columns, shapely.points(xy))
