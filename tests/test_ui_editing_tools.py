"""Map editing tools on a small GDAL-written city: undo/redo, snapping, vertices, move, split."""

from __future__ import annotations

import pyogrio
import pytest
import shapely
from _edit_fixtures import ADMIN, X0, Y0, uuids, write_city
from _ui_editing_fixtures import (
    answer_next_box,
    click,
    close_window,
    fill,
    make_window,
    open_file,
    press_ok,
    px,
    start_editing,
)
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence

from gisdesk.core import edits_frame as rows
from gisdesk.io.gpkg_store_audit import read_history
from gisdesk.ui.editing.map_edit_tools import EditMode

MAINS = uuids(6, 1)


@pytest.fixture
def window(qtbot, tmp_path):
    w = make_window(qtbot, tmp_path)
    open_file(qtbot, w, write_city(tmp_path / "city.gpkg"))
    w.canvas.set_extent((X0 - 20, Y0 - 100, X0 + 380, Y0 + 100), margin=0.0)
    yield w
    close_window(w)


def _geometry(window, layer, uuid):
    return rows.get_row(window.project.layer(layer), uuid)["geometry"]


def _drag(send_mouse, window, start, end) -> None:
    a, b = px(window, *start), px(window, *end)
    send_mouse(window.canvas, "press", a)
    mid = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
    send_mouse(window.canvas, "move", mid, buttons=Qt.MouseButton.LeftButton)
    send_mouse(window.canvas, "move", b, buttons=Qt.MouseButton.LeftButton)
    send_mouse(window.canvas, "release", b)


def _add_light(window, send_mouse, x, y, code):
    click(send_mouse, window, x, y)
    dialog = window.editing.dialog
    fill(dialog, "asset_id", code)
    press_ok(dialog)
    assert not dialog.isVisible()
    return window.project.layer("streetlights").frame.iloc[-1]


