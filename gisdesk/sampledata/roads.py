"""Attributes of the roads layer: class, surface, width, lanes, names."""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from gisdesk.sampledata.common import asset_columns, pick, years_between
from gisdesk.sampledata.plan import CityPlan
from gisdesk.sampledata.streets import ARTERIAL, COLLECTOR, ROAD_CLASSES, StreetNetwork
from gisdesk.sampledata.writer import LayerData


def road_layer(plan: CityPlan, streets: StreetNetwork) -> LayerData:
    """One road feature per street segment between junctions."""
    rng = plan.rng("roads")
    cls = streets.road_class
    n = len(cls)
    surface = np.where(
        cls == ARTERIAL, "ASPHALT",
        np.where(cls == COLLECTOR, pick(rng, ("ASPHALT", "CONCRETE"), (4, 1), n),
                 pick(rng, ("ASPHALT", "CONCRETE", "PAVING", "GRAVEL", "EARTH"),
                      (4, 3, 2, 1, 1), n)),
    )
    lanes = np.where(cls == ARTERIAL, pick(rng, (2, 4, 4, 6), (1, 2, 2, 1), n),
                     np.where(cls == COLLECTOR, 2, pick(rng, (1, 2), (1, 3), n)))
    columns = asset_columns(rng, n, "JLN-", "PUPR", years_between(rng, 1970, 2025, n))
    columns |= {
        "name": pa.array(streets.names(), type=pa.string()),
        "road_class": pa.array(np.asarray(ROAD_CLASSES)[cls]),
        "surface": pa.array(surface),
        "width_m": streets.half_width * 2,
        "lanes": lanes.astype(np.int64),
    }
    return LayerData("roads", columns, streets.geometry)
