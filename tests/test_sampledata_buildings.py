"""Building footprints stand beside the streets without overlapping roads or each other."""

from __future__ import annotations

from pathlib import Path

import pyogrio
import pytest
import shapely

from gisdesk.sampledata import generate_city


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate_city(tmp_path_factory.mktemp("bld") / "bld.gpkg", scale=0.15, seed=8)


def test_sampledata_buildings_do_not_overlap_roads(city: Path) -> None:
    roads = pyogrio.read_dataframe(city, layer="roads", use_arrow=True)
    buildings = pyogrio.read_dataframe(city, layer="buildings", use_arrow=True)
    surfaces = roads.geometry.buffer(roads["width_m"] / 2, cap_style="flat")
    hits = shapely.STRtree(surfaces.values).query(buildings.geometry.values,
                                                  predicate="intersects")
    assert hits.shape[1] == 0


def test_sampledata_buildings_do_not_overlap_each_other(city: Path) -> None:
    geoms = pyogrio.read_dataframe(city, layer="buildings", use_arrow=True).geometry.values
    pairs = shapely.STRtree(geoms).query(geoms, predicate="intersects")
    assert (pairs[0] == pairs[1]).all()


def test_sampledata_buildings_inside_kelurahan(city: Path) -> None:
    districts = pyogrio.read_dataframe(city, layer="districts", use_arrow=True)
    buildings = pyogrio.read_dataframe(city, layer="buildings", use_arrow=True)
    land = shapely.union_all(districts.geometry.values)
    assert shapely.within(buildings.geometry.centroid.values, land).all()
    assert (districts["population"] > 0).mean() > 0.8


def test_sampledata_buildings_uses_and_shapes(city: Path) -> None:
    b = pyogrio.read_dataframe(city, layer="buildings", use_arrow=True)
    uses = b["building_use"].value_counts()
    assert uses.idxmax() == "RESIDENTIAL"
    assert {"COMMERCIAL", "SCHOOL", "WORSHIP"} <= set(uses.index)
    vertices = shapely.get_num_coordinates(b.geometry.values)
    assert {5, 7} <= set(vertices), "rectangles and L-shapes"
    assert b.geometry.area.between(40, 2500).all()
    assert b["address"].str.match(r"^Jl\. .+ No\. \d+$").all()
    named = b.loc[b["building_use"].isin(["SCHOOL", "HOSPITAL", "GOVERNMENT", "WORSHIP"]), "name"]
    assert named.notna().all()
