"""Generate the whole sample city into one GeoPackage."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from gisdesk.core.definitions import Catalog, default_catalog
from gisdesk.sampledata.buildings import build_buildings
from gisdesk.sampledata.districts import build_districts, district_layer
from gisdesk.sampledata.drains import build_drains
from gisdesk.sampledata.geography import Geography
from gisdesk.sampledata.inspections import build_inspections
from gisdesk.sampledata.lights import build_streetlights
from gisdesk.sampledata.plan import DEFAULT_SEED, CityPlan
from gisdesk.sampledata.roads import road_layer
from gisdesk.sampledata.streets import build_streets
from gisdesk.sampledata.water import build_water
from gisdesk.sampledata.writer import LayerData, SampleDataError, write_layer

Progress = Callable[[str, int, float], None]
"""Called after each layer is written with (layer name, feature count, seconds)."""

LAYER_ORDER = ("districts", "roads", "buildings", "water_mains", "valves", "hydrants", "drains",
               "manholes", "streetlights", "inspections")


def default_file_name(scale: float) -> str:
    """``gorontalo_sample.gpkg`` for scale 1, ``gorontalo_scale<N>.gpkg`` otherwise."""
    return "gorontalo_sample.gpkg" if scale == 1 else f"gorontalo_scale{scale:g}.gpkg"


def build_layers(plan: CityPlan, catalog: Catalog) -> dict[str, LayerData]:
    """Every layer of the city in memory, keyed by definition name."""
    geo = Geography(plan)
    streets = build_streets(plan, geo)
    districts = build_districts(plan, geo)
    buildings, kelurahan = build_buildings(plan, geo, streets, districts)
    water = build_water(plan, streets)
    drains, manholes = build_drains(plan, geo, streets)
    assets = [road_layer(plan, geo, streets), buildings, water.mains, water.valves, water.hydrants,
              drains, manholes, build_streetlights(plan, streets)]
    inspections = build_inspections(plan, assets, catalog)
    floors = np.asarray(buildings.columns["floors"])
    homes = np.asarray(buildings.columns["building_use"]) == "RESIDENTIAL"
    residents = np.bincount(kelurahan, weights=np.where(homes, 4.2 * floors, 0.0),
                            minlength=len(districts.names))
    layers = {layer.name: layer for layer in assets}
    layers["districts"] = district_layer(plan, districts, np.round(residents).astype(np.int64))
    layers["inspections"] = inspections
    return {name: layers[name] for name in LAYER_ORDER}


def generate_city(
    out_path: Path | str,
    scale: float = 1.0,
    seed: int = DEFAULT_SEED,
    progress: Progress | None = None,
    catalog: Catalog | None = None,
) -> Path:
    """Write a seeded Gorontalo-like city to the GeoPackage ``out_path`` (replacing it).

    The same ``seed`` and ``scale`` always give the same features and attribute values.

    Raises
    ------
    SampleDataError
        When the layer definitions lack a layer the generator makes, or a generated value
        breaks its definition (naming layer, field and feature).
    """
    catalog = catalog or default_catalog()
    missing = [name for name in LAYER_ORDER if name not in catalog.layers]
    if missing:
        raise SampleDataError(f"layer definitions missing for: {', '.join(missing)}")
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    plan = CityPlan(scale=scale, seed=seed)
    started = time.perf_counter()
    layers = build_layers(plan, catalog)
    if progress:
        progress("(generated in memory)", sum(len(d) for d in layers.values()),
                 time.perf_counter() - started)
    tmp = out.with_name(f"{out.stem}.incomplete{out.suffix or '.gpkg'}")
    tmp.unlink(missing_ok=True)
    try:
        for name, data in layers.items():
            t0 = time.perf_counter()
            write_layer(tmp, data, catalog.layers[name], catalog)
            if progress:
                progress(name, len(data), time.perf_counter() - t0)
    except BaseException:
        tmp.unlink(missing_ok=True)  # never leave half a city behind
        raise
    tmp.replace(out)
    return out
