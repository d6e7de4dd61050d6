"""Both hubs (folder and PostGIS) + working copies pass the same suite.

Edits travel both ways, conflicts are kept, nothing is lost.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
from pathlib import Path

import geopandas as gpd
import pyogrio
import pytest
from shapely.geometry import LineString

from gisdesk.io.gpkg_store_blob import register_functions
from gisdesk.sync.folder_hub import FolderHub, HubError
from gisdesk.sync.hubs import Hub
from gisdesk.sync.postgis_hub import PostgisHub
from gisdesk.sync.working_copy import WorkingCopy

KEYS = {"water_mains": "uuid"}
U1, U2, U3 = (f"00000000-0000-4000-8000-00000000000{i}" for i in (1, 2, 3))


def write_mains(path: Path) -> Path:
    """Three mains written by GDAL (so the file has GDAL's R-tree triggers)."""
    frame = gpd.GeoDataFrame(
        {
            "uuid": [U1, U2, U3],
            "asset_id": ["WM-1", "WM-2", "WM-3"],
            "condition": [3, 4, 2],
            "notes": ["", "", ""],
        },
        geometry=[
            LineString([(0, 0), (100, 0)]),
            LineString([(100, 0), (200, 0)]),
            LineString([(100, 0), (100, 100)]),
        ],
        crs="EPSG:32651",
    )
    pyogrio.write_dataframe(frame, path, layer="water_mains", driver="GPKG")
    return path


_DB_COUNTER = iter(range(10_000))


@pytest.fixture(params=["folder", pytest.param("postgis", marks=pytest.mark.postgres)])
def hub(request: pytest.FixtureRequest, tmp_path: Path) -> Hub:
    src = write_mains(tmp_path / "src.gpkg")
    if request.param == "folder":
        return FolderHub.init(tmp_path / "hub", src, KEYS, "admin")
    server = request.getfixturevalue("postgres")
    db = server.create_database(f"hub_{next(_DB_COUNTER)}_{tmp_path.name[-12:].lower()}")
    return PostgisHub.init(server.dsn(dbname=db), src, KEYS, {"water_mains": "PDAM"}, "admin")


def hub_frame(hub: Hub, tmp_path: Path) -> gpd.GeoDataFrame:
    """The hub's current data, read the same way for every kind of hub (a fresh checkout)."""
    target = tmp_path / f"hubview{next(_DB_COUNTER)}.gpkg"
    hub.checkout(target)
    return read(target)


def checkout(hub: Hub, path: Path) -> WorkingCopy:
    return WorkingCopy.checkout(hub, path)


def sql(path: Path, statement: str, params: tuple = ()) -> None:
    """Edit the working copy the way another tool would (plain SQL, attributes only)."""
    with sqlite3.connect(path) as conn:
        register_functions(conn)  # GDAL's R-tree triggers call ST_* functions
        conn.execute(statement, params)
    conn.close()


def read(path: Path) -> gpd.GeoDataFrame:
    return pyogrio.read_dataframe(path, layer="water_mains").set_index("uuid")


def test_sync_folder_hub_edit_travels_to_other_copy(hub: Hub, tmp_path: Path) -> None:
    a, b = checkout(hub, tmp_path / "a"), checkout(hub, tmp_path / "b")
    sql(a.data, "UPDATE water_mains SET condition = 1 WHERE uuid = ?", (U1,))
    report = a.sync("ani")
    assert report.revision == 1 and len(report.pushed) == 1
    b.sync("budi")
    assert read(b.data).loc[U1, "condition"] == 1
    assert hub_frame(hub, tmp_path).loc[U1, "condition"] == 1


def test_sync_folder_hub_different_fields_both_win(hub: Hub, tmp_path: Path) -> None:
    a, b = checkout(hub, tmp_path / "a"), checkout(hub, tmp_path / "b")
    sql(a.data, "UPDATE water_mains SET condition = 1 WHERE uuid = ?", (U2,))
    sql(b.data, "UPDATE water_mains SET notes = 'valve stuck' WHERE uuid = ?", (U2,))
    a.sync("ani")
    report = b.sync("budi")
    assert report.conflicts == []
    a.sync("ani")
    for copy in (a, b):
        row = read(copy.data).loc[U2]
        assert (row["condition"], row["notes"]) == (1, "valve stuck")


def test_sync_folder_hub_conflict_keeps_losing_value(hub: Hub, tmp_path: Path) -> None:
    a, b = checkout(hub, tmp_path / "a"), checkout(hub, tmp_path / "b")
    sql(a.data, "UPDATE water_mains SET condition = 1 WHERE uuid = ?", (U3,))
    sql(b.data, "UPDATE water_mains SET condition = 5 WHERE uuid = ?", (U3,))
    a.sync("ani")
    report = b.sync("budi")
    [conflict] = report.conflicts
    assert (conflict.mine, conflict.theirs, conflict.base) == (5, 1, 2)
    assert read(b.data).loc[U3, "condition"] == 1  # hub value stands until resolved
    [record] = hub.conflicts(U3)
    assert json.loads(record["mine"]) == 5 and record["author"] == "budi"
    assert b.state.conflicts[0]["field"] == "condition"


def test_sync_folder_hub_delete_against_edit_never_silent(hub: Hub, tmp_path: Path) -> None:
    a, b = checkout(hub, tmp_path / "a"), checkout(hub, tmp_path / "b")
    sql(a.data, "DELETE FROM water_mains WHERE uuid = ?", (U1,))
    sql(b.data, "UPDATE water_mains SET notes = 'repaired' WHERE uuid = ?", (U1,))
    a.sync("ani")
    report = b.sync("budi")
    assert [c.kind for c in report.conflicts] == ["edit_vs_delete"]
    assert hub_frame(hub, tmp_path).loc[U1, "notes"] == "repaired"  # the edited feature is back


def test_sync_folder_hub_insert_from_gdal_is_picked_up(hub: Hub, tmp_path: Path) -> None:
    a, b = checkout(hub, tmp_path / "a"), checkout(hub, tmp_path / "b")
    new = "00000000-0000-4000-8000-0000000000aa"
    subprocess.run(
        ["ogrinfo", "-q", str(a.data), "-sql",
         f"INSERT INTO water_mains (uuid, asset_id, condition, geom) VALUES ('{new}', 'WM-9', 4, "
         "AsGPB(ST_GeomFromText('LINESTRING(200 0, 300 0)', 32651)))"],
        check=True, capture_output=True,
    )
    a.sync("ani")
    b.sync("budi")
    frame = read(b.data)
    assert frame.loc[new, "asset_id"] == "WM-9"
    assert frame.loc[new].geometry.equals(LineString([(200, 0), (300, 0)]))
    info = subprocess.run(["ogrinfo", "-so", str(b.data), "water_mains"], capture_output=True,
                          text=True, check=True).stdout
    assert "Feature Count: 4" in info
    assert "(0.000000, 0.000000) - (300.000000, 100.000000)" in info  # extent grew


def test_sync_folder_hub_nothing_to_do_is_up_to_date(hub: Hub, tmp_path: Path) -> None:
    a = checkout(hub, tmp_path / "a")
    report = a.sync("ani")
    assert report.up_to_date and report.revision == 0
    assert hub.head() == 0


def test_sync_folder_hub_retried_push_applies_once(hub: Hub, tmp_path: Path) -> None:
    a = checkout(hub, tmp_path / "a")
    sql(a.data, "UPDATE water_mains SET condition = 1 WHERE uuid = ?", (U1,))
    mine = a.local_changes()
    with hub.locked():
        first = hub.commit(mine, [], "ani", "sync-1")
        second = hub.commit(mine, [], "ani", "sync-1")
    assert first == second == 1
    assert hub.head() == 1


def test_sync_folder_hub_missing_hub_says_so(tmp_path: Path) -> None:
    with pytest.raises(HubError, match="not a GIS Desk hub"):
        FolderHub(tmp_path / "nowhere")


def test_sync_hubs_preview_lists_up_down_and_conflicts(hub: Hub, tmp_path: Path) -> None:
    a, b = checkout(hub, tmp_path / "a"), checkout(hub, tmp_path / "b")
    sql(a.data, "UPDATE water_mains SET condition = 1, notes = 'a' WHERE uuid = ?", (U1,))
    a.sync("ani")
    sql(b.data, "UPDATE water_mains SET condition = 5 WHERE uuid = ?", (U1,))
    sql(b.data, "UPDATE water_mains SET notes = 'b' WHERE uuid = ?", (U2,))
    preview = b.preview()
    assert [c.uuid for c in preview.to_hub] == [U2]
    assert {c.uuid for c in preview.to_local} == {U1}
    assert [(c.field, c.mine, c.theirs) for c in preview.unresolved] == [("condition", 5, 1)]
    assert hub.head() == 1  # a preview changes nothing
    assert read(b.data).loc[U1, "condition"] == 5


def test_sync_hubs_resolve_keep_mine_goes_up_next_sync(hub: Hub, tmp_path: Path) -> None:
    a, b = checkout(hub, tmp_path / "a"), checkout(hub, tmp_path / "b")
    sql(a.data, "UPDATE water_mains SET condition = 1 WHERE uuid = ?", (U3,))
    sql(b.data, "UPDATE water_mains SET condition = 5 WHERE uuid = ?", (U3,))
    a.sync("ani")
    b.sync("budi")
    assert read(b.data).loc[U3, "condition"] == 1
    b.resolve(0, "mine")
    assert b.state.conflicts == []
    assert read(b.data).loc[U3, "condition"] == 5
    b.sync("budi")
    a.sync("ani")
    assert read(a.data).loc[U3, "condition"] == 5
    assert len(hub.conflicts(U3)) == 1  # the record of the clash stays as history


def test_sync_hubs_policies_from_definitions(hub: Hub, tmp_path: Path) -> None:
    from gisdesk.core.definitions import default_catalog
    from gisdesk.sync.policies import policies_from_catalog

    policies = policies_from_catalog(default_catalog())
    a, b = checkout(hub, tmp_path / "a"), checkout(hub, tmp_path / "b")
    sql(a.data, "UPDATE water_mains SET notes = 'valve stuck' WHERE uuid = ?", (U1,))
    sql(b.data, "UPDATE water_mains SET notes = 'pipe leaks' WHERE uuid = ?", (U1,))
    a.sync("ani", policies)
    report = b.sync("budi", policies)
    assert report.conflicts[0].resolved_by == "keep_both" and b.state.conflicts == []
    assert read(b.data).loc[U1, "notes"] == "valve stuck\n---\npipe leaks"


def test_sync_hubs_cancel_before_push_changes_nothing(hub: Hub, tmp_path: Path) -> None:
    from gisdesk.sync.working_copy import SyncCancelled

    a = checkout(hub, tmp_path / "a")
    sql(a.data, "UPDATE water_mains SET condition = 1 WHERE uuid = ?", (U1,))
    steps: list[str] = []
    with pytest.raises(SyncCancelled):
        a.sync("ani", progress=lambda d, t, s: steps.append(s),
               cancel=lambda: "hub changes" in steps)
    assert hub.head() == 0 and len(a.local_changes()) == 1
    report = a.sync("ani", progress=lambda d, t, s: steps.append(s))
    assert report.revision == 1 and steps[-1] == "done"
    [change] = hub.revision_changes(1)
    assert change.uuid == U1 and change.new["condition"] == 1
    assert [row[2] for row in hub.feature_history(U1)] == ["update"]


def test_sync_hubs_lock_is_reentrant_for_its_holder(hub: Hub, tmp_path: Path) -> None:
    """A sync holding the hub lock may check out (e.g. to fetch new fields) without deadlock."""
    import threading

    done: list[int] = []

    def nested() -> None:
        with hub.locked(), hub.locked():
            done.append(hub.checkout(tmp_path / "inside.gpkg"))

    worker = threading.Thread(target=nested, daemon=True)
    worker.start()
    worker.join(60)
    assert done == [0] and not worker.is_alive()
    with hub.locked():  # and it was released
        assert hub.head() == 0
