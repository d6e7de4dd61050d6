"""features_at / features_in_rect agree with a brute-force shapely scan on random layers."""

import geopandas as gpd
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import LineString, Point, box

from gisdesk.core.layer import MapLayer
from gisdesk.core.selection import features_at, features_in_rect

# Metres on a millimetre grid: hypothesis otherwise finds a point 7e-183 m from the click, whose
# squared distance underflows to 0 in GEOS (distance 0) while its bounding box misses the click.
coord = st.integers(-100_000, 100_000).map(lambda v: v / 1000)


@st.composite
def geometry(draw):
    kind = draw(st.sampled_from(["point", "line", "polygon"]))
    x, y = draw(coord), draw(coord)
    if kind == "point":
        return Point(x, y)
    if kind == "line":
        return LineString([(x, y), (draw(coord), draw(coord))])
    w, h = draw(st.floats(0.5, 40)), draw(st.floats(0.5, 40))
    return box(x, y, x + w, y + h)


@settings(max_examples=60, deadline=None)
@given(st.lists(geometry(), max_size=25), coord, coord, st.floats(0, 30))
def test_selection_features_at_matches_brute_force(geoms, x, y, tol):
    layer = MapLayer("p", gpd.GeoDataFrame(geometry=geoms, crs="EPSG:32651"))
    click = Point(x, y)
    expected = {
        i for i, g in enumerate(geoms)
        if (g.covers(click) if g.geom_type == "Polygon" else g.distance(click) <= tol)
    }
    got = features_at(layer, x, y, tol)
    assert sorted(got.tolist()) == sorted(expected)
    dist = [0.0 if geoms[i].geom_type == "Polygon" else geoms[i].distance(click) for i in got]
    assert dist == sorted(dist)


@settings(max_examples=60, deadline=None)
@given(st.lists(geometry(), max_size=25), coord, coord, coord, coord)
def test_selection_features_in_rect_matches_brute_force(geoms, x0, y0, x1, y1):
    layer = MapLayer("p", gpd.GeoDataFrame(geometry=geoms, crs="EPSG:32651"))
    rect = shapely.box(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
    expected = [i for i, g in enumerate(geoms) if g.intersects(rect)]
    assert features_in_rect(layer, (x0, y0, x1, y1)).tolist() == expected
