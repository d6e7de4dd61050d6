"""Risk dialog: weights saved in the project file and re-loaded; a run makes the layer."""

from __future__ import annotations

import pytest
from _planning_fixtures import buildings, inspections, mains, valves

from gisdesk.core.definitions import default_catalog
from gisdesk.core.layer import MapLayer
from gisdesk.core.project import Project
from gisdesk.io.project_file import load_project, save_project
from gisdesk.planning.result_layer import RESULT_LAYER
from gisdesk.ui.analysis.risk_dialog import RiskDialog


@pytest.fixture
def project():
    catalog = default_catalog()
    project = Project(catalog=catalog)
    for name, frame in (("water_mains", mains()), ("valves", valves()),
                        ("buildings", buildings()), ("inspections", inspections())):
        project.add_layer(MapLayer(name, frame, catalog.match(name)))
    return project


def test_ui_analysis_risk_weights_saved_and_reloaded(qtbot, project, tmp_path):
    dialog = RiskDialog(project)
    qtbot.addWidget(dialog)
    assert dialog.spins["condition"].value() == 0.5  # default
    dialog.spins["condition"].setValue(0.8)
    dialog.spins["critical_distance_m"].setValue(250)
    assert dialog.save_weights()
    save_project(project, tmp_path / "p.gdproj")
    loaded, _errors = load_project(tmp_path / "p.gdproj", project.catalog)
    assert loaded.planning["condition"] == 0.8
    again = RiskDialog(loaded)
    qtbot.addWidget(again)
    assert again.spins["condition"].value() == 0.8
    assert again.spins["critical_distance_m"].value() == 250


def test_ui_analysis_risk_run_makes_styled_layer_and_table(qtbot, project):
    project.planning = {"as_of_year": 2026}
    dialog = RiskDialog(project)
    qtbot.addWidget(dialog)
    dialog.spins["customers_per_point"].setValue(1)
    dialog.budget.setValue(200e6)
    dialog.years.setValue(3)
    with qtbot.waitSignal(dialog.finished_run, timeout=20000):
        dialog.run()
    layer = project.layer(RESULT_LAYER)
    assert layer is not None and layer.definition.symbology.field == "risk_class"
    assert layer.frame["asset_id"].tolist() == ["B", "A", "C", "D"]
    assert layer.frame["year"].tolist() == [2027, 2028, 2027, 2029]
    assert dialog.table.model.rowCount() == 4
    assert project.planning["as_of_year"] == 2026  # kept while the spins were saved
    assert project.planning["budget"] == 200e6 and project.planning["years"] == 3
    dialog.jobs.wait(5000)


def test_ui_analysis_risk_layer_saved_to_geopackage(qtbot, project, tmp_path):
    import pyogrio

    project.planning = {"as_of_year": 2026, "customers_per_point": 1, "budget": 200e6,
                        "years": 3}
    dialog = RiskDialog(project)
    qtbot.addWidget(dialog)
    assert dialog.budget.value() == 200e6 and dialog.years.value() == 3
    with qtbot.waitSignal(dialog.finished_run, timeout=20000):
        dialog.run()
    dialog.save_layer(tmp_path / "plan.gpkg")
    saved = pyogrio.read_dataframe(tmp_path / "plan.gpkg", layer=RESULT_LAYER)
    assert saved["asset_id"].tolist() == ["B", "A", "C", "D"]
    assert saved["year"].tolist() == [2027, 2028, 2027, 2029]
    assert saved["risk_class"].tolist() == [2, 4, 1, 1]
    dialog.jobs.wait(5000)
