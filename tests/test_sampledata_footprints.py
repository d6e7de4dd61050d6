"""Footprints face the street: front wall at the setback, right size, L-shapes smaller."""

from __future__ import annotations

import numpy as np
import shapely

from gisdesk.sampledata.footprints import footprints


def _one(l_shaped: bool) -> shapely.Polygon:
    angle = np.deg2rad(30)
    tangent = np.array([[np.cos(angle), np.sin(angle)]])
    normal = np.array([[-np.sin(angle), np.cos(angle)]])
    return footprints(
        base=np.array([[1000.0, 2000.0]]), tangent=tangent, normal=normal,
        width=np.array([10.0]), depth=np.array([12.0]), setback=np.array([4.0]),
        l_shaped=np.array([l_shaped]), rng=np.random.default_rng(0),
    )[0]


def test_sampledata_footprint_rectangle_size_and_setback() -> None:
    poly = _one(False)
    along = 50 * np.array([np.cos(np.deg2rad(30)), np.sin(np.deg2rad(30))])
    street = shapely.LineString([np.array([1000.0, 2000.0]) - along,
                                 np.array([1000.0, 2000.0]) + along])
    corners = shapely.points(np.asarray(poly.exterior.coords))
    assert poly.is_valid
    assert np.isclose(poly.area, 120.0)
    assert np.isclose(poly.distance(street), 4.0)
    assert np.isclose(shapely.distance(corners, street).max(), 16.0)


def test_sampledata_footprint_l_shape_loses_rear_corner() -> None:
    poly = _one(True)
    assert poly.is_valid
    assert len(poly.exterior.coords) == 7
    assert 0.4 * 120 < poly.area < 120
    assert shapely.contains(_one(False), poly)