def test_ui_editing_undo_redo_through_actions(window, send_mouse) -> None:
    start_editing(window, "streetlights", ADMIN)
    window.editing.mode_actions[EditMode.ADD].trigger()
    lights = window.project.layer("streetlights")
    before = len(lights.frame)
    _add_light(window, send_mouse, X0 + 200, Y0 + 80, "PJU-U1")
    ed = window.editing
    assert len(lights.frame) == before + 1 and ed.undo_view.model().rowCount() == 2
    assert QKeySequence("Ctrl+Z") in ed.act_undo.shortcuts()
    assert {QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")} <= set(ed.act_redo.shortcuts())
    ed.act_undo.trigger()
    assert len(lights.frame) == before and not window.isWindowModified()
    ed.act_redo.trigger()
    assert lights.frame.iloc[-1]["asset_id"] == "PJU-U1" and window.isWindowModified()
    view = ed.undo_view  # clicking the "<no edits>" line of the history goes back to the start
    view.setCurrentIndex(view.model().index(0, 0))
    assert len(lights.frame) == before and ed.act_redo.isEnabled()


def test_ui_editing_snaps_to_vertex_within_tolerance_only(window, send_mouse) -> None:
    start_editing(window, "streetlights", ADMIN)
    ed = window.editing
    ed.mode_actions[EditMode.ADD].trigger()
    res = window.canvas.viewport.resolution
    corner = (X0 + 100.0, Y0)  # where main 0 ends and main 1 starts
    near = _add_light(window, send_mouse, corner[0] + 5 * res, corner[1] - 4 * res, "PJU-S1")
    assert (near.geometry.x, near.geometry.y) == corner
    far = _add_light(window, send_mouse, corner[0] + 14 * res, corner[1] - 14 * res, "PJU-S2")
    assert far.geometry.distance(shapely.Point(corner)) > 10 * res
    ed.act_snapping.trigger()  # off
    assert not ed.tools.snapping
    loose = _add_light(window, send_mouse, corner[0] + 3 * res, corner[1] - 3 * res, "PJU-S3")
    assert (loose.geometry.x, loose.geometry.y) != corner


def test_ui_editing_vertex_move_add_delete(window, qtbot, send_mouse) -> None:
    start_editing(window, "water_mains", ADMIN)
    window.editing.mode_actions[EditMode.VERTEX].trigger()
    main0, main2 = MAINS[0], MAINS[2]
    window.editing.tools.set_snapping(False)  # the road along the main would catch the drag
    _drag(send_mouse, window, (X0, Y0), (X0 + 30, Y0 - 10))
    assert _geometry(window, "water_mains", main0).coords[0] == (X0 + 30, Y0 - 10)

    mid = px(window, X0 + 250, Y0)
    qtbot.mouseDClick(window.canvas, Qt.MouseButton.LeftButton, pos=QPoint(*map(round, mid)))
    coords = list(_geometry(window, "water_mains", main2).coords)
    assert len(coords) == 3 and coords[1][0] == pytest.approx(X0 + 250, abs=1.0)

    click(send_mouse, window, *coords[1])  # select the new vertex
    qtbot.keyClick(window.canvas, Qt.Key.Key_Delete)
    assert len(_geometry(window, "water_mains", main2).coords) == 2

    click(send_mouse, window, X0 + 200, Y0)  # an end of the two-point line
    qtbot.keyClick(window.canvas, Qt.Key.Key_Delete)
    assert "two distinct points" in window.editing.controller.last_error
    assert all(len(_geometry(window, "water_mains", u).coords) == 2 for u in MAINS[1:3])


def test_ui_editing_move_feature_by_drag(window, send_mouse) -> None:
    start_editing(window, "streetlights", ADMIN)
    window.editing.mode_actions[EditMode.MOVE].trigger()
    light = uuids(4, 2)[3]
    start = (X0 + 90.0, Y0 + 20.0)
    window.editing.tools.set_snapping(False)
    _drag(send_mouse, window, start, (start[0] + 40, start[1] + 30))
    moved = _geometry(window, "streetlights", light)
    assert moved.x == pytest.approx(start[0] + 40, abs=0.5)
    assert moved.y == pytest.approx(start[1] + 30, abs=0.5)


def test_ui_editing_split_line_keeps_attributes_new_uuid(window, send_mouse) -> None:
    start_editing(window, "water_mains", ADMIN)
    window.editing.mode_actions[EditMode.SPLIT].trigger()
    mains = window.project.layer("water_mains")
    before = len(mains.frame)
    click(send_mouse, window, X0 + 240, Y0 + 1)
    assert len(mains.frame) == before + 1
    piece = mains.frame.iloc[-1]
    original = rows.get_row(mains, MAINS[2])
    assert piece["uuid"] not in MAINS
    assert piece["asset_id"] == original["asset_id"] == "WM-002"
    assert piece["diameter_mm"] == original["diameter_mm"]
    assert original["geometry"].length + piece.geometry.length == pytest.approx(100.0)

    window.editing.act_save.trigger()
    saved = pyogrio.read_dataframe(mains.source.path, layer="water_mains")
    assert (saved["asset_id"] == "WM-002").sum() == 2
    history = read_history(mains.source.path, feature_uuid=piece["uuid"])
    assert [(r.field, r.old_value) for r in history] == [("split_from", MAINS[2])]


def test_ui_editing_delete_selected_with_confirmation(window) -> None:
    start_editing(window, "streetlights", ADMIN)
    lights = window.project.layer("streetlights")
    before = len(lights.frame)
    window.selection.set("streetlights", [0, 1])
    answer_next_box("No")
    window.editing.act_delete.trigger()
    assert len(lights.frame) == before
    window.selection.set("streetlights", [0, 1])
    shown = answer_next_box("Yes")
    window.editing.act_delete.trigger()
    assert len(lights.frame) == before - 2 and "2" in shown[0]
    window.editing.act_undo.trigger()  # one step for the whole selection
    assert len(lights.frame) == before
