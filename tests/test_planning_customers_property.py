"""Customers cut off per main, all at once, equal valve isolation main by main (random grids)."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st

from gisdesk.network.graph import build_network
from gisdesk.network.isolation import isolate, serving_mains, source_nodes
from gisdesk.planning.customers import customers_cut_off

SIZE = 5  # 5 x 5 grid of junctions, 100 m apart


@st.composite
def networks(draw):
    cells = [(x, y) for x in range(SIZE) for y in range(SIZE)]
    segments = [((x, y), (x + 1, y)) for x, y in cells if x + 1 < SIZE]
    segments += [((x, y), (x, y + 1)) for x, y in cells if y + 1 < SIZE]
    keep = draw(st.lists(st.booleans(), min_size=len(segments), max_size=len(segments)))
    chosen = [s for s, k in zip(segments, keep, strict=True) if k]
    if not chosen:
        chosen = segments[:1]
    valve_at = draw(st.lists(st.booleans(), min_size=len(cells), max_size=len(cells)))
    houses = draw(st.lists(st.tuples(st.floats(0, 400), st.floats(0, 400)),
                           min_size=1, max_size=30))
    return chosen, [c for c, v in zip(cells, valve_at, strict=True) if v], houses


@settings(max_examples=40, deadline=None)
@given(networks())
def test_planning_customers_equal_isolation_per_main(data):
    segments, valve_cells, houses = data
    crs = "EPSG:32651"
    mains = gpd.GeoDataFrame(geometry=[shapely.LineString([(a[0] * 100, a[1] * 100),
                                                          (b[0] * 100, b[1] * 100)])
                                       for a, b in segments], crs=crs)
    valves = gpd.GeoDataFrame(geometry=[shapely.Point(x * 100, y * 100)
                                        for x, y in valve_cells], crs=crs)
    buildings = gpd.GeoDataFrame(geometry=[shapely.Point(x + 0.37, y + 0.21)
                                           for x, y in houses], crs=crs)
    net = build_network(mains, valves=valves if len(valves) else None)
    feeds = source_nodes(net, None, None)
    served = serving_mains(net, buildings)
    fast = customers_cut_off(net, feeds, served)
    for pos, geom in enumerate(mains.geometry):
        mid = geom.interpolate(0.5, normalized=True)
        slow = isolate(net, mid.x, mid.y, feeds, served, buildings.index.to_numpy())
        assert slow.broken_main == pos
        assert fast[pos] == len(slow.affected_buildings), pos
    assert np.all(fast >= 0)
