"""Digitizing on the map with simulated mouse clicks, saved to a copy of the sample city."""

from __future__ import annotations

import pyogrio
import pytest
import shapely
from _ui_editing_fixtures import (
    click,
    close_window,
    dialog_error,
    fill,
    make_window,
    open_file,
    press_ok,
    px,
    sample_copy,
    start_editing,
)
from PySide6.QtCore import QPoint, Qt

from gisdesk import paths
from gisdesk.core import edits_frame as rows
from gisdesk.core.roles import Profile
from gisdesk.io.gpkg_store_audit import read_history
from gisdesk.ui.editing.map_edit_tools import EditMode

DISHUB = Profile("Dewi", "DISHUB", "editor")

pytestmark = pytest.mark.skipif(not paths.sample_city_path().is_file(), reason="no sample city")


@pytest.fixture
def window(qtbot, tmp_path):
    w = make_window(qtbot, tmp_path)
    open_file(qtbot, w, sample_copy(tmp_path))
    yield w
    close_window(w)


def _empty_spot(window, layer_name: str) -> tuple[float, float]:
    """A point of the streetlights' extent at least 100 m from every feature of the layer."""
    frame = window.project.layer(layer_name).frame
    minx, miny, maxx, maxy = frame.total_bounds
    tree = shapely.STRtree(frame.geometry.values)
    for fx in (0.1, 0.3, 0.5, 0.7, 0.9):
        for fy in (0.1, 0.3, 0.5, 0.7, 0.9):
            pt = shapely.Point(minx + fx * (maxx - minx), miny + fy * (maxy - miny))
            if len(tree.query(pt, predicate="dwithin", distance=100)) == 0:
                return pt.x, pt.y
    raise AssertionError("no empty spot")


def test_ui_editing_digitize_streetlight_and_save(window, qtbot, send_mouse, tmp_path) -> None:
    start_editing(window, "streetlights", DISHUB)
    x, y = _empty_spot(window, "streetlights")
    window.canvas.set_extent((x - 100, y - 100, x + 100, y + 100), margin=0.0)
    window.editing.mode_actions[EditMode.ADD].trigger()
    lights = window.project.layer("streetlights")
    before = len(lights.frame)

    click(send_mouse, window, x, y)
    dialog = window.editing.dialog
    assert dialog is not None and dialog.isVisible()
    fill(dialog, "asset_id", "PJU-UI-001")
    press_ok(dialog)
    assert not dialog.isVisible(), dialog_error(dialog)

    assert len(lights.frame) == before + 1
    new = lights.frame.iloc[-1]
    assert new["asset_id"] == "PJU-UI-001" and new["owner_opd"] == "DISHUB"
    assert new.geometry.distance(shapely.Point(x, y)) < window.canvas.viewport.resolution * 2
    assert window.isWindowModified() and window.editing.act_save.isEnabled()

    window.editing.act_save.trigger()
    assert not window.isWindowModified()
    path = lights.source.path
    saved = pyogrio.read_dataframe(path, layer="streetlights")
    assert (saved["asset_id"] == "PJU-UI-001").sum() == 1
    history = read_history(path, feature_uuid=new["uuid"])
    assert [(r.action, r.user_name) for r in history] == [("insert", "Dewi")]


def test_ui_editing_digitize_missing_required_value_keeps_dialog(window, send_mouse) -> None:
    start_editing(window, "streetlights", DISHUB)
    x, y = _empty_spot(window, "streetlights")
    window.canvas.set_extent((x - 100, y - 100, x + 100, y + 100), margin=0.0)
    window.editing.mode_actions[EditMode.ADD].trigger()
    before = len(window.project.layer("streetlights").frame)
    click(send_mouse, window, x, y)
    dialog = window.editing.dialog
    press_ok(dialog)  # asset_id is required and empty
    assert dialog.isVisible() and "required" in dialog_error(dialog)
    assert len(window.project.layer("streetlights").frame) == before
    dialog.reject()


def test_ui_editing_digitize_line_keys_and_unconnected_warning(
    window, qtbot, send_mouse
) -> None:
    admin = Profile("Sari", "BAPPEDA", "admin")
    start_editing(window, "water_mains", admin)
    x, y = _empty_spot(window, "water_mains")
    window.canvas.set_extent((x - 100, y - 100, x + 100, y + 100), margin=0.0)
    window.editing.mode_actions[EditMode.ADD].trigger()
    canvas = window.canvas
    for dx in (-40, 0, 30):
        click(send_mouse, window, x + dx, y)
    qtbot.keyClick(canvas, Qt.Key.Key_Backspace)  # drop the third vertex
    assert len(window.editing.tools.overlay.points) == 2
    qtbot.keyClick(canvas, Qt.Key.Key_Return)
    dialog = window.editing.dialog
    fill(dialog, "asset_id", "WM-UI-1")
    press_ok(dialog)
    assert not dialog.isVisible(), dialog_error(dialog)
    mains = window.project.layer("water_mains")
    line = mains.frame.iloc[-1].geometry
    assert line.geom_type == "LineString" and len(line.coords) == 2
    assert "does not connect" in (window.editing.controller.last_warning or "")
    qtbot.keyClick(canvas, Qt.Key.Key_Escape)
    assert window.editing.tools.overlay.points == []


def test_ui_editing_digitize_one_point_line_is_refused(window, qtbot, send_mouse) -> None:
    start_editing(window, "water_mains", Profile("Sari", "BAPPEDA", "admin"))
    x, y = _empty_spot(window, "water_mains")
    window.canvas.set_extent((x - 100, y - 100, x + 100, y + 100), margin=0.0)
    window.editing.mode_actions[EditMode.ADD].trigger()
    pos = px(window, x, y)
    send_mouse(window.canvas, "press", pos)
    send_mouse(window.canvas, "release", pos)
    qtbot.mouseDClick(window.canvas, Qt.MouseButton.LeftButton, pos=QPoint(*map(round, pos)))
    dialog = window.editing.dialog
    fill(dialog, "asset_id", "WM-BAD")
    before = len(window.project.layer("water_mains").frame)
    press_ok(dialog)
    assert dialog.isVisible() and "two distinct points" in dialog_error(dialog)
    assert len(window.project.layer("water_mains").frame) == before
    assert rows.locate(window.project.layer("water_mains"), "nope") is None
