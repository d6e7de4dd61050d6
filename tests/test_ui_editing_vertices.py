"""Vertex arithmetic of the vertex tool (no Qt): rings stay closed, inserts land on segments."""

from __future__ import annotations

import shapely

from gisdesk.ui.editing import vertices

SQUARE = shapely.Polygon([(0, 0), (10, 0), (10, 10), (0, 10)])


def test_ui_editing_vertices_move_first_polygon_vertex_keeps_ring_closed() -> None:
    ref, dist = vertices.nearest_vertex(SQUARE, 0.5, -0.5)
    assert (ref.index, round(dist, 3)) == (0, 0.707)
    moved = vertices.move_vertex(SQUARE, ref, -2, -2)
    assert moved.is_valid and moved.exterior.coords[0] == moved.exterior.coords[-1] == (-2, -2)


def test_ui_editing_vertices_insert_on_nearest_segment() -> None:
    line = shapely.LineString([(0, 0), (10, 0), (10, 10)])
    new, ref = vertices.insert_vertex(line, 10.5, 4)
    assert list(new.coords) == [(0, 0), (10, 0), (10, 4), (10, 10)] and ref.index == 2
    poly, _ = vertices.insert_vertex(SQUARE, 5, 10.2)  # closing segment side of the top edge
    assert len(poly.exterior.coords) == 6 and poly.area == SQUARE.area


def test_ui_editing_vertices_delete_down_to_a_degenerate_line() -> None:
    line = shapely.LineString([(0, 0), (10, 0)])
    ref, _ = vertices.nearest_vertex(line, 9, 0)
    one = vertices.delete_vertex(line, ref)
    assert one.geom_type == "LineString" and len(set(one.coords)) == 1  # the core refuses it
    multi = shapely.MultiLineString([[(0, 0), (1, 0), (2, 0)], [(5, 5), (6, 6)]])
    ref, _ = vertices.nearest_vertex(multi, 1, 0.1)
    assert vertices.delete_vertex(multi, ref).geoms[0].coords[:] == [(0, 0), (2, 0)]
