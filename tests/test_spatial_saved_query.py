"""Saved queries round-trip through plain data and re-run to the same answer."""

from __future__ import annotations

import json

import geopandas as gpd
import pytest
from shapely.geometry import LineString, box

from gisdesk.core.definitions import default_catalog
from gisdesk.core.layer import MapLayer
from gisdesk.query.expression import ExpressionError
from gisdesk.query.saved import SavedQuery

X0, Y0 = 506_000.0, 60_000.0


@pytest.fixture
def layers():
    catalog = default_catalog()
    mains = gpd.GeoDataFrame(
        {"asset_id": ["M1", "M2"], "condition": [2, 4]},
        geometry=gpd.GeoSeries([LineString([(0, 0), (200, 0)]), LineString([(0, 100), (200, 100)])]
                               ).translate(X0, Y0).tolist(), crs="EPSG:32651")
    homes = gpd.GeoDataFrame(
        {"asset_id": ["B1", "B2", "B3"], "floors": [1, 3, 2]},
        geometry=gpd.GeoSeries([box(50, 20, 60, 30), box(100, 60, 110, 70), box(10, 80, 20, 90)]
                               ).translate(X0, Y0).tolist(), crs="EPSG:32651")
    return {"water_mains": MapLayer("water_mains", mains, catalog.layers["water_mains"]),
            "buildings": MapLayer("buildings", homes, catalog.layers["buildings"])}, catalog


def test_spatial_saved_query_round_trips_and_reruns(layers):
    loaded, catalog = layers
    query = SavedQuery("near poor mains", "buildings", where='"floors" >= 1',
                       near_layer="water_mains", near_where="\"condition\" = 'Poor'",
                       distance=50)
    again = SavedQuery.from_dict(json.loads(json.dumps(query.to_dict())))
    assert again == query
    assert again.run(loaded, catalog).tolist() == [True, False, False]
    wider = SavedQuery("all mains", "buildings", near_layer="water_mains", distance=25)
    assert wider.run(loaded, catalog).tolist() == [True, False, True]


def test_spatial_saved_query_rejects_bad_input(layers):
    loaded, catalog = layers
    with pytest.raises(ExpressionError, match="Unterminated string"):
        SavedQuery("bad", "buildings", where="'oops")
    with pytest.raises(ValueError, match="unknown relation 'touches'"):
        SavedQuery("bad", "buildings", relation="touches")
    with pytest.raises(KeyError, match="needs layer 'roads'"):
        SavedQuery("q", "roads").run(loaded, catalog)
    with pytest.raises(ValueError, match="newer than this GIS Desk"):
        SavedQuery.from_dict({"schema_version": 99, "name": "q", "layer": "buildings"})
