"""Analysis runs as background jobs on a copy of the sample city: the window stays usable.

Each operation is started from the UI, is seen running (its job active, its button disabled,
nothing applied yet), and its applied answer is compared with the core function called
directly. Cancels are made deterministic by keeping the job queued behind two gated jobs on
the window's two worker threads; a cancelled job must leave the selection and layers as they
were.
"""

from __future__ import annotations

import shutil
import threading

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from gisdesk import paths
from gisdesk.core.definitions import default_catalog
from gisdesk.core.layer import DataSource
from gisdesk.core.project import Project
from gisdesk.io.project_file import read_source
from gisdesk.network.isolation import isolate
from gisdesk.query.spatial import nearest, select_by_location
from gisdesk.query.summary import summarise_by_area
from gisdesk.ui.analysis.location_dialog import SelectByLocationDialog
from gisdesk.ui.analysis.nearest_dialog import NearestDialog
from gisdesk.ui.analysis.network_tools import mains_network, network_check
from gisdesk.ui.analysis.summary_dialog import SummaryDialog
from gisdesk.ui.jobs import Job
from gisdesk.ui.main_window import MainWindow
from gisdesk.ui.settings import AppSettings

pytestmark = pytest.mark.skipif(not paths.sample_city_path().is_file(), reason="no sample city")

LAYERS = ("districts", "roads", "buildings", "water_mains", "valves", "hydrants", "drains")


@pytest.fixture
def window(qtbot, tmp_path):
    city = shutil.copy(paths.sample_city_path(), tmp_path / "gorontalo.gpkg")
    project = Project(catalog=default_catalog())
    for name in LAYERS:
        project.add_layer(read_source(DataSource(city, name), project.catalog, project.crs))
    w = MainWindow(project, AppSettings(tmp_path / "s.ini"))
    qtbot.addWidget(w)
    w.show()
    yield w
    w.jobs.cancel_all()
    w.jobs.wait(10000)
    w.canvas.shutdown()


@pytest.fixture
def hold_workers(window):
    """Occupy both worker threads until released, so the next job waits in the queue."""
    gate = threading.Event()
    for _ in range(2):
        window.jobs.start(Job("hold", lambda _ctx: gate.wait(30)))
    yield gate.set
    gate.set()


def _layer(window, name):
    return window.project.layer(name)


def test_ui_analysis_jobs_select_by_location_runs_in_background(qtbot, window):
    selection = window.selection
    dialog = SelectByLocationDialog(window.project, selection, window, window.jobs)
    qtbot.addWidget(dialog)
    dialog.show()  # non-modal here, so the test can go on while it runs
    dialog.distance.setValue(50)
    job = dialog.run()
    # started, not done: the GUI thread returned at once and can keep painting
    assert job in window.jobs.active
    assert selection.count() == 0
    assert not dialog.ok_button.isEnabled() and not dialog.inputs.isEnabled()
    assert dialog.run() is None  # not re-entrant
    assert window.status.progress.isVisible() and dialog.panel.cancel_button.isVisible()
    with qtbot.waitSignal(dialog.applied, timeout=20000) as applied:
        pass
    buildings, mains = _layer(window, "buildings"), _layer(window, "water_mains")
    expected = np.flatnonzero(select_by_location(buildings.frame, mains.frame, "dwithin", 50.0))
    assert len(expected) > 1000
    assert applied.args[0].tolist() == expected.tolist()
    assert selection.rows("buildings").tolist() == expected.tolist()
    qtbot.waitUntil(lambda: dialog.ok_button.isEnabled() and dialog.job is None, timeout=5000)
    assert not dialog.panel.cancel_button.isVisible()


