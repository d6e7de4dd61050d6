"""Launch order: the map first, then the feature menus, docks in their saved places."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from gisdesk.core.definitions import default_catalog
from gisdesk.core.project import Project
from gisdesk.io.readers import read_layer
from gisdesk.ui.editing.controller import EditingController
from gisdesk.ui.main_window import MainWindow
from gisdesk.ui.settings import AppSettings


@pytest.fixture
def make_window(qtbot, tmp_path):
    made: list[MainWindow] = []

    def make(defer: bool) -> MainWindow:
        window = MainWindow(Project(catalog=default_catalog()),
                            AppSettings(tmp_path / "gisdesk.ini"), defer_features=defer)
        qtbot.addWidget(window)
        made.append(window)
        return window

    yield make
    for window in made:
        window.jobs.wait(5000)
        window.canvas.shutdown()


def _menu_titles(window: MainWindow) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def test_launch_deferred_window_gets_the_same_menus_once_installed(make_window, qtbot):
    eager, late = make_window(False), make_window(True)
    assert late.editing is None and late.analysis is None and late.sync_ui is None
    assert not late.has_features
    assert len(_menu_titles(late)) < len(_menu_titles(eager))
    with qtbot.waitSignal(late.features_installed, timeout=5000):
        late.install_features()
    assert _menu_titles(late) == _menu_titles(eager)  # same order: Help still last
    assert set(late.docks) == set(eager.docks)
    editing = late.editing
    late.install_features()  # a second call changes nothing
    assert late.editing is editing and _menu_titles(late) == _menu_titles(eager)


def test_launch_late_docks_take_their_saved_places(make_window, qtbot):
    first = make_window(False)
    first.show()
    qtbot.waitExposed(first)
    first.sync_ui.dock.hide()  # visible by default; the user closed it last time
    first.close()
    second = make_window(True)
    second.show()
    qtbot.waitExposed(second)
    second.install_features()
    qtbot.wait(50)  # let the new docks be laid out and shown (or not)
    assert second.docks["layers"].isVisible()
    assert not second.sync_ui.dock.isVisible()


def test_launch_late_editing_checks_files_opened_before_it(make_window, monkeypatch, city_gpkg):
    checked: list[EditingController] = []

    def check_journals(controller: EditingController) -> None:
        checked.append(controller)

    monkeypatch.setattr(EditingController, "check_journals", check_journals)
    empty = make_window(True)
    empty.install_features()
    assert checked == []  # nothing open yet: data_loaded will trigger the check later
    window = make_window(True)
    window.project.add_layer(read_layer(city_gpkg, "valves"))
    window.install_features()
    assert checked == [window.editing.controller]


def test_launch_canvas_announces_each_painted_image_once(make_window, qtbot, city_gpkg):
    window = make_window(True)
    window.show()
    qtbot.waitExposed(window)
    shown: list[int] = []
    window.canvas.map_shown.connect(lambda: shown.append(1))
    with qtbot.waitSignal(window.canvas.map_shown, timeout=15000):
        window.open_path(city_gpkg)
    assert window.canvas.grab_image() is not None
    window.canvas.repaint()  # the same image again is not news
    assert shown == [1]


def test_launch_process_paints_the_map_before_installing_menus(city_gpkg, tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "GISDESK_NO_WELCOME": "1",
           "GISDESK_CONFIG_DIR": str(tmp_path / "config"), "GISDESK_EXIT_AFTER_FIRST_MAP": "1"}
    result = subprocess.run([sys.executable, "-m", "gisdesk", "--lang", "en", str(city_gpkg)],
                            env=env, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    names = [ln.split("=")[0] for ln in result.stdout.splitlines() if "_seconds=" in ln]
    assert names == ["first_map_seconds", "loaded_seconds", "ready_seconds"]
    times = dict(ln.split("=") for ln in result.stdout.splitlines() if "_seconds=" in ln)
    assert 0 < float(times["first_map_seconds"]) <= float(times["loaded_seconds"]) <= float(
        times["ready_seconds"])
    # the menus were in when it closed, so the saved layout has the feature docks too
    ini = (tmp_path / "config" / "gisdesk.ini").read_text(encoding="utf-8")
    assert "city.gpkg" in ini and "window" in ini


@pytest.mark.parametrize("flag", ["--version", "--help"])
def test_launch_version_and_help_stay_light(flag):
    """``gisdesk --version``/``--help`` answer without Qt or the data stack (about 0.1 s)."""
    code = (
        "import sys\n"
        "from gisdesk.cli import main\n"
        f"try:\n    main([{flag!r}])\nexcept SystemExit:\n    pass\n"
        "heavy = ('PySide6', 'shiboken6', 'pandas', 'geopandas', 'pyogrio', 'pyqtgraph')\n"
        "print('loaded=' + ','.join(sorted({m.split('.')[0] for m in sys.modules} & set(heavy))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "gisdesk" in result.stdout
    assert result.stdout.strip().splitlines()[-1] == "loaded="
