"""Overdue view, condition charts and the Inspect map tool over the test city."""

from __future__ import annotations

import datetime as dt

import geopandas as gpd
import numpy as np
import pytest
import shapely
from _edit_fixtures import CRS, PDAM_EDITOR, X0, Y0, open_project, uuids, write_city

from gisdesk.core.edits_session import EditSession
from gisdesk.core.inspections import AddInspection
from gisdesk.core.layer import MapLayer
from gisdesk.core.viewport import Viewport
from gisdesk.ui.canvas.map_canvas import MapCanvas
from gisdesk.ui.inspections.condition_charts import ConditionCharts
from gisdesk.ui.inspections.inspect_tool import InspectTool
from gisdesk.ui.inspections.overdue_view import OverdueView

MAIN = uuids(6, 1)


@pytest.fixture
def session(tmp_path):
    return EditSession(open_project(write_city(tmp_path / "city.gpkg")), PDAM_EDITOR)


def _inspect(session, uuid, day, condition, next_due=None):
    values = {"inspected_on": day, "condition": condition}
    if next_due:
        values["next_due"] = next_due
    session.apply(AddInspection(asset_layer="water_mains", asset_uuid=uuid, values=values))


def test_ui_inspections_views_overdue_table_and_zoom(qtbot, session):
    _inspect(session, MAIN[0], "2020-01-10", 3)  # due 2022-01-10
    for uuid in MAIN[1:]:
        _inspect(session, uuid, "2024-06-01", 4)  # due 2026-06-01: not yet
    view = OverdueView(session.project, today=dt.date(2024, 7, 11))
    qtbot.addWidget(view)
    view.show_layer("water_mains")
    assert view.model.rowCount() == 1
    assert view.model.item(0, 0).text() == "WM-000"
    assert view.model.item(0, 3).text() == str((dt.date(2024, 7, 11) - dt.date(2022, 1, 10)).days)
    with qtbot.waitSignal(view.zoom_requested) as zoom, qtbot.waitSignal(view.asset_activated):
        view.view.doubleClicked.emit(view.model.index(0, 0))
    minx, _, maxx, _ = zoom.args[0]
    assert minx <= X0 and maxx >= X0 + 100


def test_ui_inspections_views_never_inspected_are_due(qtbot, session):
    view = OverdueView(session.project, today=dt.date(2024, 7, 11))
    qtbot.addWidget(view)
    view.show_layer("streetlights")
    assert view.model.rowCount() == len(session.project.layer("streetlights").frame)


def test_ui_inspections_views_charts_count_per_layer_and_kelurahan(qtbot, session):
    districts = gpd.GeoDataFrame(
        {"name": ["West", "East"]},
        geometry=[shapely.box(X0 - 50, Y0 - 50, X0 + 240, Y0 + 50),
                  shapely.box(X0 + 240, Y0 - 50, X0 + 800, Y0 + 50)], crs=CRS)
    session.project.add_layer(MapLayer("districts", districts,
                                       session.project.catalog.layers["districts"]))
    _inspect(session, MAIN[0], "2024-01-01", 1)
    _inspect(session, MAIN[5], "2024-01-01", 5)
    charts = ConditionCharts(session.project)
    qtbot.addWidget(charts)
    charts.show_layer("water_mains")
    assert charts.counts.to_dict() == {1: 1, 2: 0, 3: 4, 4: 0, 5: 1}
    # mains 0-1 have their middle in West (x < 240), 2-5 in East
    assert charts.by_district.loc["West"].tolist() == [1, 0, 1, 0, 0]
    assert charts.by_district.loc["East"].tolist() == [0, 0, 3, 0, 1]
    bars = [i for i in charts.layer_plot.getPlotItem().items if hasattr(i, "opts")]
    assert np.array_equal(bars[0].opts["height"], [1, 0, 4, 0, 1])


def test_ui_inspections_views_inspect_tool_picks_asset(qtbot, session):
    canvas = MapCanvas(session.project)
    qtbot.addWidget(canvas)
    canvas.resize(400, 300)
    canvas.set_viewport(Viewport.fit((X0 - 50, Y0 - 60, X0 + 550, Y0 + 60), 400, 300))
    tool = InspectTool(canvas, session.project, lambda: session)
    tool.open_dialogs = False
    assert tool.pick(X0 + 30, Y0 + 20)[0] == "streetlights"  # the light above the main
    assert tool.pick(X0 + 150, Y0)[0] == "roads"  # road 0 runs over the mains, drawn on top
    session.project.set_visible("roads", False)
    assert tool.pick(X0 + 150, Y0) == ("water_mains", MAIN[1])
    with qtbot.assertNotEmitted(tool.picked):
        canvas.clicked_world.emit(X0 + 150, Y0)  # tool off: nothing happens
    tool.active = True
    with qtbot.waitSignal(tool.picked) as picked:
        canvas.clicked_world.emit(X0 + 150, Y0)
    assert picked.args == ["water_mains", MAIN[1]]


def test_ui_inspections_views_inspect_tool_opens_dialog(qtbot, session):
    canvas = MapCanvas(session.project)
    qtbot.addWidget(canvas)
    canvas.resize(400, 300)
    canvas.set_viewport(Viewport.fit((X0 - 50, Y0 - 60, X0 + 550, Y0 + 60), 400, 300))
    session.project.set_visible("roads", False)
    tool = InspectTool(canvas, session.project, lambda: session)
    tool.active = True
    canvas.clicked_world.emit(X0 + 250, Y0)
    dialog = tool.dialog
    qtbot.addWidget(dialog)
    assert dialog.asset_uuid in (MAIN[2], MAIN[3]) and dialog.isVisible()
    dialog.condition.setCurrentIndex(dialog.condition.findData(2))
    assert dialog.apply()
    assert len(session.project.layer("inspections").frame) == 1