def test_ui_analysis_jobs_cancel_leaves_selection_and_layers(qtbot, window, hold_workers):
    selection = window.selection
    selection.set("buildings", [3, 5, 8])
    layers_before = [lyr.name for lyr in window.project.layers]
    dialog = SelectByLocationDialog(window.project, selection, window, window.jobs)
    qtbot.addWidget(dialog)
    dialog.to_layer.setChecked(True)
    job = dialog.run()
    applied = []
    dialog.applied.connect(applied.append)
    dialog.panel.cancel_button.click()
    with qtbot.waitSignal(job.cancelled, timeout=20000):
        hold_workers()
    qtbot.waitUntil(dialog.ok_button.isEnabled, timeout=5000)
    assert applied == []
    assert selection.rows("buildings").tolist() == [3, 5, 8]
    assert [lyr.name for lyr in window.project.layers] == layers_before
    assert "nothing was changed" in dialog.panel.message.text()


def test_ui_analysis_jobs_edit_meanwhile_discards_the_answer(qtbot, window, monkeypatch):
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warned.append(args[2]))
    dialog = SelectByLocationDialog(window.project, window.selection, window, window.jobs)
    qtbot.addWidget(dialog)
    job = dialog.run()
    _layer(window, "buildings").touch()  # an edit lands before the answer is applied
    with qtbot.waitSignal(job.ended, timeout=20000):
        pass
    assert window.selection.count() == 0
    assert len(warned) == 1 and "changed while the query ran" in warned[0]


def test_ui_analysis_jobs_query_error_is_shown_and_changes_nothing(qtbot, window, monkeypatch):
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warned.append(args[1:3]))
    window.selection.set("buildings", [1])
    dialog = SelectByLocationDialog(window.project, window.selection, window, window.jobs)
    qtbot.addWidget(dialog)
    dialog.reference_filter.setText('"no_such_field" <= 2')
    job = dialog.run()
    with qtbot.waitSignal(job.failed, timeout=20000):
        pass
    assert window.selection.rows("buildings").tolist() == [1]
    assert len(warned) == 1 and "no_such_field" in warned[0][1]


def test_ui_analysis_jobs_nearest_matches_core(qtbot, window):
    buildings, hydrants = _layer(window, "buildings"), _layer(window, "hydrants")
    window.selection.set("buildings", list(range(0, 10000, 7)))
    dialog = NearestDialog(window.project, window.selection, window, window.jobs)
    qtbot.addWidget(dialog)
    job = dialog.run()
    assert job in window.jobs.active and not dialog.run_button.isEnabled()
    assert dialog.table.model.rowCount() == 0
    with qtbot.waitSignal(dialog.applied, timeout=20000) as applied:
        pass
    table = applied.args[0]
    pairs = nearest(buildings.frame.iloc[list(range(0, 10000, 7))], hydrants.frame, n=3)
    assert len(table) == len(pairs) == 3 * len(range(0, 10000, 7))
    assert table["buildings"].tolist() == buildings.frame.loc[pairs["target"],
                                                              "asset_id"].tolist()
    assert table["hydrants"].tolist() == hydrants.frame.loc[pairs["reference"],
                                                            "asset_id"].tolist()
    assert table["distance_m"].tolist() == pairs["distance_m"].round(1).tolist()
    assert dialog.table.model.rowCount() == len(table)
    qtbot.waitUntil(dialog.run_button.isEnabled, timeout=5000)


def test_ui_analysis_jobs_summary_matches_core_and_cancels(qtbot, window, hold_workers):
    dialog = SummaryDialog(window.project, window, window.jobs)
    qtbot.addWidget(dialog)
    dialog.category.setCurrentIndex(dialog.category.findData("condition"))
    first = dialog.run()
    dialog.panel.cancel_button.click()
    with qtbot.waitSignal(first.cancelled, timeout=20000):
        hold_workers()
    assert dialog.table.model.rowCount() == 0  # nothing shown for the cancelled run
    qtbot.waitUntil(dialog.run_button.isEnabled, timeout=5000)
    job = dialog.run()
    assert not dialog.run_button.isEnabled()
    with qtbot.waitSignal(dialog.applied, timeout=20000) as applied:
        pass
    assert job.is_cancelled is False
    expected = summarise_by_area(_layer(window, "districts").frame,
                                 _layer(window, "roads").frame, "name",
                                 category="condition").reset_index()
    pd.testing.assert_frame_equal(applied.args[0], expected)
    assert dialog.table.model.rowCount() == 50


