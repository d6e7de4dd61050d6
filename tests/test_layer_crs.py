"""Declaring a layer's CRS in the core (Layer ▸ Set CRS): placed right, or refused unchanged."""

from __future__ import annotations

import warnings
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
import shapely
from _edit_fixtures import ADMIN, open_project, uuids, write_city
from pyproj import Transformer

from gisdesk.core.crs import describe_crs, known_crs, no_crs_problem
from gisdesk.core.definitions import default_catalog
from gisdesk.core.edits import SetAttribute
from gisdesk.core.edits_session import EditSession
from gisdesk.core.project import Project
from gisdesk.io.readers import read_layer

LONLAT = [(123.0590, 0.5412), (123.0641, 0.5437), (123.0702, 0.5391)]


def _survey(tmp_path: Path, coords=LONLAT) -> Project:
    frame = gpd.GeoDataFrame({"ref": ["a", "b", "c"]},
                             geometry=[shapely.Point(x, y) for x, y in coords], crs=None)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # written without a CRS on purpose
        frame.to_file(tmp_path / "survey.gpkg", layer="survey", engine="pyogrio")
    project = Project(catalog=default_catalog())
    project.add_layer(read_layer(tmp_path / "survey.gpkg", catalog=project.catalog))
    return project


def test_layer_crs_project_declares_and_reprojects(tmp_path: Path):
    project = _survey(tmp_path)
    events = []
    project.layers_changed.connect(lambda *a: events.append(a))
    layer = project.set_layer_crs("survey", "EPSG:4326")
    assert events and layer is project.layer("survey")
    assert layer.source_crs == "EPSG:4326" and layer.frame.crs.to_epsg() == 32651
    assert no_crs_problem() not in layer.problems
    to_utm = Transformer.from_crs(4326, 32651, always_xy=True)
    expected = np.array([to_utm.transform(x, y) for x, y in LONLAT])
    assert np.abs(shapely.get_coordinates(layer.frame.geometry.values) - expected).max() < 0.01
    # declared again (e.g. corrected): the earlier reprojection is undone first
    project.set_layer_crs("survey", "EPSG:4326")
    assert np.abs(shapely.get_coordinates(layer.frame.geometry.values) - expected).max() < 0.01


def test_layer_crs_metres_declared_as_degrees_is_refused_unchanged(tmp_path: Path):
    to_utm = Transformer.from_crs(4326, 32651, always_xy=True)
    project = _survey(tmp_path, [to_utm.transform(x, y) for x, y in LONLAT])
    layer = project.layer("survey")
    before, version = layer.frame, layer.version
    with pytest.raises(ValueError, match=r"Layer 'survey': 3 feature\(s\) cannot be in EPSG:4326"):
        project.set_layer_crs("survey", "EPSG:4326")
    assert layer.frame is before and layer.source_crs is None and layer.version == version
    assert no_crs_problem() in layer.problems


def test_layer_crs_unknown_code_and_layer_are_clear_errors(tmp_path: Path):
    project = _survey(tmp_path)
    with pytest.raises(ValueError, match="'EPSG:999999' is not a coordinate reference system"):
        project.set_layer_crs("survey", "EPSG:999999")
    with pytest.raises(ValueError, match="no layer 'nope'"):
        project.set_layer_crs("nope", "EPSG:4326")
    assert project.layer("survey").source_crs is None


def test_layer_crs_suggestions_are_named_and_gorontalo_sized():
    infos = {info.code: info for info in known_crs()}
    assert infos["EPSG:32651"].name == "WGS 84 / UTM zone 51N"
    assert infos["EPSG:4326"].geographic
    assert infos["EPSG:23871"].name == "DGN95 / UTM zone 51N"
    assert describe_crs("3857").code == "EPSG:3857"
    with pytest.raises(ValueError):
        describe_crs("not a crs")


def test_layer_crs_edit_session_knows_which_layers_it_holds_edits_of(tmp_path: Path):
    project = open_project(write_city(tmp_path / "city.gpkg"))
    session = EditSession(project, ADMIN)
    assert not session.touches_layer("water_mains")
    session.apply(SetAttribute(layer="water_mains", uuid=uuids(6, 1)[0], field="notes",
                               value="checked"))
    assert session.touches_layer("water_mains") and not session.touches_layer("roads")
    session.undo()  # still on the stack: a redo would bring the old coordinates back
    assert session.touches_layer("water_mains")


def test_layer_crs_declared_crs_is_saved_in_the_project_file(tmp_path: Path):
    """Set CRS, save the project, reopen it: the layer is placed again (not left at 0,0)."""
    from gisdesk.io.project_file import load_project, save_project

    project = _survey(tmp_path)
    project.set_layer_crs("survey", "EPSG:4326")
    placed = shapely.get_coordinates(project.layer("survey").frame.geometry.values)
    save_project(project, tmp_path / "plan.gdproj")
    reopened, errors = load_project(tmp_path / "plan.gdproj", default_catalog())
    assert errors == []
    layer = reopened.layer("survey")
    assert layer.source_crs == "EPSG:4326" and no_crs_problem() not in layer.problems
    assert np.abs(shapely.get_coordinates(layer.frame.geometry.values) - placed).max() < 0.01


def test_layer_crs_impossible_declaration_in_project_file_opens_layer_with_message(
    tmp_path: Path,
):
    import json

    from gisdesk.io.project_file import load_project, save_project

    project = _survey(tmp_path)
    project.set_layer_crs("survey", "EPSG:4326")
    save_project(project, tmp_path / "plan.gdproj")
    doc = json.loads((tmp_path / "plan.gdproj").read_text())
    doc["layers"][0]["crs"] = "EPSG:999999"  # edited by hand, or a PROJ without the code
    (tmp_path / "plan.gdproj").write_text(json.dumps(doc))
    reopened, errors = load_project(tmp_path / "plan.gdproj", default_catalog())
    assert len(errors) == 1 and "survey.gpkg" in errors[0] and "EPSG:999999" in errors[0]
    assert reopened.layer("survey") is not None  # still opens, flagged as having no CRS
    assert no_crs_problem() in reopened.layer("survey").problems
