"""MainWindow with a real GeoPackage: opening, status bar, tools, settings, errors, projects."""

from __future__ import annotations

import pytest
from pyproj import Transformer
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFileDialog, QMessageBox

from gisdesk.core.definitions import default_catalog
from gisdesk.core.project import Project
from gisdesk.ui.canvas.map_canvas import BACKGROUND, Tool
from gisdesk.ui.main_window import MainWindow
from gisdesk.ui.settings import RECENT_FILES, AppSettings


@pytest.fixture(scope="module")
def catalog():
    return default_catalog()


@pytest.fixture
def settings_path(tmp_path):
    return tmp_path / "settings" / "gisdesk.ini"


@pytest.fixture
def make_window(qtbot, catalog, settings_path):
    made = []

    def make() -> MainWindow:
        window = MainWindow(Project(catalog=catalog), AppSettings(settings_path))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        made.append(window)
        return window

    yield make
    for window in made:
        window.jobs.wait(5000)
        window.canvas.shutdown()


def _open(qtbot, window, path):
    with qtbot.waitSignal(window.data_loaded, timeout=15000):
        window.open_path(path)
    qtbot.waitUntil(lambda: not window.canvas.is_rendering, timeout=10000)


@pytest.fixture
def window(make_window, qtbot, city_gpkg):
    w = make_window()
    _open(qtbot, w, city_gpkg)
    return w


def _painted_near(canvas, x, y) -> bool:
    image = canvas.grab().toImage()
    px, py = canvas.viewport.to_pixel(x, y)
    bg = QColor(BACKGROUND)
    for dx in range(-3, 4):
        for dy in range(-3, 4):
            c = image.pixelColor(int(px) + dx, int(py) + dy)
            if max(abs(c.red() - bg.red()), abs(c.green() - bg.green()),
                   abs(c.blue() - bg.blue())) > 12:
                return True
    return False


def test_main_window_opens_gpkg_and_paints_features(window):
    assert [lyr.name for lyr in window.project.layers] == ["districts", "roads", "valves"]
    valve = window.project.layer("valves").frame.geometry.iloc[0]
    assert _painted_near(window.canvas, valve.x, valve.y)
    assert window.settings.recent(RECENT_FILES)  # the file went into File ▸ Recent Files


def test_main_window_scale_box_sets_scale(window, qtbot):
    edit = window.status.scale_edit
    edit.setFocus()
    edit.setText("1:5000")
    edit.setModified(True)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert window.canvas.viewport.scale == pytest.approx(5000)
    edit.setText("12.500")  # Indonesian thousands separator
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert window.canvas.viewport.scale == pytest.approx(12500)
    edit.setText("abc")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert window.canvas.viewport.scale == pytest.approx(12500)
    assert edit.text().replace("\u202f", "") == "1:12500"  # reset to the real scale


def test_main_window_status_bar_shows_cursor_coordinates(window, send_mouse):
    send_mouse(window.canvas, "move", (150, 120), Qt.MouseButton.NoButton)
    x, y = window.canvas.viewport.to_world(150, 120)
    lon, lat = Transformer.from_crs(window.project.crs, "EPSG:4326", always_xy=True).transform(
        x, y
    )
    text = window.status.coords.text()
    locale = QLocale()
    assert locale.toString(x, "f", 1) in text and locale.toString(y, "f", 1) in text
    assert f"{lat:.5f}°N" in text and f"{lon:.5f}°E" in text
    assert 0.5 < lat < 0.6 and 123.0 < lon < 123.1  # Gorontalo, not null island


def test_main_window_previous_next_extent_actions(window, qtbot):
    first = window.canvas.viewport.resolution
    window.act_zoom_in.trigger()
    qtbot.waitUntil(window.act_previous.isEnabled, timeout=5000)
    window.act_previous.trigger()
    assert window.canvas.viewport.resolution == pytest.approx(first)
    qtbot.waitUntil(window.act_next.isEnabled, timeout=5000)
    window.act_next.trigger()
    assert window.canvas.viewport.resolution == pytest.approx(first / 2)


