"""Edits typed straight into the PostGIS hub's tables (psql) reach working copies on their next
sync, audited and logged once; a sync racing such an edit fails loudly and the next one lands."""

from __future__ import annotations

import secrets
import sqlite3
from pathlib import Path

import pytest
from shapely.geometry import LineString
from test_sync_hubs import KEYS, U1, U2, U3, read, sql, write_mains

from gisdesk.sync.folder_hub import HubError
from gisdesk.sync.postgis_hub import PostgisHub, opd_role
from gisdesk.sync.working_copy import WorkingCopy

pytestmark = pytest.mark.postgres
NEW = "00000000-0000-4000-8000-0000000000bb"


@pytest.fixture
def city(postgres, tmp_path: Path):
    """A hub, a staff login 'ani' of the water utility, and one working copy."""
    db = postgres.create_database(f"direct_{secrets.token_hex(4)}")
    hub = PostgisHub.init(postgres.dsn(dbname=db), write_mains(tmp_path / "src.gpkg"), KEYS,
                          {"water_mains": "PDAM"}, "admin", departments=["PDAM"])
    password = secrets.token_urlsafe(12)
    postgres.psql(f"DO $$ BEGIN CREATE ROLE ani LOGIN PASSWORD '{password}'; "
                  f"EXCEPTION WHEN duplicate_object THEN ALTER ROLE ani PASSWORD '{password}'; "
                  "END $$")
    postgres.psql(f"GRANT {opd_role('PDAM')} TO ani")
    postgres.add_password("ani", password)
    return postgres, db, hub


def psql(city, statement: str) -> None:
    server, db, _hub = city
    server.psql(statement, user="ani", dbname=db)


def test_sync_postgis_direct_update_reaches_working_copies(city, tmp_path: Path) -> None:
    _server, _db, hub = city
    a = WorkingCopy.checkout(hub, tmp_path / "a")
    b = WorkingCopy.checkout(hub, tmp_path / "b")
    sql(b.data, "UPDATE water_mains SET notes = 'valve stuck' WHERE uuid = ?", (U1,))
    psql(city, "UPDATE city.water_mains SET condition = 5 WHERE asset_id = 'WM-1'")

    [rev, _created] = hub.log()
    assert (rev.number, rev.author) == (1, "ani")  # who: the database login
    assert rev.summary == "direct database edit; 1 updated in water_mains"
    assert not a.sync("ani").up_to_date
    assert read(a.data).loc[U1, "condition"] == 5
    report = b.sync("budi")  # a local edit of another field of the same asset: both win
    assert report.conflicts == []
    row = read(b.data).loc[U1]
    assert (row["condition"], row["notes"]) == (5, "valve stuck")
    a.sync("ani")
    assert read(a.data).loc[U1, "notes"] == "valve stuck"
    # audited once each: the direct edit, then budi's push (not logged twice by the trigger)
    assert [action for _user, action, _at in hub.audit(U1)] == ["update", "update"]
    assert [row[2] for row in hub.feature_history(U1)] == ["update", "update"]


def test_sync_postgis_direct_insert_and_delete_in_one_transaction(city, tmp_path: Path) -> None:
    _server, _db, hub = city
    a = WorkingCopy.checkout(hub, tmp_path / "a")
    psql(city, "BEGIN; "
         "INSERT INTO city.water_mains (uuid, asset_id, condition, notes, geom) VALUES "
         f"('{NEW}', 'WM-9', 4, 'laid by contractor', "
         "ST_GeomFromText('LINESTRING(200 0, 300 0)', 32651)); "
         f"DELETE FROM city.water_mains WHERE uuid = '{U3}'; "
         f"UPDATE city.water_mains SET geom = ST_GeomFromText('LINESTRING(100 0, 200 50)', 32651) "
         f"WHERE uuid = '{U2}'; COMMIT")
    assert hub.head() == 1  # one transaction, one revision
    assert hub.log()[0].summary == ("direct database edit; 1 deleted, 1 added, 1 updated "
                                    "in water_mains")
    a.sync("ani")
    frame = read(a.data)
    assert U3 not in frame.index
    assert frame.loc[NEW, "notes"] == "laid by contractor"
    assert frame.loc[NEW].geometry.equals(LineString([(200, 0), (300, 0)]))
    assert frame.loc[U2].geometry.equals(LineString([(100, 0), (200, 50)]))
    assert a.local_changes() == []  # what came down is not mistaken for a local edit


