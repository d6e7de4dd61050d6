"""Water mains form one connected network with valves on junctions; drains flow to the bay."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import geopandas as gpd
import numpy as np
import pyogrio
import pytest
import shapely

from gisdesk.sampledata import CityPlan, generate_city
from gisdesk.sampledata.geography import Geography

SCALE, SEED = 0.15, 5


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate_city(tmp_path_factory.mktemp("net") / "net.gpkg", scale=SCALE, seed=SEED)


def _read(city: Path, layer: str) -> gpd.GeoDataFrame:
    return pyogrio.read_dataframe(city, layer=layer, use_arrow=True)


def _ends(lines: gpd.GeoSeries) -> tuple[list[tuple[float, float]], list[tuple[float, float]]]:
    first = shapely.get_coordinates(shapely.get_point(lines.values, 0))
    last = shapely.get_coordinates(shapely.get_point(lines.values, -1))
    return [tuple(p) for p in first], [tuple(p) for p in last]


def _find(parent: dict, x):
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def test_sampledata_water_mains_one_connected_component(city: Path) -> None:
    starts, ends = _ends(_read(city, "water_mains").geometry)
    parent = {p: p for p in starts + ends}
    for a, b in zip(starts, ends, strict=True):
        parent[_find(parent, a)] = _find(parent, b)
    roots = {_find(parent, p) for p in parent}
    assert len(starts) > 100
    assert len(roots) == 1


def test_sampledata_mains_meet_at_shared_nodes(city: Path) -> None:
    starts, ends = _ends(_read(city, "water_mains").geometry)
    uses = Counter(starts + ends)
    junctions = [p for p, n in uses.items() if n >= 3]
    assert len(junctions) > 0.3 * len(uses)


def test_sampledata_valves_lie_exactly_on_main_junctions(city: Path) -> None:
    starts, ends = _ends(_read(city, "water_mains").geometry)
    uses = Counter(starts + ends)
    valves = shapely.get_coordinates(_read(city, "valves").geometry.values)
    assert len(valves) > 20
    assert all(uses[tuple(p)] >= 3 for p in valves)


def test_sampledata_hydrants_lie_on_mains(city: Path) -> None:
    mains = _read(city, "water_mains")
    hydrants = _read(city, "hydrants")
    _, dist = mains.sindex.nearest(hydrants.geometry, return_distance=True)
    assert len(hydrants) > 10
    assert dist.max() < 1e-6
    big = mains.sindex.nearest(hydrants.geometry)[1]
    assert (mains["diameter_mm"].to_numpy()[big] >= 100).all()


def test_sampledata_drains_end_at_next_drain_or_coast_outlet(city: Path) -> None:
    drains = _read(city, "drains")
    starts, ends = _ends(drains.geometry)
    start_set = set(starts)
    geo = Geography(CityPlan(scale=SCALE, seed=SEED))
    outlets = np.array([p for p in ends if p not in start_set])
    assert 0 < len(outlets) < len(ends) / 5
    assert np.abs(outlets[:, 1] - geo.coast_y(outlets[:, 0])).max() < 1e-6
    assert len(start_set) == len(starts), "one drain leaves each junction"


def test_sampledata_drains_run_downhill(city: Path) -> None:
    drains = _read(city, "drains")
    geo = Geography(CityPlan(scale=SCALE, seed=SEED))
    first = shapely.get_coordinates(shapely.get_point(drains.geometry.values, 0))
    last = shapely.get_coordinates(shapely.get_point(drains.geometry.values, -1))
    rise = geo.elevation(*first.T) - geo.elevation(*last.T)
    assert (rise > 0).all()


def test_sampledata_drains_widen_downstream(city: Path) -> None:
    drains = _read(city, "drains")
    starts, ends = _ends(drains.geometry)
    by_start = dict(zip(starts, drains["width_m"], strict=True))
    pairs = [(w, by_start[e]) for e, w in zip(ends, drains["width_m"], strict=True)
             if e in by_start]
    up, down = np.array(pairs).T
    assert np.mean(down >= up * 0.8) > 0.9


def test_sampledata_manholes_on_drain_nodes(city: Path) -> None:
    starts, ends = _ends(_read(city, "drains").geometry)
    nodes = set(starts) | set(ends)
    manholes = shapely.get_coordinates(_read(city, "manholes").geometry.values)
    assert all(tuple(p) in nodes for p in manholes)


def test_sampledata_streetlights_beside_roads(city: Path) -> None:
    roads = _read(city, "roads")
    lights = _read(city, "streetlights")
    half = roads["width_m"].to_numpy() / 2
    surface = shapely.STRtree(roads.geometry.buffer(half - 0.01).values)
    kerb = shapely.STRtree(roads.geometry.buffer(half + 1.0).values)
    on_road = surface.query(lights.geometry.values, predicate="intersects")[0]
    near_road = np.unique(kerb.query(lights.geometry.values, predicate="intersects")[0])
    assert len(on_road) == 0, "no pole stands on a carriageway"
    assert len(near_road) == len(lights), "every pole stands within 1 m of a kerb"
    main = roads[roads["road_class"] != "LOCAL"]
    lit_per_km = len(lights) / (main.length.sum() / 1000)
    assert lit_per_km >= 25, "about one light every 40 m on arterials and collectors"


def test_sampledata_roads_split_only_at_junctions(city: Path) -> None:
    roads = _read(city, "roads")
    starts, ends = _ends(roads.geometry)
    names_at: dict[tuple[float, float], list[str]] = {}
    for point, name in zip(starts + ends, list(roads["name"]) * 2, strict=True):
        names_at.setdefault(point, []).append(name)
    pass_through = [names for names in names_at.values() if len(names) == 2]
    assert all(a != b for a, b in pass_through), "a street continues through a non-junction"
    assert sum(len(n) >= 3 for n in names_at.values()) > 0.5 * len(names_at)
