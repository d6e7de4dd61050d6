"""On the PostGIS hub, PostgreSQL itself enforces who may edit which layer, and audits it."""

from __future__ import annotations

import secrets
import sqlite3
from pathlib import Path

import pytest
from test_sync_hubs import KEYS, U1, read, write_mains

from gisdesk.io.gpkg_store_blob import register_functions
from gisdesk.sync.folder_hub import HubError
from gisdesk.sync.postgis_hub import PostgisHub, opd_role
from gisdesk.sync.working_copy import WorkingCopy

pytestmark = pytest.mark.postgres


@pytest.fixture
def city(postgres, tmp_path: Path):
    """A hub database plus two staff logins: ani (water utility) and dina (public works)."""
    db = postgres.create_database(f"roles_{secrets.token_hex(4)}")
    src = write_mains(tmp_path / "src.gpkg")
    PostgisHub.init(postgres.dsn(dbname=db), src, KEYS, {"water_mains": "PDAM"}, "admin",
                    departments=["PDAM", "PUPR"])
    for user, opd in (("ani", "PDAM"), ("dina", "PUPR")):
        password = secrets.token_urlsafe(12)
        postgres.psql(f"DO $$ BEGIN CREATE ROLE {user} LOGIN PASSWORD '{password}'; "
                      f"EXCEPTION WHEN duplicate_object THEN "
                      f"ALTER ROLE {user} PASSWORD '{password}'; END $$")
        postgres.psql(f"GRANT {opd_role(opd)} TO {user}")
        postgres.add_password(user, password)
    return postgres, db


def edit(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        register_functions(conn)
        conn.execute("UPDATE water_mains SET condition = 1 WHERE uuid = ?", (U1,))
    conn.close()


def test_sync_postgis_roles_owner_department_may_sync(city, tmp_path: Path) -> None:
    server, db = city
    copy = WorkingCopy.checkout(PostgisHub(server.dsn("ani", db)), tmp_path / "ani")
    edit(copy.data)
    report = copy.sync("ani")
    assert report.revision == 1
    audit = PostgisHub(server.dsn("ani", db)).audit(U1)
    assert [(user, action) for user, action, _ in audit] == [("ani", "update")]


def test_sync_postgis_roles_other_department_refused_nothing_lost(city, tmp_path: Path) -> None:
    server, db = city
    copy = WorkingCopy.checkout(PostgisHub(server.dsn("dina", db)), tmp_path / "dina")
    edit(copy.data)
    with pytest.raises(HubError, match="may not edit this layer"):
        copy.sync("dina")
    assert read(copy.data).loc[U1, "condition"] == 1  # the edit is still in the working copy
    assert len(WorkingCopy(copy.folder).local_changes()) == 1  # and still pending
    assert PostgisHub(server.dsn("dina", db)).head() == 0


def test_sync_postgis_roles_enforced_for_psql_too(city) -> None:
    server, db = city
    denied = server.psql("UPDATE city.water_mains SET condition = 1", user="dina", dbname=db,
                         check=False)
    assert denied.returncode != 0 and "permission denied" in denied.stderr
    allowed = server.psql("UPDATE city.water_mains SET condition = 2 WHERE asset_id = 'WM-1'",
                          user="ani", dbname=db)
    assert allowed.returncode == 0
    forged = server.psql("INSERT INTO gisdesk.audit (layer, action) VALUES ('x', 'forged')",
                         user="ani", dbname=db, check=False)
    assert forged.returncode != 0  # nobody writes the audit trail by hand
    hijack = server.psql("CREATE TEMP TABLE mine (fid bigint, uuid text); CREATE TRIGGER t "
                         "AFTER INSERT ON mine REFERENCING NEW TABLE AS gisdesk_new FOR EACH "
                         "STATEMENT EXECUTE FUNCTION gisdesk.audit_rows('uuid')",
                         user="ani", dbname=db, check=False)
    assert hijack.returncode != 0 and "permission denied" in hijack.stderr  # nor via a trigger
    who = server.psql("SELECT db_user FROM gisdesk.audit ORDER BY id DESC LIMIT 1", dbname=db)
    assert who.stdout.strip() == "ani"


def test_sync_postgis_roles_password_in_dsn_refused(city) -> None:
    server, db = city
    with pytest.raises(HubError, match="never stores passwords"):
        PostgisHub(server.dsn("ani", db) + " password=secret")
