"""Background jobs in the main window: progress, cancel, failure, and two-pass big-file reads."""

from __future__ import annotations

import shutil
import threading

import geopandas as gpd
import pytest

from gisdesk.core.definitions import default_catalog
from gisdesk.core.project import Project
from gisdesk.io.readers import read_layer
from gisdesk.ui import main_window as main_window_module
from gisdesk.ui.jobs import Job, JobContext
from gisdesk.ui.main_window import MainWindow
from gisdesk.ui.settings import AppSettings


@pytest.fixture
def window(qtbot, tmp_path):
    w = MainWindow(Project(catalog=default_catalog()), AppSettings(tmp_path / "s.ini"))
    qtbot.addWidget(w)
    w.show()
    yield w
    w.jobs.cancel_all()
    w.jobs.wait(5000)
    w.canvas.shutdown()


def test_main_window_jobs_progress_and_cancel_from_status_bar(window, qtbot):
    gate = threading.Event()

    def work(ctx: JobContext) -> str:
        ctx.progress(3, 10, "step")
        gate.wait(5)
        for _ in range(500):
            ctx.check()
            threading.Event().wait(0.01)
        return "finished anyway"

    job = Job("long work", work)
    cancelled, succeeded = [], []
    job.cancelled.connect(lambda: cancelled.append(True))
    job.succeeded.connect(succeeded.append)
    window.jobs.start(job)
    bar = window.status.progress
    qtbot.waitUntil(lambda: bar.value() == 3 and bar.maximum() == 10, timeout=5000)
    assert bar.isVisible() and window.status.cancel_button.isVisible()
    window.status.cancel_button.click()
    gate.set()
    qtbot.waitUntil(lambda: cancelled == [True], timeout=5000)
    assert succeeded == []
    qtbot.waitUntil(lambda: not bar.isVisible(), timeout=5000)
    assert window.jobs.active == []


def test_main_window_jobs_failure_is_reported_once(window, qtbot):
    def work(_ctx: JobContext) -> None:
        raise ValueError("valves.gpkg: feature 7, field 'diameter_mm': not a number")

    job = Job("bad", work)
    failures, ended = [], []
    job.failed.connect(failures.append)
    job.ended.connect(lambda: ended.append(True))
    with qtbot.waitSignal(job.ended, timeout=5000):
        window.jobs.start(job)
    assert len(failures) == 1 and "diameter_mm" in str(failures[0])
    assert "ValueError" in job.traceback_text
    assert ended == [True]


def test_main_window_big_file_reads_visible_area_first_then_all(
    window, qtbot, city_gpkg, tmp_path, monkeypatch
):
    with qtbot.waitSignal(window.data_loaded, timeout=15000):
        window.open_path(city_gpkg)
    valve = window.project.layer("valves").frame.geometry.iloc[0]
    window.canvas.set_extent((valve.x - 200, valve.y - 200, valve.x + 200, valve.y + 200))
    qtbot.waitUntil(lambda: not window.canvas.is_rendering, timeout=10000)

    monkeypatch.setattr(main_window_module, "BIG_FILE_BYTES", 0)
    copy = tmp_path / "copy.gpkg"
    shutil.copy(city_gpkg, copy)
    counts_when_added: dict[str, int] = {}

    def note(*_args):
        for layer in window.project.layers:
            counts_when_added.setdefault(layer.name, len(layer.frame))

    window.project.layers_changed.connect(note)
    with qtbot.waitSignal(window.data_loaded, timeout=15000):
        window.open_path(copy)
    assert counts_when_added["valves (2)"] == 1  # only the valve on screen came first
    assert len(window.project.layer("valves (2)").frame) == 3  # then the rest
    assert len(window.project.layer("roads (2)").frame) == 2
    assert not window.is_loading


def write_utm_city(city_gpkg, path):
    """The test city stored in the project CRS (as the sample city is)."""
    for name in ("districts", "roads", "valves"):
        frame = gpd.read_file(city_gpkg, layer=name).to_crs("EPSG:32651")
        frame.to_file(path, layer=name, driver="GPKG")
    return path


def test_main_window_big_file_without_a_view_reads_covered_layers_once(
    window, qtbot, city_gpkg, tmp_path, monkeypatch
):
    city_gpkg = write_utm_city(city_gpkg, tmp_path / "utm_city.gpkg")
    monkeypatch.setattr(main_window_module, "BIG_FILE_BYTES", 0)
    titles: list[str] = []
    window.jobs.started.connect(lambda job: titles.append(job.title))
    loaded: list[bool] = []
    window.data_loaded.connect(lambda: loaded.append(True))
    with qtbot.waitSignal(window.data_loaded, timeout=15000):
        window.open_path(city_gpkg)
    assert [len(window.project.layer(n).frame) for n in ("districts", "roads", "valves")] == [
        len(read_layer(city_gpkg, n).frame) for n in ("districts", "roads", "valves")]
    # the whole city is on screen and nothing is hidden at its scale: one read, no second pass
    assert len(titles) == 1 and "rest" not in titles[0]
    assert not window.is_loading
    qtbot.wait(100)
    assert loaded == [True]
