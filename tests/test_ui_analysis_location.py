"""Select by location on a hand-made layer: exact features, outputs, saved query.

The query runs as a background job; ``_run`` waits for its answer to be applied.
"""

from __future__ import annotations

import pytest
from _planning_fixtures import buildings, mains

from gisdesk.core.definitions import default_catalog
from gisdesk.core.layer import MapLayer
from gisdesk.core.project import Project
from gisdesk.core.selection import Selection
from gisdesk.query.saved import SavedQuery
from gisdesk.ui.analysis.location_dialog import SelectByLocationDialog


@pytest.fixture
def setup(qtbot):
    catalog = default_catalog()
    project = Project(catalog=catalog)
    project.add_layer(MapLayer("water_mains", mains(), catalog.match("water_mains")))
    project.add_layer(MapLayer("buildings", buildings(), catalog.match("buildings")))
    selection = Selection()
    dialog = SelectByLocationDialog(project, selection)
    qtbot.addWidget(dialog)
    return project, selection, dialog


def _run(qtbot, dialog):
    """Start the query and wait until its rows reached the output; returns the rows."""
    with qtbot.waitSignal(dialog.applied, timeout=10000) as signal:
        assert dialog.run() is not None
    return signal.args[0]


def test_ui_analysis_location_within_distance_of_filtered_mains(qtbot, setup):
    _project, selection, dialog = setup
    assert dialog.target.layer_name() == "buildings"
    assert dialog.reference.layer_name() == "water_mains"
    assert dialog.target.currentText() == "Buildings"  # titles in the UI language
    dialog.distance.setValue(9)
    dialog.reference_filter.setText('"condition" <= 3')  # mains A and B
    rows = _run(qtbot, dialog)
    # boxes are 4 m wide, 10 m off the mains: 8 m away. A: BG1; B: BG2, BG3.
    # BG7 at (110,50) is 8 m from D (condition NULL, filtered out) and 48 m from A/B.
    assert rows.tolist() == [0, 1, 2]
    assert selection.rows("buildings").tolist() == [0, 1, 2]


def test_ui_analysis_location_only_selected_reference(qtbot, setup):
    _project, selection, dialog = setup
    selection.set("water_mains", [2])  # C
    dialog.only_selected.setChecked(True)
    dialog.distance.setValue(9)
    assert _run(qtbot, dialog).tolist() == [3, 4, 5]


def test_ui_analysis_location_new_temporary_layer(qtbot, setup):
    project, _selection, dialog = setup
    dialog.predicate.setCurrentIndex(0)  # intersects: no building touches a main
    dialog.to_layer.setChecked(True)
    assert _run(qtbot, dialog).tolist() == []
    dialog.predicate.setCurrentIndex(3)
    dialog.distance.setValue(100)
    _run(qtbot, dialog)
    made = project.layers[-1]
    assert made.name == "buildings_dwithin_water_mains"
    assert made.frame["asset_id"].tolist() == [f"BG{i}" for i in range(1, 8)]


def test_ui_analysis_location_saved_to_geopackage(qtbot, setup, tmp_path):
    import pyogrio

    _project, _selection, dialog = setup
    dialog.to_gpkg.setChecked(True)
    dialog.gpkg_path = tmp_path / "out.gpkg"
    dialog.distance.setValue(9)
    dialog.reference_filter.setText('"asset_id" = \'C\'')
    _run(qtbot, dialog)
    saved = pyogrio.read_dataframe(tmp_path / "out.gpkg", layer="buildings_dwithin_water_mains")
    assert saved["asset_id"].tolist() == ["BG4", "BG5", "BG6"]


def test_ui_analysis_location_saved_query_reruns(setup):
    project, _selection, dialog = setup
    dialog.distance.setValue(9)
    dialog.reference_filter.setText('"condition" <= 3')
    query = dialog.saved_query("near failing mains")
    project.saved_queries.append(query.to_dict())
    again = SavedQuery.from_dict(project.saved_queries[0])
    mask = again.run({lyr.name: lyr for lyr in project.layers}, project.catalog)
    assert mask.nonzero()[0].tolist() == [0, 1, 2]
