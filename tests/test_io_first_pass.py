"""The first pass over a big file: what the first map shows, read from metadata alone."""

from __future__ import annotations

import geopandas as gpd
import pyogrio
import pytest

from gisdesk.core.definitions import default_catalog
from gisdesk.io.first_pass import covers, plan_first_pass
from gisdesk.io.readers import open_path

CRS = "EPSG:32651"
NAMES = ("districts", "roads", "valves")


def write_utm_city(city_gpkg, path):
    """The test city stored in the project CRS (as the sample city is)."""
    for name in NAMES:
        gpd.read_file(city_gpkg, layer=name).to_crs(CRS).to_file(path, layer=name, driver="GPKG")
    return path


@pytest.fixture
def utm_city(city_gpkg, tmp_path):
    return write_utm_city(city_gpkg, tmp_path / "utm_city.gpkg")


def _extent(path, name):
    return tuple(float(b) for b in pyogrio.read_info(path, layer=name)["total_bounds"])


def test_first_pass_without_a_view_reads_the_file_extent_and_defers_hidden_layers(utm_city):
    seen: list[tuple] = []

    def scale_of(extent):
        seen.append(extent)
        return 100_000.0  # valves are drawn up to 1:25 000 only

    plan = plan_first_pass(utm_city, target_crs=CRS, catalog=default_catalog(), view=None,
                           scale_of=scale_of)
    names = ("districts", "roads", "valves")
    assert seen == [plan.bbox]
    assert all(covers(plan.bbox, _extent(utm_city, n)) for n in names)
    assert plan.empty == {"valves"}
    assert plan.rest == ["valves"]  # districts and roads are read whole the first time


def test_first_pass_with_a_view_rereads_what_it_cuts(utm_city):
    minx, miny, maxx, maxy = _extent(utm_city, "valves")
    view = (minx - 1, miny - 1, (minx + maxx) / 2, (miny + maxy) / 2)
    plan = plan_first_pass(utm_city, target_crs=CRS, catalog=default_catalog(), view=view,
                           scale_of=lambda _e: 2_000.0)
    assert plan.bbox == view and plan.empty == set()
    assert "valves" in plan.rest  # only part of them is on screen
    assert plan.rest == [n for n in ("districts", "roads", "valves") if n in plan.rest]


def test_open_path_empty_layers_keep_fields_and_a_covering_bbox_reads_all(utm_city):
    whole = open_path(utm_city, target_crs=CRS).layers
    bbox = plan_first_pass(utm_city, target_crs=CRS, catalog=None, view=None,
                           scale_of=lambda _e: 1.0).bbox
    first = open_path(utm_city, target_crs=CRS, bbox=bbox, empty={"valves"})
    assert first.errors == []
    by_name = {lyr.name: lyr for lyr in first.layers}
    assert len(by_name["valves"].frame) == 0
    assert list(by_name["valves"].frame.columns) == list(whole[2].frame.columns)
    assert by_name["valves"].frame.crs == whole[2].frame.crs
    for full in whole[:2]:  # the bbox covers these layers: identical to an unfiltered read
        got = by_name[full.name]
        assert got.frame.equals(full.frame) and got.problems == full.problems


def test_first_pass_rereads_layers_of_another_crs(city_gpkg):
    """The test city is in lon/lat: whether the area covers a layer is only known in the
    file's CRS, so nothing counts as read whole and every layer gets the second pass."""
    plan = plan_first_pass(city_gpkg, target_crs=CRS, catalog=None, view=None,
                           scale_of=lambda _e: 1.0)
    assert plan.empty == set() and plan.rest == list(NAMES)