def test_main_window_remembers_extent_geometry_and_recent(window, make_window, settings_path):
    window.resize(700, 520)
    window.canvas.zoom_by(3.0)
    extent = window.canvas.viewport.extent
    window.close()
    stored = AppSettings(settings_path)
    assert stored.last_extent() == pytest.approx(extent)
    geometry, state = stored.window_state()
    assert geometry is not None and state is not None
    again = make_window()
    assert again.size().width() == 700 and again.size().height() == 520
    assert again.project.extent == pytest.approx(extent)  # next start opens where we left


def test_main_window_bad_file_shows_message_and_stays_usable(
    make_window, qtbot, tmp_path, city_gpkg, monkeypatch
):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[1:3]))
    bad = tmp_path / "broken.gpkg"
    bad.write_bytes(b"this is not a geopackage")
    w = make_window()
    _open(qtbot, w, bad)
    assert len(shown) == 1
    title, text = shown[0]
    assert "broken.gpkg" in title and str(bad) in text
    assert w.project.layers == []
    _open(qtbot, w, city_gpkg)  # the app still works
    assert len(w.project.layers) == 3


def test_main_window_open_data_dialog_loads_files(make_window, qtbot, city_gpkg, monkeypatch):
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(city_gpkg)], "")
    )
    w = make_window()
    with qtbot.waitSignal(w.data_loaded, timeout=15000):
        w.act_open_data.trigger()
    assert len(w.project.layers) == 3


def test_main_window_save_and_open_project(window, make_window, qtbot, tmp_path, monkeypatch):
    target = tmp_path / "city"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.project.set_visible("roads", False)
    window.act_save_project.trigger()
    saved = tmp_path / "city.gdproj"
    assert saved.exists()
    assert window.windowTitle().startswith("city")

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(saved), ""))
    other = make_window()
    with qtbot.waitSignal(other.data_loaded, timeout=15000):
        other.act_open_project.trigger()
    assert [lyr.name for lyr in other.project.layers] == ["districts", "roads", "valves"]
    assert other.project.layer("roads").visible is False
    assert other.canvas.viewport.extent[0] == pytest.approx(window.canvas.viewport.extent[0],
                                                            abs=window.canvas.viewport.resolution)


def test_main_window_identify_click_fills_identify_panel(window, send_mouse):
    if window.identify_panel is None:
        pytest.skip("identify panel not installed")
    window.tool_actions[Tool.IDENTIFY].trigger()
    valve = window.project.layer("valves").frame.geometry.iloc[1]
    px, py = window.canvas.viewport.to_pixel(valve.x, valve.y)
    send_mouse(window.canvas, "press", (px, py))
    send_mouse(window.canvas, "release", (px, py))
    assert ("valves", 1) in window.identify_panel.hits()


def test_main_window_select_rectangle_selects_and_counts(window, send_mouse):
    window.tool_actions[Tool.SELECT_RECT].trigger()
    vp = window.canvas.viewport
    send_mouse(window.canvas, "press", (2, 2))
    send_mouse(window.canvas, "move", (vp.width // 2, vp.height // 2))
    send_mouse(window.canvas, "release", (vp.width - 3, vp.height - 3))
    assert window.selection.count("valves") == 3
    assert window.selection.count() >= 3
    assert window.status.selection_label.text() != ""


def test_main_window_status_bar_numbers_follow_the_ui_language(window, send_mouse):
    previous = QLocale()
    QLocale.setDefault(QLocale("id_ID"))
    try:
        send_mouse(window.canvas, "move", (150, 120), Qt.MouseButton.NoButton)
        x, _y = window.canvas.viewport.to_world(150, 120)
        whole, tenth = f"{x:.1f}".split(".")
        grouped = f"{int(whole):,}".replace(",", ".")
        assert f"{grouped},{tenth}" in window.status.coords.text()  # 506.720,8
    finally:
        QLocale.setDefault(previous)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1:5000", 5000.0), ("5000", 5000.0), ("1:5.000", 5000.0), ("1 : 12 500", 12500.0),
     ("1:25,000", 25000.0), ("abc", None), ("0", None), ("2:5000", None), ("", None)],
)
def test_main_window_scale_text_parsing(text, expected):
    from gisdesk.ui.canvas.map_status import parse_scale

    assert parse_scale(text) == expected


