"""Large mixed pushes (the set-based paths): every kind of change lands exactly, on both hubs.

A push of hundreds of features with different field sets, moved geometries, new features and
deletions must leave the hub and a second working copy identical to the editing copy; on the
PostGIS hub every changed feature is audited once, with who did it.
"""

from __future__ import annotations

import secrets
import sqlite3
from pathlib import Path

import geopandas as gpd
import psycopg
import pyogrio
import pytest
import shapely
from shapely.geometry import LineString

from gisdesk.io.gpkg_store_blob import register_functions, to_blob
from gisdesk.sync.folder_hub import FolderHub
from gisdesk.sync.hubs import Hub
from gisdesk.sync.merge import Change
from gisdesk.sync.postgis_hub import PostgisHub
from gisdesk.sync.working_copy import WorkingCopy

KEYS = {"water_mains": "uuid"}
N = 400


def uid(i: int) -> str:
    return f"00000000-0000-4000-8000-{i:012d}"


def write_many_mains(path: Path) -> Path:
    frame = gpd.GeoDataFrame(
        {"uuid": [uid(i) for i in range(N)], "asset_id": [f"WM-{i}" for i in range(N)],
         "condition": [i % 5 + 1 for i in range(N)], "notes": [""] * N,
         "installed": ["2001-02-03"] * N},
        geometry=[LineString([(i, 0), (i, 10)]) for i in range(N)], crs="EPSG:32651",
    )
    pyogrio.write_dataframe(frame, path, layer="water_mains", driver="GPKG")
    return path


@pytest.fixture(params=["folder", pytest.param("postgis", marks=pytest.mark.postgres)])
def hub(request: pytest.FixtureRequest, tmp_path: Path) -> Hub:
    src = write_many_mains(tmp_path / "src.gpkg")
    if request.param == "folder":
        return FolderHub.init(tmp_path / "hub", src, KEYS, "admin")
    server = request.getfixturevalue("postgres")
    db = server.create_database(f"batch_{secrets.token_hex(4)}")
    return PostgisHub.init(server.dsn(dbname=db), src, KEYS, {"water_mains": "PDAM"}, "admin")


def edit_mixed(path: Path) -> dict[str, int]:
    """Four field sets of updates, geometry moves, inserts and deletes in one working copy."""
    with sqlite3.connect(path) as conn:
        register_functions(conn)
        conn.execute("UPDATE water_mains SET notes = 'n' || fid WHERE fid <= 100")
        conn.execute("UPDATE water_mains SET condition = 0 WHERE fid BETWEEN 101 AND 150")
        conn.execute("UPDATE water_mains SET condition = NULL, notes = 'both' "
                     "WHERE fid BETWEEN 151 AND 170")
        for fid in range(171, 191):
            conn.execute("UPDATE water_mains SET geom = ? WHERE fid = ?",
                         (to_blob(LineString([(fid, 5), (fid + 1, 20)]), 32651), fid))
        conn.execute("DELETE FROM water_mains WHERE fid > 390")
        for i in range(N, N + 30):
            conn.execute(
                "INSERT INTO water_mains (uuid, asset_id, condition, notes, installed, geom) "
                "VALUES (?, ?, 3, 'new', '2026-11-28', ?)",
                (uid(i), f"WM-{i}", to_blob(LineString([(i, 0), (i, 30)]), 32651)))
    conn.close()
    return {"update": 190, "insert": 30, "delete": 10}


def frame(path: Path) -> gpd.GeoDataFrame:
    return pyogrio.read_dataframe(path, layer="water_mains").set_index("uuid").sort_index()


def assert_same(got: gpd.GeoDataFrame, expected: gpd.GeoDataFrame) -> None:
    assert list(got.index) == list(expected.index)
    for column in ("asset_id", "condition", "notes"):
        assert got[column].fillna(-1).tolist() == expected[column].fillna(-1).tolist(), column
    assert [str(v)[:10] for v in got["installed"]] == [str(v)[:10] for v in expected["installed"]]
    assert shapely.equals(got.geometry.values, expected.geometry.values).all()


def test_sync_batch_mixed_push_lands_exactly_on_both_hubs(hub: Hub, tmp_path: Path) -> None:
    a = WorkingCopy.checkout(hub, tmp_path / "a")
    b = WorkingCopy.checkout(hub, tmp_path / "b")
    kinds = edit_mixed(a.data)
    report = a.sync("ani")
    pushed = {k: sum(c.kind == k for c in report.pushed) for k in kinds}
    assert pushed == kinds
    expected = frame(a.data)
    assert len(expected) == N + 30 - 10
    hub.checkout(tmp_path / "hub_view.gpkg")
    assert_same(frame(tmp_path / "hub_view.gpkg"), expected)
    pulled = b.sync("budi")
    assert len(pulled.pulled) == sum(kinds.values())
    assert_same(frame(b.data), expected)
    assert a.local_changes() == [] and b.local_changes() == []


def test_sync_batch_partial_updates_keep_the_hubs_other_fields(hub: Hub, tmp_path: Path) -> None:
    """Two copies change different fields of the same 200 features: both edits survive."""
    a = WorkingCopy.checkout(hub, tmp_path / "a")
    b = WorkingCopy.checkout(hub, tmp_path / "b")
    for copy, statement in ((a, "UPDATE water_mains SET notes = 'from a' WHERE fid <= 200"),
                            (b, "UPDATE water_mains SET condition = 9 WHERE fid <= 200")):
        with sqlite3.connect(copy.data) as conn:
            register_functions(conn)
            conn.execute(statement)
        conn.close()
    a.sync("ani")
    report = b.sync("budi")
    assert report.conflicts == [] and len(report.pushed) == 200
    hub.checkout(tmp_path / "hub_view.gpkg")
    got = frame(tmp_path / "hub_view.gpkg").iloc[:200]
    assert set(got["notes"]) == {"from a"} and set(got["condition"]) == {9}