def _midpoint(layer, row):
    line = layer.frame.geometry.iloc[row]
    point = line.interpolate(0.5, normalized=True)
    return point.x, point.y


def test_ui_analysis_jobs_isolation_matches_core(qtbot, window):
    ui = window.analysis
    tool = ui.isolate_tool
    mains, valves, buildings = (_layer(window, n) for n in ("water_mains", "valves",
                                                             "buildings"))
    x, y = _midpoint(mains, 100)
    busy = []
    tool.busy.connect(lambda: busy.append(True))
    job = tool.isolate_at(x, y)
    assert job in window.jobs.active and window.selection.count() == 0
    assert tool.isolate_at(x, y) is None and busy == [True]  # one at a time
    with qtbot.waitSignal(tool.isolated, timeout=20000) as isolated:
        pass
    result, table = isolated.args
    built = mains_network(mains, valves, buildings)
    direct = isolate(built[0], x, y, built[1], built[2], buildings.frame.index.to_numpy())
    assert result.to_dict() == direct.to_dict()
    assert direct.broken_main == mains.frame.index[100] and direct.valves_to_close
    assert window.selection.rows("valves").tolist() == sorted(
        valves.frame.index.get_indexer(direct.valves_to_close).tolist())
    assert len(table) == (len(direct.valves_to_close) + len(direct.dry_mains)
                          + len(direct.affected_buildings))
    assert ui.results.model.rowCount() == len(table)
    # a second click reuses the cached graph and still answers on the worker
    with qtbot.waitSignal(tool.isolated, timeout=20000):
        tool.isolate_at(*_midpoint(mains, 200))


def test_ui_analysis_jobs_isolation_cancel_from_status_bar(qtbot, window, hold_workers):
    window.selection.set("valves", [0])
    tool = window.analysis.isolate_tool
    isolated = []
    tool.isolated.connect(lambda *args: isolated.append(args))
    job = tool.isolate_at(*_midpoint(_layer(window, "water_mains"), 100))
    assert window.status.progress.isVisible()
    window.status.cancel_button.click()  # the status bar tracks the newest job: this one
    with qtbot.waitSignal(job.cancelled, timeout=20000):
        hold_workers()
    assert isolated == []
    assert window.selection.rows("valves").tolist() == [0]
    assert window.selection.rows("water_mains").tolist() == []
    qtbot.waitUntil(lambda: tool.job is None, timeout=5000)


@pytest.mark.parametrize(("kind", "column"), [("water_mains", "main"), ("drains", "drain")])
def test_ui_analysis_jobs_network_check_matches_core(qtbot, window, kind, column):
    ui = window.analysis
    job = ui.check_network(kind)
    assert job in window.jobs.active
    assert not ui.act_check.isEnabled() and not ui.act_check_drains.isEnabled()
    assert ui.check_network(kind) is None
    with qtbot.waitSignal(job.ended, timeout=20000):
        pass
    pieces, expected = network_check(window.project, kind)
    assert column in expected.columns and len(expected) > 0
    pd.testing.assert_frame_equal(ui.results.model.frame, expected)
    title = ui.results.title.text()
    assert f": {pieces} connected pieces" in title
    assert _layer(window, kind).title_in("en") in title
    assert ui.act_check.isEnabled() and ui.act_check_drains.isEnabled()


def test_ui_analysis_jobs_drains_check_from_the_menu(qtbot, window):
    ui = window.analysis
    assert ui.act_check_drains in ui.menu.actions()
    ui.act_check_drains.trigger()
    assert ui.check_job is not None
    with qtbot.waitSignal(ui.check_job.ended, timeout=20000):
        pass
    assert ui.results.title.text().startswith("Network check of Drains")
    assert ui.results.model.headerData(1, Qt.Orientation.Horizontal) == "Drain"
