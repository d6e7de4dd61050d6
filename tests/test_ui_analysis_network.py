"""Isolate-break tool: a click on main B highlights valves V1, V2, dry mains B, C, 5 buildings."""

from __future__ import annotations

import pytest
from _planning_fixtures import buildings, mains, valves
from PySide6.QtCore import QPoint, Qt

from gisdesk.core.definitions import default_catalog
from gisdesk.core.layer import MapLayer
from gisdesk.core.project import Project
from gisdesk.core.selection import Selection
from gisdesk.ui.analysis.network_tools import IsolateBreakTool, TraceTool, network_check
from gisdesk.ui.canvas.map_canvas import MapCanvas


@pytest.fixture
def world(qtbot):
    catalog = default_catalog()
    project = Project(catalog=catalog)
    for name, frame in (("water_mains", mains()), ("valves", valves()),
                        ("buildings", buildings())):
        project.add_layer(MapLayer(name, frame, catalog.match(name)))
    canvas = MapCanvas(project)
    qtbot.addWidget(canvas)
    canvas.resize(400, 300)
    canvas.show()
    qtbot.waitExposed(canvas)
    canvas.set_extent((-20, -120, 320, 120), margin=0.0)
    yield project, Selection(), canvas
    canvas.shutdown()


def test_ui_analysis_isolate_break_click(qtbot, world):
    project, selection, canvas = world
    tool = IsolateBreakTool(canvas, project, selection)
    tool.set_active(True)
    with qtbot.waitSignal(tool.isolated, timeout=5000) as signal:
        px, py = canvas.viewport.to_pixel(150, 1)
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(round(px), round(py)))
    result, table = signal.args
    assert result.broken_main == 1  # main B
    assert selection.rows("valves").tolist() == [0, 1]
    assert selection.rows("water_mains").tolist() == [1, 2]  # B and C go dry
    assert selection.rows("buildings").tolist() == [1, 2, 3, 4, 5]
    listed = table.groupby("role")["asset_id"].apply(list).to_dict()
    assert listed == {"valve to close": ["V1", "V2"], "dry main": ["B", "C"],
                      "building without water": ["BG2", "BG3", "BG4", "BG5", "BG6"]}


def test_ui_analysis_isolate_tool_inactive_ignores_clicks(qtbot, world):
    project, selection, canvas = world
    tool = IsolateBreakTool(canvas, project, selection)
    tool.set_active(True)
    tool.set_active(False)
    px, py = canvas.viewport.to_pixel(150, 1)
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(round(px), round(py)))
    assert selection.count() == 0


def test_ui_analysis_trace_downstream_selects_drains(world):
    import geopandas as gpd
    import shapely

    project, selection, canvas = world
    drains = gpd.GeoDataFrame({"asset_id": ["S1", "S2", "S3"]}, geometry=[
        shapely.LineString([(0, 200), (100, 200)]), shapely.LineString([(100, 200), (200, 200)]),
        shapely.LineString([(100, 300), (100, 200)])], crs="EPSG:32651")
    project.add_layer(MapLayer("drains", drains, None))
    tool = TraceTool(canvas, project, selection, "downstream")
    assert sorted(tool.trace_at(100, 290)) == [1, 2]  # S3 flows into S2
    assert selection.rows("drains").tolist() == [1, 2]
    up = TraceTool(canvas, project, selection, "upstream")
    assert sorted(up.trace_at(150, 200)) == [0, 1, 2]


def test_ui_analysis_network_check_lists_dangling_ends(world):
    project, _selection, _canvas = world
    pieces, table = network_check(project)
    assert pieces == "1"
    # free ends: (0,0) of A, (300,0) of C, (100,100) of D
    assert sorted(table.loc[table["problem"] == "dangling end", "main"]) == ["A", "C", "D"]