def test_main_window_bad_project_file_shows_message(make_window, qtbot, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[1:3]))
    bad = tmp_path / "old.gdproj"
    bad.write_text('{"schema_version": 99, "layers": []}', encoding="utf-8")
    w = make_window()
    with qtbot.waitSignal(w.data_loaded, timeout=15000):
        w.open_path(bad)
    assert len(shown) == 1 and str(bad) in shown[0][1] and "newer GIS Desk" in shown[0][1]
    assert w.project_path is None


def test_main_window_language_switch_retranslates_and_is_saved(window, qtbot):
    from gisdesk.ui import i18n

    if "id" not in i18n.available_languages():
        pytest.skip("Indonesian translation not built")
    try:
        window.set_language("id")
        qtbot.waitUntil(lambda: window.menu_file.title() != "&File", timeout=5000)
        assert window.act_open_data.text() != "&Open Data…"
        assert i18n.current_language() == "id" and i18n.saved_language() == "id"
        checked = [a.data() for a in window.language_group.actions() if a.isChecked()]
        assert checked == ["id"]
    finally:
        window.set_language("en")
    qtbot.waitUntil(lambda: window.menu_file.title() == "&File", timeout=5000)


def test_main_window_dropped_file_opens(make_window, qtbot, city_gpkg):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    w = make_window()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(city_gpkg))])
    event = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(w.data_loaded, timeout=15000):
        w.dropEvent(event)  # what Qt calls when the drop lands on the window
    assert len(w.project.layers) == 3


def test_main_window_recent_files_menu_reopens(window, make_window, qtbot, city_gpkg):
    window._fill_recent_files()
    actions = [a for a in window.menu_recent_files.actions() if a.isEnabled()]
    assert [a.text() for a in actions] == [str(city_gpkg.resolve())]
    with qtbot.waitSignal(window.data_loaded, timeout=15000):
        actions[0].trigger()
    assert "valves (2)" in [lyr.name for lyr in window.project.layers]


def test_main_window_save_warns_about_layers_without_a_file(window, tmp_path, monkeypatch):
    from gisdesk.core.layer import MapLayer

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[1:3]))
    buffer = window.project.layer("valves").frame.copy()
    window.project.add_layer(MapLayer("valve buffers", buffer))
    window.project_path = tmp_path / "p.gdproj"
    assert window.save_project()
    assert (tmp_path / "p.gdproj").exists()
    assert len(shown) == 1 and "valve buffers" in shown[0][1]


def test_main_window_identify_flashes_the_shown_feature(window, send_mouse):
    if window.identify_panel is None:
        pytest.skip("identify panel not installed")
    from gisdesk.ui.canvas.flash import FLASH_COLOR, POINT_RADIUS_PX

    window.tool_actions[Tool.IDENTIFY].trigger()
    valve = window.project.layer("valves").frame.geometry.iloc[2]
    px, py = window.canvas.viewport.to_pixel(valve.x, valve.y)
    send_mouse(window.canvas, "press", (px, py))
    send_mouse(window.canvas, "release", (px, py))
    image = window.canvas.grab().toImage()
    ring = [image.pixelColor(round(px + dx), round(py + dy))
            for dx, dy in ((POINT_RADIUS_PX, 0), (-POINT_RADIUS_PX, 0),
                           (0, POINT_RADIUS_PX), (0, -POINT_RADIUS_PX))]
    close = [c for c in ring if abs(c.red() - FLASH_COLOR.red()) < 40
             and abs(c.green() - FLASH_COLOR.green()) < 40
             and abs(c.blue() - FLASH_COLOR.blue()) < 40]
    assert len(close) >= 3, [c.name() for c in ring]