def test_sync_postgis_direct_edit_against_local_edit_is_a_conflict(city,
                                                                   tmp_path: Path) -> None:
    _server, _db, hub = city
    a = WorkingCopy.checkout(hub, tmp_path / "a")
    sql(a.data, "UPDATE water_mains SET condition = 1 WHERE uuid = ?", (U2,))
    psql(city, f"UPDATE city.water_mains SET condition = 5 WHERE uuid = '{U2}'")
    report = a.sync("ani")
    [conflict] = report.conflicts
    assert (conflict.base, conflict.mine, conflict.theirs) == (4, 1, 5)
    assert [r["author"] for r in hub.conflicts(U2)] == ["ani"]


def test_sync_postgis_direct_noop_update_makes_no_revision(city, tmp_path: Path) -> None:
    _server, _db, hub = city
    psql(city, "UPDATE city.water_mains SET condition = condition")
    psql(city, "UPDATE city.water_mains SET condition = 1 WHERE asset_id = 'nothing'")
    assert hub.head() == 0
    assert WorkingCopy.checkout(hub, tmp_path / "a").sync("ani").up_to_date


def test_sync_postgis_direct_types_arrive_as_the_working_copy_stores_them(
        city, tmp_path: Path) -> None:
    """Booleans as 0/1 and times as GeoPackage text, so a later local edit of another field
    is the only change the working copy sees."""
    server, db, hub = city
    server.psql("ALTER TABLE city.water_mains ADD COLUMN flushed boolean, "
                "ADD COLUMN flushed_at timestamp with time zone, ADD COLUMN laid date",
                dbname=db)
    a = WorkingCopy.checkout(hub, tmp_path / "a")
    psql(city, "UPDATE city.water_mains SET flushed = true, "
         "flushed_at = '2026-03-04 05:06:07+00', laid = '1998-07-01' "
         f"WHERE uuid = '{U1}'")
    a.sync("ani")
    with sqlite3.connect(a.data) as conn:
        stored = conn.execute("SELECT flushed, flushed_at, laid FROM water_mains WHERE uuid = ?",
                              (U1,)).fetchone()
    conn.close()
    assert stored == (1, "2026-03-04T05:06:07.000Z", "1998-07-01")
    assert a.local_changes() == []
    sql(a.data, "UPDATE water_mains SET notes = 'flushed' WHERE uuid = ?", (U1,))
    [change] = a.local_changes()
    assert {k for k in change.new if change.new[k] != change.old[k]} == {"notes"}


def test_sync_postgis_direct_edit_during_sync_fails_loudly_then_lands(
        city, tmp_path: Path) -> None:
    _server, _db, hub = city
    a = WorkingCopy.checkout(hub, tmp_path / "a")
    sql(a.data, "UPDATE water_mains SET notes = 'from a' WHERE uuid = ?", (U2,))

    def meanwhile(_done: int, _total: int, step: str) -> None:
        if step == "send":  # a colleague types into psql while this sync holds the hub lock
            psql(city, f"UPDATE city.water_mains SET condition = 5 WHERE uuid = '{U1}'")

    with pytest.raises(HubError, match="changed during this sync"):
        a.sync("ani", progress=meanwhile)
    assert hub.head() == 1  # only the direct edit: nothing of a was written
    report = a.sync("ani")
    assert [c.uuid for c in report.pushed] == [U2]
    assert read(a.data).loc[U1, "condition"] == 5
    assert hub.head() == 2
