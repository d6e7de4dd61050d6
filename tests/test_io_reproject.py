"""Reprojection into the project CRS, data without a CRS, and setting a CRS later."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
import shapely

from gisdesk.io.readers import read_layer
from gisdesk.io.reproject import assign_crs, crs_to_string, no_crs_problem, transform_bbox

LONLAT = [(123.0590, 0.5412), (123.0641, 0.5437), (123.0702, 0.5391), (122.98, 0.61)]


def _frame(crs: str | None) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {"asset_id": [f"H-{i}" for i in range(len(LONLAT))]},
        geometry=[shapely.Point(x, y) for x, y in LONLAT],
        crs=crs,
    )


def test_io_reproject_wgs84_lands_within_a_metre_of_utm_twin(tmp_path: Path):
    wgs = _frame("EPSG:4326")
    wgs.to_file(tmp_path / "hydrants.gpkg", layer="hydrants", engine="pyogrio")
    wgs.to_crs("EPSG:32651").to_file(tmp_path / "hydrants_utm.shp", engine="pyogrio")
    from_wgs = read_layer(tmp_path / "hydrants.gpkg")
    from_utm = read_layer(tmp_path / "hydrants_utm.shp")
    assert from_wgs.source_crs == "EPSG:4326"
    assert from_utm.source_crs == "EPSG:32651"
    distances = from_wgs.frame.geometry.distance(from_utm.frame.geometry, align=False)
    assert float(distances.max()) < 1.0
    # and the UTM coordinates really moved: they are not lon/lat any more
    assert float(from_wgs.frame.geometry.x.min()) > 400_000


def test_io_reproject_other_target_crs(tmp_path: Path):
    _frame("EPSG:4326").to_file(tmp_path / "h.geojson", engine="pyogrio")
    layer = read_layer(tmp_path / "h.geojson", target_crs="EPSG:23845")  # DGN95 / TM-3 50.1
    assert layer.frame.crs.to_epsg() == 23845
    assert layer.source_crs == "EPSG:4326"


def test_io_reproject_no_crs_is_flagged_and_not_moved(tmp_path: Path):
    frame = _frame(None)
    frame.to_file(tmp_path / "noprj.shp", engine="pyogrio")
    assert not (tmp_path / "noprj.prj").exists()
    layer = read_layer(tmp_path / "noprj.shp")
    assert layer.source_crs is None
    assert layer.frame.crs is None
    assert no_crs_problem() in layer.problems
    np.testing.assert_allclose(layer.frame.geometry.x, [p[0] for p in LONLAT])


def test_io_reproject_assign_crs_places_the_layer(tmp_path: Path):
    _frame(None).to_file(tmp_path / "noprj.shp", engine="pyogrio")
    layer = read_layer(tmp_path / "noprj.shp")
    events = []
    layer.changed.connect(events.append)
    assign_crs(layer, "EPSG:4326", "EPSG:32651")
    assert layer.source_crs == "EPSG:4326"
    assert layer.frame.crs.to_epsg() == 32651
    assert no_crs_problem() not in layer.problems
    assert layer.version == 1 and events == [layer]
    twin = _frame("EPSG:4326").to_crs("EPSG:32651")
    assert float(layer.frame.geometry.distance(twin.geometry, align=False).max()) < 1.0


def test_io_reproject_assign_crs_overrides_a_wrong_crs(tmp_path: Path):
    # Coordinates are lon/lat but the file claims UTM 51N: the user corrects it.
    wrong = _frame(None).set_crs("EPSG:32651")
    wrong.to_file(tmp_path / "wrong.gpkg", engine="pyogrio")
    layer = read_layer(tmp_path / "wrong.gpkg")
    assert float(layer.frame.geometry.x.max()) < 200  # taken as metres: near the origin
    assign_crs(layer, "4326")
    assert float(layer.frame.geometry.x.min()) > 400_000
    assert layer.source_crs == "EPSG:4326"


def test_io_reproject_assign_crs_rejects_nonsense(tmp_path: Path):
    _frame(None).to_file(tmp_path / "noprj.shp", engine="pyogrio")
    layer = read_layer(tmp_path / "noprj.shp")
    with pytest.raises(ValueError, match="not-a-crs"):
        assign_crs(layer, "not-a-crs")
    assert layer.frame.crs is None


def test_io_reproject_custom_crs_is_kept_as_wkt():
    lcc = (
        "+proj=lcc +lat_1=0.5 +lat_2=1.2 +lat_0=0.8 +lon_0=123 +x_0=100000 +y_0=0 "
        "+ellps=WGS84 +units=m +no_defs"
    )
    text = crs_to_string(lcc)
    assert not text.startswith("EPSG:")
    assert "Lambert" in text or "LCC" in text.upper()
    assert crs_to_string("epsg:4326") == "EPSG:4326"
    assert crs_to_string(None) is None


def test_io_reproject_transform_bbox_covers_the_curved_edges():
    box = (500_000.0, 50_000.0, 520_000.0, 70_000.0)
    lonlat = transform_bbox(box, "EPSG:32651", "EPSG:4326")
    assert 122.9 < lonlat[0] < 123.0 < lonlat[2] < 123.2
    assert 0.4 < lonlat[1] < lonlat[3] < 0.7
    assert transform_bbox(box, "EPSG:32651", "EPSG:32651") == box