def test_sync_batch_insert_of_existing_feature_updates_it(hub: Hub, tmp_path: Path) -> None:
    """A retried push whose insert already landed updates the feature instead of failing."""
    a = WorkingCopy.checkout(hub, tmp_path / "a")
    row = frame(a.data).loc[uid(7)]
    new = {"uuid": uid(7), "asset_id": "WM-7b", "condition": 2, "notes": "again",
           "installed": "2001-02-03", "geometry": shapely.to_wkb(row.geometry, flavor="iso")}
    fresh = dict(new, uuid=uid(9999), asset_id="WM-9999")
    with hub.locked():
        hub.commit([Change("water_mains", uid(7), "insert", None, new),
                    Change("water_mains", uid(9999), "insert", None, fresh)], [], "ani", "s1")
    hub.checkout(tmp_path / "hub_view.gpkg")
    got = frame(tmp_path / "hub_view.gpkg")
    assert len(got) == N + 1
    assert (got.loc[uid(7), "asset_id"], got.loc[uid(7), "notes"]) == ("WM-7b", "again")
    assert got.loc[uid(9999), "asset_id"] == "WM-9999"


@pytest.mark.postgres
def test_sync_batch_postgis_audits_every_feature_once(postgres, tmp_path: Path) -> None:
    db = postgres.create_database(f"batch_audit_{secrets.token_hex(4)}")
    hub = PostgisHub.init(postgres.dsn(dbname=db), write_many_mains(tmp_path / "src.gpkg"),
                          KEYS, {"water_mains": "PDAM"}, "admin")
    a = WorkingCopy.checkout(hub, tmp_path / "a")
    kinds = edit_mixed(a.data)
    a.sync("ani")
    with psycopg.connect(hub.dsn) as conn:
        rows = conn.execute(
            "SELECT action, count(*), count(DISTINCT uuid), min(db_user), max(db_user) "
            "FROM gisdesk.audit GROUP BY action ORDER BY action").fetchall()
        moved = conn.execute(
            "SELECT old ->> 'notes', new ->> 'notes', new ? 'geom' FROM gisdesk.audit "
            "WHERE uuid = %s", (uid(0),)).fetchone()
        deleted = conn.execute("SELECT old ->> 'asset_id', new FROM gisdesk.audit "
                               "WHERE action = 'delete' AND uuid = %s", (uid(395),)).fetchone()
    user = postgres.superuser
    assert rows == [(kind, n, n, user, user) for kind, n in sorted(kinds.items())]
    assert moved == ("", "n1", False)  # old and new values, without the geometry
    assert deleted == ("WM-395", None)


def test_sync_batch_unreadable_geometry_named_by_fid(tmp_path: Path) -> None:
    hub = FolderHub.init(tmp_path / "hub", write_many_mains(tmp_path / "src.gpkg"), KEYS, "adm")
    a = WorkingCopy.checkout(hub, tmp_path / "a")
    with sqlite3.connect(a.data) as conn:
        register_functions(conn)
        conn.execute("UPDATE water_mains SET notes = 'x' WHERE fid <= 50")
        triggers = conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                "AND tbl_name = 'water_mains'").fetchall()
        for (name,) in triggers:  # the R-tree triggers would refuse the broken blob
            conn.execute(f'DROP TRIGGER "{name}"')
        broken = b"GP\x00\x01" + (32651).to_bytes(4, "little") + b"\x01\x02"  # WKB cut short
        conn.execute("UPDATE water_mains SET geom = ? WHERE fid = 17", (broken,))
    conn.close()
    with pytest.raises(ValueError, match="feature fid 17: geometry unreadable"):
        a.local_changes()


def test_sync_batch_apply_twice_same_as_once(tmp_path: Path) -> None:
    """Batched apply is idempotent (a re-run after a kill) and updates of missing features
    bring them back; the spatial index follows moved geometries."""
    from gisdesk.sync.apply import apply_changes, connect
    from gisdesk.sync.changes import detect_changes

    base = write_many_mains(tmp_path / "base.gpkg")
    edited = write_many_mains(tmp_path / "edited.gpkg")
    edit_mixed(edited)
    changes = detect_changes(base, edited, KEYS)
    target = write_many_mains(tmp_path / "target.gpkg")
    with sqlite3.connect(target) as conn:  # a feature the hub lost: its update must insert it
        register_functions(conn)
        conn.execute("DELETE FROM water_mains WHERE uuid = ?", (uid(0),))
    conn.close()
    for _ in range(2):
        conn = connect(target)
        conn.execute("BEGIN")
        apply_changes(conn, changes, KEYS)
        conn.execute("COMMIT")
        conn.close()
        assert_same(frame(target), frame(edited))
    with sqlite3.connect(target) as conn:
        moved = conn.execute("SELECT minx, maxx, miny, maxy FROM rtree_water_mains_geom "
                             "WHERE id = 171").fetchone()
    conn.close()
    assert moved == (171.0, 172.0, 5.0, 20.0)
