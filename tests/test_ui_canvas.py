"""MapCanvas: real rendering of a real GeoPackage, navigation and tool gestures."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QWheelEvent
from PySide6.QtWidgets import QApplication

from gisdesk.ui.canvas.map_canvas import BACKGROUND, MapCanvas, Tool
from gisdesk.ui.canvas.scale_bar import format_length, nice_length


@pytest.fixture
def canvas(qtbot, city_project):
    widget = MapCanvas(city_project, settle_ms=10)
    qtbot.addWidget(widget)
    widget.resize(400, 300)
    with qtbot.waitSignal(widget.map_rendered, timeout=10000):
        widget.show()
        qtbot.waitExposed(widget)
    yield widget
    widget.shutdown()


def _differs(color: QColor, ref: str, tol: int = 12) -> bool:
    ref_c = QColor(ref)
    return any(
        abs(a - b) > tol
        for a, b in zip(color.getRgb()[:3], ref_c.getRgb()[:3], strict=True)
    )


def _wait_render(qtbot, canvas):
    qtbot.waitUntil(lambda: not canvas.is_rendering, timeout=10000)


def test_canvas_paints_features_where_they_are(canvas, city_project):
    image = canvas.grab().toImage()
    road = city_project.layer("roads").frame.geometry.iloc[1]  # north-south road
    mid = road.interpolate(0.5, normalized=True)
    px, py = canvas.viewport.to_pixel(mid.x, mid.y)
    hits = [
        image.pixelColor(int(px) + dx, int(py) + dy) for dx in range(-2, 3) for dy in range(-2, 3)
    ]
    assert any(_differs(c, BACKGROUND) for c in hits), "nothing drawn on the road"
    # outside the district (the corner of the margin) the map is empty
    corner = canvas.viewport.to_pixel(*canvas.viewport.to_world(3, 150))
    assert not _differs(image.pixelColor(int(corner[0]), int(corner[1])), BACKGROUND)


def test_canvas_fits_full_extent_on_open(canvas, city_project):
    minx, miny, maxx, maxy = city_project.full_extent()
    vminx, vminy, vmaxx, vmaxy = canvas.viewport.extent
    assert vminx <= minx and vminy <= miny and vmaxx >= maxx and vmaxy >= maxy


def test_canvas_wheel_zoom_keeps_point_under_cursor(canvas, qtbot):
    before = canvas.viewport
    pos = QPointF(120, 80)
    world = before.to_world(pos.x(), pos.y())
    event = QWheelEvent(
        pos, canvas.mapToGlobal(pos), QPoint(0, 0), QPoint(0, 120),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase, False,
    )
    QApplication.sendEvent(canvas, event)
    after = canvas.viewport
    assert after.resolution < before.resolution
    assert after.to_world(pos.x(), pos.y()) == pytest.approx(world, abs=1e-6)
    _wait_render(qtbot, canvas)


def test_canvas_drag_pans_by_the_mouse_distance(canvas, send_mouse, qtbot):
    before = canvas.viewport
    send_mouse(canvas, "press", (100, 100))
    send_mouse(canvas, "move", (130, 110))
    send_mouse(canvas, "move", (160, 140))
    send_mouse(canvas, "release", (160, 140))
    after = canvas.viewport
    # the world point first under (100, 100) is now under (160, 140)
    assert after.to_world(160, 140) == pytest.approx(before.to_world(100, 100))
    assert after.resolution == before.resolution
    _wait_render(qtbot, canvas)
    assert canvas.grab_image() is not None


def test_canvas_zoom_box_shows_the_box(canvas, send_mouse):
    canvas.set_tool(Tool.ZOOM_BOX)
    vp = canvas.viewport
    wx0, wy1 = vp.to_world(100, 100)
    wx1, wy0 = vp.to_world(200, 160)
    send_mouse(canvas, "press", (100, 100))
    send_mouse(canvas, "move", (150, 130))
    send_mouse(canvas, "move", (199, 159))
    send_mouse(canvas, "release", (199, 159))
    minx, miny, maxx, maxy = canvas.viewport.extent
    assert minx <= wx0 + 1 and maxx >= wx1 - 1 and miny <= wy0 + 1 and maxy >= wy1 - 1
    assert canvas.viewport.resolution < vp.resolution / 2.5  # 100 px box in a 400 px view


def test_canvas_select_rectangle_emits_world_rect(canvas, send_mouse, qtbot):
    canvas.set_tool(Tool.SELECT_RECT)
    vp = canvas.viewport
    with qtbot.waitSignal(canvas.rect_selected_world) as blocker:
        send_mouse(canvas, "press", (50, 60))
        send_mouse(canvas, "move", (120, 140))
        send_mouse(canvas, "release", (120, 140))
    minx, miny, maxx, maxy = blocker.args
    assert (minx, maxy) == pytest.approx(vp.to_world(50, 60))
    assert (maxx, miny) == pytest.approx(vp.to_world(121, 141))
    assert canvas.viewport == vp  # selecting does not move the map


def test_canvas_identify_click_emits_world_point(canvas, send_mouse, qtbot):
    canvas.set_tool(Tool.IDENTIFY)
    with qtbot.waitSignal(canvas.clicked_world) as blocker:
        send_mouse(canvas, "press", (200, 150))
        send_mouse(canvas, "release", (201, 150))
    assert tuple(blocker.args) == pytest.approx(canvas.viewport.to_world(201, 150))


def test_canvas_mouse_move_reports_world_coordinates(canvas, send_mouse, qtbot):
    with qtbot.waitSignal(canvas.mouse_moved_world) as blocker:
        send_mouse(canvas, "move", (10, 20), Qt.MouseButton.NoButton)
    assert tuple(blocker.args) == pytest.approx(canvas.viewport.to_world(10, 20))


def test_canvas_previous_and_next_extent(canvas, qtbot):
    first = canvas.viewport
    canvas.zoom_by(2.0)
    _wait_render(qtbot, canvas)
    second = canvas.viewport
    assert canvas.can_go_back()
    canvas.previous_extent()
    assert canvas.viewport.resolution == pytest.approx(first.resolution)
    _wait_render(qtbot, canvas)
    assert canvas.can_go_forward()
    canvas.next_extent()
    assert canvas.viewport.resolution == pytest.approx(second.resolution)
    _wait_render(qtbot, canvas)
    assert not canvas.can_go_forward()


def test_canvas_keys_pan_and_zoom(canvas, qtbot):
    before = canvas.viewport
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    assert canvas.viewport.cx > before.cx
    assert canvas.viewport.cy == pytest.approx(before.cy)
    qtbot.keyClick(canvas, Qt.Key.Key_Plus)
    assert canvas.viewport.resolution == pytest.approx(before.resolution / 2)
    qtbot.keyClick(canvas, Qt.Key.Key_Minus)
    assert canvas.viewport.resolution == pytest.approx(before.resolution)
    _wait_render(qtbot, canvas)


def test_canvas_set_scale_and_layer_visibility_rerenders(canvas, city_project, qtbot):
    canvas.set_scale(5000)
    assert canvas.viewport.scale == pytest.approx(5000)
    _wait_render(qtbot, canvas)
    for layer in list(city_project.layers):
        city_project.set_visible(layer.name, False)
    _wait_render(qtbot, canvas)
    image = canvas.grab_image()
    w, h = image.width(), image.height()
    samples = [image.pixelColor(x, y) for x in range(0, w, 17) for y in range(0, h, 13)]
    assert not any(_differs(c, BACKGROUND) for c in samples)


def test_canvas_newest_render_wins(canvas, qtbot):
    for factor in (1.5, 1.5, 1.5):
        canvas.zoom_by(factor)
        canvas.refresh()
    _wait_render(qtbot, canvas)
    qtbot.wait(50)  # let any stale result that was already queued arrive
    assert canvas._image_view == canvas.viewport


@pytest.mark.parametrize(
    ("limit", "expected"), [(173.0, 100.0), (250.0, 200.0), (999.0, 500.0), (1.0, 1.0)]
)
def test_canvas_scale_bar_nice_length(limit, expected):
    assert nice_length(limit) == pytest.approx(expected)


def test_canvas_scale_bar_format_length():
    assert format_length(2000) == "2 km"
    assert format_length(500) == "500 m"
    assert format_length(1500) == "1.5 km"


def test_canvas_device_view_keeps_extent_and_scale():
    from gisdesk.core.viewport import Viewport
    from gisdesk.ui.canvas.map_canvas import _device_view

    view = Viewport(500000.0, 60000.0, 2.0, 400, 300)
    hi = _device_view(view, 1.5)
    assert (hi.width, hi.height) == (600, 450)
    assert hi.extent == pytest.approx(view.extent)
    assert hi.scale == pytest.approx(view.scale)
    assert _device_view(view, 1.0) is view


def test_canvas_escape_cancels_a_box_and_a_pan(canvas, send_mouse, qtbot):
    canvas.set_tool(Tool.ZOOM_BOX)
    before = canvas.viewport
    send_mouse(canvas, "press", (100, 100))
    send_mouse(canvas, "move", (200, 160))
    qtbot.keyClick(canvas, Qt.Key.Key_Escape)
    send_mouse(canvas, "release", (200, 160))
    assert canvas.viewport == before
    canvas.set_tool(Tool.PAN)
    send_mouse(canvas, "press", (100, 100))
    send_mouse(canvas, "move", (180, 150))
    assert canvas.viewport != before
    qtbot.keyClick(canvas, Qt.Key.Key_Escape)
    send_mouse(canvas, "release", (180, 150))
    assert canvas.viewport.cx == pytest.approx(before.cx)
    assert canvas.viewport.cy == pytest.approx(before.cy)
    _wait_render(qtbot, canvas)
