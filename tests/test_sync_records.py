"""An administrator reads back, on both hubs, every value a conflict set aside (and the one it
kept) and who changed what of one asset when."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import shapely
from shapely.geometry import LineString
from test_sync_hubs import U1, U2, U3, hub, sql  # noqa: F401 - `hub` is a fixture

from gisdesk.core.definitions import default_catalog
from gisdesk.sync.folder_hub import FolderHub
from gisdesk.sync.hubs import Hub
from gisdesk.sync.policies import policies_from_catalog
from gisdesk.sync.records import asset_history, conflict_entries
from gisdesk.sync.working_copy import WorkingCopy


def test_sync_records_conflicts_show_kept_and_set_aside(
        hub: Hub, tmp_path: Path) -> None:  # noqa: F811 - the fixture imported above
    policies = policies_from_catalog(default_catalog())  # notes: keep both
    a = WorkingCopy.checkout(hub, tmp_path / "a")
    b = WorkingCopy.checkout(hub, tmp_path / "b")
    sql(a.data, "UPDATE water_mains SET condition = 1, notes = 'valve stuck', asset_id = 'WM-3a' "
        "WHERE uuid = ?", (U3,))
    sql(b.data, "UPDATE water_mains SET condition = 5, notes = 'pipe leaks', asset_id = 'WM-3b' "
        "WHERE uuid = ?", (U3,))
    sql(a.data, "DELETE FROM water_mains WHERE uuid = ?", (U1,))
    sql(b.data, "UPDATE water_mains SET notes = 'repaired' WHERE uuid = ?", (U1,))
    a.sync("ani", policies)
    b.sync("budi", policies)
    entries = {(e.uuid, e.field): e for e in conflict_entries(hub)}
    assert set(entries) == {(U3, "condition"), (U3, "notes"), (U3, "asset_id"), (U1, None)}

    waiting = entries[(U3, "asset_id")]  # no policy: the hub value stands, mine is set aside
    assert (waiting.author, waiting.layer, waiting.policy) == ("budi", "water_mains", None)
    assert (waiting.base, waiting.kept, waiting.set_aside) == ("WM-3", "WM-3a", "WM-3b")
    assert waiting.revision == 2 and waiting.time and waiting.time.startswith("20")

    latest = entries[(U3, "condition")]  # "latest" without inspection dates: the hub's stands
    assert (latest.policy, latest.kept, latest.set_aside) == ("latest", 1, 5)

    both = entries[(U3, "notes")]
    assert both.policy == "keep_both" and both.kept == "valve stuck\n---\npipe leaks"
    assert both.set_aside is None  # nothing lost: both texts are in the kept value

    deleted = entries[(U1, None)]
    assert deleted.kind == "edit_vs_delete" and deleted.kept["notes"] == "repaired"
    assert shapely.from_wkb(deleted.mine["geometry"]).equals(  # the geometry is restorable
        LineString([(0, 0), (100, 0)]))
    assert [e.uuid for e in conflict_entries(hub, U3)] == [U3, U3, U3]


def test_sync_records_old_conflict_record_without_kept(hub: Hub, tmp_path: Path) -> None:  # noqa: F811
    """Records made before 'kept' was stored: the policy tells it, else it says unknown."""
    policies = policies_from_catalog(default_catalog())
    a = WorkingCopy.checkout(hub, tmp_path / "a")
    b = WorkingCopy.checkout(hub, tmp_path / "b")
    sql(a.data, "UPDATE water_mains SET condition = 1, asset_id = 'A' WHERE uuid = ?", (U2,))
    sql(b.data, "UPDATE water_mains SET condition = 5, asset_id = 'B' WHERE uuid = ?", (U2,))
    a.sync("ani", policies)
    b.sync("budi", policies)
    if isinstance(hub, FolderHub):
        with sqlite3.connect(hub.data) as conn:
            conn.execute("UPDATE gisdesk_conflicts SET kept = NULL")
        conn.close()
    else:
        import psycopg

        with psycopg.connect(hub.dsn) as conn:
            conn.execute("UPDATE gisdesk.conflicts SET kept = NULL")
    entries = {e.field: e for e in conflict_entries(hub)}
    assert (entries["asset_id"].kept, entries["asset_id"].set_aside) == ("A", "B")
    latest = entries["condition"]  # decided by inspection dates the record does not hold
    assert (latest.kept_known, latest.kept, latest.set_aside) == (False, None, None)
    assert (latest.mine, latest.theirs) == (5, 1)  # both values are still there


def test_sync_records_asset_history_who_what_when(hub: Hub, tmp_path: Path) -> None:  # noqa: F811
    a = WorkingCopy.checkout(hub, tmp_path / "a")
    b = WorkingCopy.checkout(hub, tmp_path / "b")
    sql(a.data, "UPDATE water_mains SET condition = 1 WHERE uuid = ?", (U2,))
    a.sync("ani")
    b.sync("budi")
    sql(b.data, "UPDATE water_mains SET notes = 'relined' WHERE uuid = ?", (U2,))
    sql(b.data, "UPDATE water_mains SET notes = 'other asset' WHERE uuid = ?", (U1,))
    b.sync("budi")
    a.sync("ani")
    sql(a.data, "DELETE FROM water_mains WHERE uuid = ?", (U2,))
    a.sync("ani")
    history = asset_history(hub, U2)
    assert [(h.author, h.kind, h.layer) for h in history] == [
        ("ani", "update", "water_mains"), ("budi", "update", "water_mains"),
        ("ani", "delete", "water_mains")]
    assert history[0].fields == {"condition": (4, 1)}
    assert history[1].fields == {"notes": ("", "relined")}
    assert history[2].fields["notes"] == ("relined", None)
    assert [h.revision for h in history] == sorted(h.revision for h in history)
    assert all(h.time.startswith("20") for h in history)
    assert asset_history(hub, "no-such-asset") == []
