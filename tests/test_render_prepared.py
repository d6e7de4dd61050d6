"""Prepared geometry: the ragged-array path gives exactly what the part-by-part path gives."""

from __future__ import annotations

import numpy as np
import pytest
import shapely

from gisdesk.io.readers import read_layer
from gisdesk.ui.render import prepared
from gisdesk.ui.render.prepared import PreparedLayer, prepare

HOLED = shapely.Polygon([(0, 0), (4, 0), (4, 4), (0, 4)], [[(1, 1), (1, 2), (2, 2), (1, 1)]])
CASES = {
    "polygons": [shapely.box(0, 0, 1, 1), None, shapely.Polygon(),
                 shapely.MultiPolygon([shapely.box(2, 2, 3, 3), HOLED]), HOLED],
    "points": [shapely.Point(1, 2), None, shapely.Point(), shapely.Point(3, 4)],
    "multipoints": [shapely.Point(1, 2), None, shapely.MultiPoint([(5, 5), (6, 6)])],
    "lines": [shapely.LineString([(0, 0), (1, 1)]), None, shapely.LineString(),
              shapely.MultiLineString([[(0, 0), (2, 2), (3, 1)], [(5, 5), (6, 6)]])],
    "mixed": [shapely.Point(0, 0), shapely.box(0, 0, 1, 1), shapely.LineString([(0, 0), (1, 0)])],
    "missing": [None, None],
}


def _part_by_part(geometries) -> PreparedLayer:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(prepared, "_prepare_ragged", _refuse)
        return prepare(geometries)


def _refuse(_geometries):
    raise ValueError("forced")


def _assert_same(a: PreparedLayer, b: PreparedLayer) -> None:
    for family in ("polygons", "lines"):
        ra, rb = getattr(a, family), getattr(b, family)
        assert (ra is None) == (rb is None), family
        if ra is None:
            continue
        for name in ("xy", "starts", "feature", "bbox"):
            assert np.array_equal(getattr(ra, name), getattr(rb, name)), (family, name)
        assert (ra.hole is None) == (rb.hole is None)
        if ra.hole is not None:
            assert np.array_equal(ra.hole, rb.hole)
    assert np.array_equal(a.points_xy, b.points_xy)
    assert np.array_equal(a.points_feature, b.points_feature)


@pytest.mark.parametrize("case", sorted(CASES))
def test_prepare_ragged_matches_part_by_part(case):
    geometries = np.array(CASES[case], dtype=object)
    fast, slow = prepare(geometries), _part_by_part(geometries)
    _assert_same(fast, slow)


def test_prepare_polygon_holes_and_owners():
    got = prepare(np.array(CASES["polygons"], dtype=object)).polygons
    # box, box(2,2), holed exterior + hole, holed exterior + hole: rows 0, 3, 3, 3, 4, 4
    assert got.feature.tolist() == [0, 3, 3, 3, 4, 4]
    assert got.hole.tolist() == [False, False, False, True, False, True]


@pytest.mark.parametrize("name", ["districts", "roads", "valves"])
def test_prepare_real_layers_match(city_gpkg, name):
    geometries = read_layer(city_gpkg, name).frame.geometry.array
    _assert_same(prepare(geometries), _part_by_part(geometries))
