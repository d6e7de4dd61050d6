"""features_at / features_in_rect on small hand-made layers whose answers can be checked by eye."""

import geopandas as gpd
import numpy as np
from shapely.geometry import LineString, Point, Polygon, box

from gisdesk.core.layer import MapLayer
from gisdesk.core.selection import features_at, features_in_rect


def _layer(geoms, name="test"):
    return MapLayer(name, gpd.GeoDataFrame({"n": range(len(geoms))}, geometry=geoms,
                                           crs="EPSG:32651"))


def test_selection_points_within_tolerance_nearest_first():
    # rows: 0 at (0,0), 1 at (3,0), 2 at (10,0), 3 at (1,0)
    layer = _layer([Point(0, 0), Point(3, 0), Point(10, 0), Point(1, 0)])
    assert features_at(layer, 0.9, 0, 2.5).tolist() == [3, 0, 1]
    assert features_at(layer, 10, 0, 0.5).tolist() == [2]
    assert features_at(layer, 50, 50, 5).tolist() == []


def test_selection_lines_within_tolerance():
    layer = _layer([LineString([(0, 0), (10, 0)]), LineString([(0, 5), (10, 5)])])
    assert features_at(layer, 5, 1, 2).tolist() == [0]
    assert features_at(layer, 5, 3, 3.5).tolist() == [1, 0]  # 2 m from row 1, 3 m from row 0
    assert features_at(layer, 5, 2.5, 1).tolist() == []


def test_selection_polygons_need_containment_not_tolerance():
    outer = box(0, 0, 10, 10)
    inner = box(2, 2, 4, 4)
    layer = _layer([outer, inner, box(20, 0, 30, 10)])
    # inside both: the smaller (inner) polygon first
    assert features_at(layer, 3, 3, 5).tolist() == [1, 0]
    # 1 m outside the outer box: tolerance does not apply to polygons
    assert features_at(layer, 11, 5, 5).tolist() == []
    # on the boundary counts as inside
    assert features_at(layer, 10, 5, 0).tolist() == [0]


def test_selection_polygon_with_hole_excludes_hole():
    ring = Polygon([(0, 0), (10, 0), (10, 10), (0, 10)], [[(3, 3), (7, 3), (7, 7), (3, 7)]])
    layer = _layer([ring])
    assert features_at(layer, 5, 5, 1).tolist() == []
    assert features_at(layer, 1, 1, 1).tolist() == [0]


def test_selection_rect_intersects_any_geometry_kind():
    layer = _layer([Point(1, 1), LineString([(5, -5), (5, 5)]), box(8, 8, 9, 9), Point(20, 20)])
    assert features_in_rect(layer, (0, 0, 6, 6)).tolist() == [0, 1]
    assert features_in_rect(layer, (6, 6, 0, 0)).tolist() == [0, 1]  # corners in any order
    assert features_in_rect(layer, (8.5, 8.5, 30, 30)).tolist() == [2, 3]


def test_selection_skips_missing_geometries_and_empty_layers():
    layer = _layer([None, Point(0, 0), Point()])
    assert features_at(layer, 0, 0, 1).tolist() == [1]
    assert features_in_rect(layer, (-1, -1, 1, 1)).tolist() == [1]
    empty = _layer([])
    assert features_at(empty, 0, 0, 1).dtype == np.intp
    assert features_at(empty, 0, 0, 1).size == 0


def test_selection_tree_rebuilt_after_layer_touch():
    layer = _layer([Point(0, 0)])
    assert features_at(layer, 0, 0, 1).tolist() == [0]
    layer.frame.loc[0, "geometry"] = Point(100, 100)
    layer.touch()
    assert features_at(layer, 0, 0, 1).tolist() == []
    assert features_at(layer, 100, 100, 1).tolist() == [0]
    layer.frame = layer.frame.iloc[[0, 0]].reset_index(drop=True)  # new frame, same version
    assert features_at(layer, 100, 100, 1).tolist() == [0, 1]
