"""The Sync dock over a real folder hub: status, sync, failure shown loudly, conflicts, history."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtWidgets import QMessageBox
from test_sync_hubs import KEYS, U1, U3, read, write_mains

from gisdesk.core.definitions import default_catalog
from gisdesk.core.project import Project
from gisdesk.io.gpkg_store_blob import register_functions
from gisdesk.sync.folder_hub import FolderHub
from gisdesk.sync.working_copy import WorkingCopy
from gisdesk.ui.main_window import MainWindow
from gisdesk.ui.settings import AppSettings
from gisdesk.ui.sync.dialogs import (
    AssetHistoryDialog,
    ConflictDialog,
    HistoryDialog,
    PreviewDialog,
)


def edit(path: Path, statement: str, params: tuple) -> None:
    with sqlite3.connect(path) as conn:
        register_functions(conn)
        conn.execute(statement, params)
    conn.close()


@pytest.fixture
def setup(tmp_path: Path):
    hub = FolderHub.init(tmp_path / "hub", write_mains(tmp_path / "src.gpkg"), KEYS, "adm")
    return hub, WorkingCopy.checkout(hub, tmp_path / "a"), WorkingCopy.checkout(hub, tmp_path / "b")


@pytest.fixture
def window(qtbot, tmp_path: Path, setup):
    _hub, a, _b = setup
    win = MainWindow(Project(catalog=default_catalog()), AppSettings(tmp_path / "s.ini"))
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.data_loaded, timeout=15000):
        win.open_path(a.data)
    yield win
    win.jobs.wait(5000)
    win.canvas.shutdown()


def run_sync(qtbot, panel) -> None:
    job = panel.start_sync()
    assert job is not None
    with qtbot.waitSignal(job.ended, timeout=30000):
        pass


def test_ui_sync_panel_binds_and_syncs(qtbot, window, setup) -> None:
    hub, a, b = setup
    panel = window.sync_ui.panel
    assert panel.copy is not None and panel.copy.folder == a.folder
    assert panel.labels["pending"].text() == "0"
    edit(a.data, "UPDATE water_mains SET condition = 1 WHERE uuid = ?", (U1,))
    panel.refresh()
    assert panel.labels["pending"].text() == "1"
    run_sync(qtbot, panel)
    assert hub.head() == 1
    assert "1 sent" in panel.result.text()
    assert panel.labels["revision"].text() == "1"
    b.sync("budi")
    assert read(b.data).loc[U1, "condition"] == 1


def test_ui_sync_received_edits_reload_the_layer(qtbot, window, setup) -> None:
    _hub, _a, b = setup
    edit(b.data, "UPDATE water_mains SET condition = 5 WHERE uuid = ?", (U3,))
    b.sync("budi")
    run_sync(qtbot, window.sync_ui.panel)
    layer = window.project.layer("water_mains")
    assert layer.frame.set_index("uuid").loc[U3, "condition"] == 5


def test_ui_sync_failure_is_loud(qtbot, window, setup, monkeypatch) -> None:
    hub, a, _b = setup
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warned.append(args[2]))
    edit(a.data, "UPDATE water_mains SET condition = 2 WHERE uuid = ?", (U1,))
    (hub.folder / "data.gpkg").rename(hub.folder / "away.gpkg")  # the share disappears
    run_sync(qtbot, window.sync_ui.panel)
    assert "SYNC FAILED" in window.sync_ui.panel.result.text()
    assert warned and "nothing was lost" in warned[0]
    assert read(a.data).loc[U1, "condition"] == 2


def test_ui_sync_conflict_dialog_keep_mine(qtbot, window, setup) -> None:
    hub, a, b = setup
    edit(b.data, "UPDATE water_mains SET asset_id = 'WM-3B' WHERE uuid = ?", (U3,))
    b.sync("budi")
    edit(a.data, "UPDATE water_mains SET asset_id = 'WM-3A' WHERE uuid = ?", (U3,))
    panel = window.sync_ui.panel
    preview = PreviewDialog(panel.copy.preview())
    assert preview.conflicts.rowCount() == 1
    assert preview.conflicts.item(0, 4).text() == "WM-3A"  # mine
    run_sync(qtbot, panel)
    assert panel.labels["conflicts"].text() == "1"
    dialog = ConflictDialog(panel.copy, default_catalog())
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 1 and "Asset code" in dialog.list.item(0).text()
    assert [dialog.detail.item(0, c).text() for c in range(3)] == ["WM-3", "WM-3A", "WM-3B"]
    dialog.btn_mine.click()
    assert dialog.list.count() == 0
    assert read(a.data).loc[U3, "asset_id"] == "WM-3A"
    history = HistoryDialog(hub)
    qtbot.addWidget(history)
    assert history.list.rowCount() == 3  # created, budi's sync, our sync
    assert history.list.item(0, 2).text() != "adm"


def test_ui_sync_history_lists_conflict_records_kept_and_set_aside(qtbot, window,
                                                                   setup) -> None:
    """An admin sees every value a conflict set aside, with who and when, in the History."""
    hub, a, b = setup
    edit(b.data, "UPDATE water_mains SET asset_id = 'WM-3B' WHERE uuid = ?", (U3,))
    b.sync("budi")
    edit(a.data, "UPDATE water_mains SET asset_id = 'WM-3A' WHERE uuid = ?", (U3,))
    panel = window.sync_ui.panel
    run_sync(qtbot, panel)
    history = HistoryDialog(hub, catalog=default_catalog())
    qtbot.addWidget(history)
    assert history.tabs.count() == 2 and history.tabs.tabText(1) == "Conflicts (1)"
    table = history.conflicts
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    row = dict(zip(headers, (table.item(0, c).text() for c in range(table.columnCount())),
                   strict=True))
    assert row["Author"] == window.sync_ui._author()  # who synced second
    assert (row["Asset UUID"], row["Field"]) == (U3, "Asset code")
    assert (row["Value kept"], row["Value set aside"]) == ("WM-3B", "WM-3A")
    assert row["Decided by"].startswith("waiting for a person")
    assert row["Time (UTC)"]


def test_ui_sync_asset_history_for_the_identified_feature(qtbot, window, setup) -> None:
    _hub, _a, b = setup
    edit(b.data, "UPDATE water_mains SET condition = 1 WHERE uuid = ?", (U3,))
    b.sync("budi")
    run_sync(qtbot, window.sync_ui.panel)
    layer = window.project.layer("water_mains")
    row = int(np.flatnonzero(layer.frame["uuid"].to_numpy() == U3)[0])
    window.identify_panel.show_features(layer, [row])
    action = window.sync_ui.act_asset_history
    assert action in window.identify_panel.table.actions()  # in its context menu
    assert action.text() == "Asset history…"
    dialog = window.sync_ui.show_asset_history()
    assert dialog is not None
    qtbot.addWidget(dialog)
    cells = [[dialog.table.item(r, c).text() for c in range(dialog.table.columnCount())]
             for r in range(dialog.table.rowCount())]
    assert cells == [[cells[0][0], "budi", "1", "changed", "Condition", "2", "1"]]
    assert cells[0][0]  # when
    assert U3 in dialog.heading.text()


def test_ui_sync_asset_history_needs_a_feature(qtbot, window, monkeypatch) -> None:
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: told.append(args[2]))
    window.selection.clear()
    window.identify_panel.clear()
    assert window.sync_ui.show_asset_history() is None
    assert told == ["Identify or select a feature first."]


@pytest.mark.postgres
def test_ui_sync_asset_history_on_postgis_names_the_psql_user(qtbot, postgres,
                                                              tmp_path: Path) -> None:
    from gisdesk.sync.postgis_hub import PostgisHub

    db = postgres.create_database(f"ui_hist_{tmp_path.name[-8:].lower()}")
    hub = PostgisHub.init(postgres.dsn(dbname=db), write_mains(tmp_path / "src.gpkg"), KEYS,
                          {"water_mains": "PDAM"}, "adm")
    postgres.psql(f"UPDATE city.water_mains SET notes = 'flushed' WHERE uuid = '{U1}'",
                  dbname=db)
    dialog = AssetHistoryDialog(hub, U1, catalog=default_catalog())
    qtbot.addWidget(dialog)
    cells = [dialog.table.item(0, c).text() for c in range(dialog.table.columnCount())]
    assert cells[1:] == [postgres.superuser, "1", "changed", "Notes", "", "flushed"]
    title = default_catalog().layers["water_mains"].title.get("en")
    assert dialog.heading.text() == f"{title} · {U1}"
    history = HistoryDialog(hub, catalog=default_catalog())
    qtbot.addWidget(history)
    assert history.list.item(0, 2).text() == postgres.superuser
    assert history.list.item(0, 3).text() == f"direct database edit; 1 updated in {title}"
