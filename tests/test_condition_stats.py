"""Condition counts per layer and per kelurahan, checked against hand-counted layouts."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pyogrio
import pytest
import shapely

from gisdesk.core.condition_stats import (
    condition_by_district,
    condition_codes,
    condition_counts,
    missing_condition,
)
from gisdesk.core.definitions import default_catalog
from gisdesk.io.readers import read_layer

CRS = "EPSG:32651"


@pytest.fixture
def city(tmp_path):
    """Two kelurahan side by side, five lights and two mains written to a real GeoPackage."""
    path = tmp_path / "city.gpkg"
    districts = gpd.GeoDataFrame(
        {"name": ["Ipilo", "Limba B"]},
        geometry=[shapely.box(0, 0, 100, 100), shapely.box(100, 0, 200, 100)], crs=CRS)
    lights = gpd.GeoDataFrame(
        {"asset_id": list("abcdef"), "condition": [1, 2, 2, 5, None, 3]},
        geometry=[shapely.Point(10, 10), shapely.Point(20, 20), shapely.Point(150, 50),
                  shapely.Point(160, 60), shapely.Point(170, 70), shapely.Point(500, 500)],
        crs=CRS)
    mains = gpd.GeoDataFrame(  # crosses the boundary: counted once, where its middle lies
        {"asset_id": ["m1"], "condition": [4]},
        geometry=[shapely.LineString([(90, 50), (140, 50)])], crs=CRS)
    pyogrio.write_dataframe(districts, path, layer="districts")
    pyogrio.write_dataframe(lights, path, layer="streetlights")
    pyogrio.write_dataframe(mains, path, layer="water_mains")
    catalog = default_catalog()
    return {name: read_layer(path, name, target_crs=CRS, catalog=catalog)
            for name in ("districts", "streetlights", "water_mains")}


def test_condition_stats_counts_per_layer(city):
    counts = condition_counts(city["streetlights"])
    assert counts.to_dict() == {1: 1, 2: 2, 3: 1, 4: 0, 5: 1}
    assert missing_condition(city["streetlights"]) == 1


def test_condition_stats_per_district_places_each_asset_once(city):
    table = condition_by_district(city["streetlights"], city["districts"])
    assert table.loc["Ipilo"].tolist() == [1, 1, 0, 0, 0]
    assert table.loc["Limba B"].tolist() == [0, 1, 0, 0, 1]
    outside = [i for i in table.index if i not in ("Ipilo", "Limba B")]
    assert len(outside) == 1 and table.loc[outside[0]].tolist() == [0, 0, 1, 0, 0]
    assert int(table.to_numpy().sum()) == int(condition_counts(city["streetlights"]).sum())


def test_condition_stats_line_counted_in_one_district(city):
    table = condition_by_district(city["water_mains"], city["districts"])
    assert list(table.index) == ["Ipilo", "Limba B"]
    assert int(table[4].sum()) == 1


def test_condition_stats_missing_name_field_named(city):
    with pytest.raises(KeyError, match=r"districts.*kelurahan_name"):
        condition_by_district(city["streetlights"], city["districts"], "kelurahan_name")


def test_condition_stats_codes_from_domain():
    assert condition_codes(default_catalog()) == [1, 2, 3, 4, 5]
    assert np.array_equal(condition_codes(None), [1, 2, 3, 4, 5])
