"""Reopening the app at the view it was closed at: a big file's first pass reads that view.

The common start is not a first start: the window remembered its last map extent on close
(``AppSettings.set_last_extent``), so the first read of a big file must be that street-level
area (a bounding-box read), not the whole file, and the map must open there.
"""

from __future__ import annotations

from gisdesk.core.definitions import default_catalog
from gisdesk.core.project import Project
from gisdesk.io.readers import read_layer
from gisdesk.ui import main_window as main_window_module
from gisdesk.ui.main_window import MainWindow
from gisdesk.ui.settings import AppSettings


def test_reopen_reads_the_remembered_view_first_then_everything(
    qtbot, city_gpkg, tmp_path, monkeypatch
):
    valves = read_layer(city_gpkg, "valves").frame
    valve = valves.geometry.iloc[0]
    view = (valve.x - 200, valve.y - 200, valve.x + 200, valve.y + 200)
    remembered = AppSettings(tmp_path / "s.ini")
    remembered.set_last_extent(view)  # what the window stores when it is closed
    remembered.sync()

    monkeypatch.setattr(main_window_module, "BIG_FILE_BYTES", 0)  # every file is "big"
    window = MainWindow(Project(catalog=default_catalog()), AppSettings(tmp_path / "s.ini"))
    qtbot.addWidget(window)
    counts_when_added: dict[str, int] = {}

    def note(*_args):
        for layer in window.project.layers:
            counts_when_added.setdefault(layer.name, len(layer.frame))

    window.project.layers_changed.connect(note)
    try:
        with qtbot.waitSignal(window.data_loaded, timeout=15000):
            window.open_path(city_gpkg)  # as the launch does: before the window is shown
            window.show()
        assert len(valves) > 1
        assert counts_when_added["valves"] == 1  # only the valve in the remembered view
        assert len(window.project.layer("valves").frame) == len(valves)  # then the rest
        assert not window.is_loading
        # the map opened where it was closed, not zoomed out to the whole file
        shown = window.canvas.viewport.extent
        assert shown[0] <= view[0] + 1 and shown[2] >= view[2] - 1
        assert shown[2] - shown[0] < 3 * (view[2] - view[0])
    finally:
        window.jobs.cancel_all()
        window.jobs.wait(5000)
        window.canvas.shutdown()

