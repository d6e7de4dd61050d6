"""Weights as data: defaults, round trip, bad values named, saved in the project file."""

from __future__ import annotations

import pytest

from gisdesk.core.definitions import default_catalog
from gisdesk.core.project import Project
from gisdesk.io.project_file import load_project, read_project_file, save_project
from gisdesk.planning.weights import RiskWeights


def test_planning_weights_round_trip():
    w = RiskWeights(condition=0.7, critical_distance_m=250, design_life={"PVC": 40})
    again = RiskWeights.from_dict(w.to_dict())
    assert again == w
    assert again.design_life == {"PVC": 40.0}


def test_planning_weights_missing_and_unknown_keys():
    w = RiskWeights.from_dict({"age": 0.9, "from_the_future": 1})
    assert w.age == 0.9 and w.condition == RiskWeights().condition


def test_planning_weights_bad_value_names_key():
    with pytest.raises(ValueError, match=r"w\.json.*'age'"):
        RiskWeights.from_dict({"age": "lots"}, source="w.json")
    with pytest.raises(ValueError, match="condition"):
        RiskWeights.from_dict({"condition": -1})


def test_planning_weights_saved_with_project(tmp_path):
    project = Project(catalog=default_catalog())
    project.planning = RiskWeights(service=0.9, defect_years=5).to_dict()
    save_project(project, tmp_path / "p.gdproj")
    loaded, errors = load_project(tmp_path / "p.gdproj", default_catalog())
    assert errors == []
    assert RiskWeights.from_dict(loaded.planning) == RiskWeights(service=0.9, defect_years=5)


def test_planning_old_project_file_gets_default_weights(tmp_path):
    path = tmp_path / "old.gdproj"
    path.write_text('{"format": "gisdesk-project", "schema_version": 1, "layers": []}')
    spec = read_project_file(path)
    assert spec.planning == {} and spec.saved_queries == []
    assert RiskWeights.from_dict(spec.planning) == RiskWeights()
