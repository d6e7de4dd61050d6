"""Round trip and error handling of the .gdproj project file with real GeoPackages."""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import pytest
from shapely.geometry import LineString, Point

from gisdesk.core.definitions import default_catalog
from gisdesk.core.layer import DataSource
from gisdesk.core.project import Project
from gisdesk.io.project_file import (
    SCHEMA_VERSION,
    ProjectFileError,
    load_project,
    read_project_file,
    read_source,
    save_project,
)


@pytest.fixture(scope="module")
def catalog():
    return default_catalog()


def _write_gpkg(path: Path) -> None:
    """Two layers in WGS 84 near Gorontalo so the reader must reproject to UTM 51N."""
    roads = gpd.GeoDataFrame(
        {"name": ["Jl. Sudirman", "Jl. Panjaitan"], "road_class": ["ARTERIAL", "LOCAL"]},
        geometry=[
            LineString([(123.05, 0.54), (123.07, 0.55)]),
            LineString([(123.06, 0.53), (123.06, 0.56)]),
        ],
        crs="EPSG:4326",
    )
    hydrants = gpd.GeoDataFrame(
        {"asset_id": ["H-1"]}, geometry=[Point(123.06, 0.545)], crs="EPSG:4326"
    )
    roads.to_file(path, layer="roads", driver="GPKG")
    hydrants.to_file(path, layer="hydrants", driver="GPKG")


def _project_from(gpkg: Path, catalog) -> Project:
    project = Project(catalog=catalog)
    for name in ("roads", "hydrants"):
        project.add_layer(read_source(DataSource(gpkg, name), catalog, project.crs))
    return project


def test_project_file_round_trip_keeps_order_visibility_opacity_extent(tmp_path, catalog):
    data = tmp_path / "data"
    data.mkdir()
    gpkg = data / "city.gpkg"
    _write_gpkg(gpkg)
    project = _project_from(gpkg, catalog)
    project.move_layer("hydrants", 0)
    project.set_visible("roads", False)
    project.set_opacity("hydrants", 0.4)
    project.set_extent((500000.0, 60000.0, 510000.0, 65000.0))

    path = tmp_path / "city.gdproj"
    save_project(project, path)
    loaded, errors = load_project(path, catalog)

    assert errors == []
    assert [lyr.name for lyr in loaded.layers] == ["hydrants", "roads"]
    assert loaded.layer("roads").visible is False
    assert loaded.layer("hydrants").opacity == pytest.approx(0.4)
    assert loaded.extent == (500000.0, 60000.0, 510000.0, 65000.0)
    assert loaded.crs == project.crs
    assert len(loaded.layer("roads").frame) == 2
    # features came back reprojected into the project CRS (UTM metres, not degrees)
    assert loaded.layer("hydrants").frame.geometry.iloc[0].x > 100000
    assert loaded.layer("roads").definition is not None


def test_project_file_stores_relative_paths_and_survives_moving_the_folder(tmp_path, catalog):
    folder = tmp_path / "a"
    folder.mkdir()
    gpkg = folder / "city.gpkg"
    _write_gpkg(gpkg)
    save_project(_project_from(gpkg, catalog), folder / "p.gdproj")
    doc = json.loads((folder / "p.gdproj").read_text(encoding="utf-8"))
    assert doc["schema_version"] == SCHEMA_VERSION
    assert doc["layers"][0]["source"]["path"] == "city.gpkg"

    moved = folder.rename(tmp_path / "b")
    loaded, errors = load_project(moved / "p.gdproj", catalog)
    assert errors == []
    assert len(loaded.layers) == 2


def test_project_file_is_language_independent(tmp_path, catalog):
    gpkg = tmp_path / "city.gpkg"
    _write_gpkg(gpkg)
    save_project(_project_from(gpkg, catalog), tmp_path / "p.gdproj")
    text = (tmp_path / "p.gdproj").read_text(encoding="utf-8")
    assert "Jalan" not in text and "Roads" not in text  # titles come from definitions


def test_project_file_missing_source_is_reported_and_the_rest_opens(tmp_path, catalog):
    gpkg = tmp_path / "city.gpkg"
    _write_gpkg(gpkg)
    save_project(_project_from(gpkg, catalog), tmp_path / "p.gdproj")
    doc = json.loads((tmp_path / "p.gdproj").read_text(encoding="utf-8"))
    doc["layers"][0]["source"]["path"] = "gone.gpkg"
    (tmp_path / "p.gdproj").write_text(json.dumps(doc), encoding="utf-8")

    loaded, errors = load_project(tmp_path / "p.gdproj", catalog)
    assert [lyr.name for lyr in loaded.layers] == ["hydrants"]
    assert len(errors) == 1 and "gone.gpkg" in errors[0] and "roads" in errors[0]


def test_project_file_migrates_version_0(tmp_path):
    old = {
        "schema_version": 0,
        "crs": "EPSG:32651",
        "layers": [{"name": "roads", "path": "city.gpkg", "sublayer": "roads", "visible": False}],
    }
    (tmp_path / "old.gdproj").write_text(json.dumps(old), encoding="utf-8")
    spec = read_project_file(tmp_path / "old.gdproj")
    assert spec.layers[0].source == DataSource((tmp_path / "city.gpkg").resolve(), "roads")
    assert spec.layers[0].visible is False


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not a GIS Desk project file"),
        ('{"schema_version": 99, "layers": []}', "newer GIS Desk"),
        ('{"schema_version": 1, "layers": [{"name": "x"}]}', "layers[0]"),
        ('{"schema_version": 1, "extent": [1, 2], "layers": []}', "extent"),
        ('{"format": "qgis", "layers": []}', "not a GIS Desk project file"),
    ],
)
def test_project_file_bad_content_names_file_and_problem(tmp_path, content, message):
    path = tmp_path / "bad.gdproj"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ProjectFileError) as info:
        read_project_file(path)
    assert str(path) in str(info.value)
    assert message in str(info.value)
