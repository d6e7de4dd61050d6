"""The PostGIS hub's schema version is checked on open: a hub from a newer GIS Desk is refused,
one from an older GIS Desk (per-row audit trigger, or statement triggers without a recorded
version) is upgraded by its owner or refused with the command to run."""

from __future__ import annotations

import secrets
from pathlib import Path

import psycopg
import pytest
from test_sync_hubs import KEYS, U1, read, write_mains

from gisdesk.cli import main
from gisdesk.sync.folder_hub import HubError
from gisdesk.sync.postgis_hub import HUB_SCHEMA_VERSION, PostgisHub, opd_role
from gisdesk.sync.working_copy import WorkingCopy

pytestmark = pytest.mark.postgres

# What the first PostGIS hubs installed (git show 5d5a536:gisdesk/sync/postgis_hub.py).
_VERSION_1 = """
DROP TRIGGER audit_insert ON city.water_mains;
DROP TRIGGER audit_update ON city.water_mains;
DROP TRIGGER audit_delete ON city.water_mains;
DROP FUNCTION gisdesk.audit_rows();
DELETE FROM gisdesk.hub_meta WHERE key = 'schema_version';
ALTER TABLE gisdesk.conflicts DROP COLUMN kept;
CREATE FUNCTION gisdesk.audit_row() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, gisdesk AS $$
BEGIN
    INSERT INTO gisdesk.audit (layer, uuid, action, old, new) VALUES (
        TG_TABLE_NAME,
        CASE WHEN TG_OP = 'DELETE' THEN to_jsonb(OLD) ->> TG_ARGV[0]
             ELSE to_jsonb(NEW) ->> TG_ARGV[0] END,
        lower(TG_OP),
        CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE to_jsonb(OLD) - 'geom' END,
        CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE to_jsonb(NEW) - 'geom' END);
    RETURN NULL;
END $$;
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON city.water_mains
FOR EACH ROW EXECUTE FUNCTION gisdesk.audit_row('uuid');
"""


@pytest.fixture
def old_hub(postgres, tmp_path: Path):
    """A hub as the first PostGIS version left it, plus a staff login 'ani' (not the owner)."""
    db = postgres.create_database(f"old_{secrets.token_hex(4)}")
    dsn = postgres.dsn(dbname=db)
    PostgisHub.init(dsn, write_mains(tmp_path / "src.gpkg"), KEYS, {"water_mains": "PDAM"},
                    "admin", departments=["PDAM"])
    with psycopg.connect(dsn) as conn:
        conn.execute(_VERSION_1)
    password = secrets.token_urlsafe(12)
    postgres.psql(f"DO $$ BEGIN CREATE ROLE ani LOGIN PASSWORD '{password}'; "
                  f"EXCEPTION WHEN duplicate_object THEN ALTER ROLE ani PASSWORD '{password}'; "
                  "END $$")
    postgres.psql(f"GRANT {opd_role('PDAM')} TO ani")
    postgres.add_password("ani", password)
    return postgres, db


def triggers(dsn: str) -> list[str]:
    with psycopg.connect(dsn) as conn:
        return [r[0] for r in conn.execute(
            "SELECT tgname FROM pg_trigger WHERE tgrelid = 'city.water_mains'::regclass "
            "AND NOT tgisinternal ORDER BY tgname")]


def test_sync_postgis_upgrade_refused_clearly_for_a_non_owner(old_hub) -> None:
    server, db = old_hub
    with pytest.raises(HubError) as info:
        PostgisHub(server.dsn("ani", db))
    message = str(info.value)
    assert "older GIS Desk" in message and "version 1" in message
    assert "per-row audit trigger" in message
    assert f"gisdesk hub upgrade postgresql:{server.dsn('ani', db)}" in message
    assert "Nothing was changed" in message
    assert triggers(server.dsn(dbname=db)) == ["audit"]  # nothing half-done


def test_sync_postgis_upgrade_by_owner_then_direct_edits_flow(old_hub, tmp_path: Path,
                                                               capsys) -> None:
    server, db = old_hub
    spec = "postgresql:" + server.dsn(dbname=db)
    assert main(["hub", "upgrade", spec]) == 0
    assert f"schema version {HUB_SCHEMA_VERSION}" in capsys.readouterr().out
    assert triggers(server.dsn(dbname=db)) == ["audit_delete", "audit_insert", "audit_update"]
    hub = PostgisHub(server.dsn("ani", db))  # staff can use it now
    copy = WorkingCopy.checkout(hub, tmp_path / "a")
    server.psql("UPDATE city.water_mains SET condition = 5 WHERE asset_id = 'WM-1'",
                user="ani", dbname=db)
    assert [action for _u, action, _at in hub.audit(U1)] == ["update"]  # audited once
    copy.sync("ani")
    assert read(copy.data).loc[U1, "condition"] == 5
    with psycopg.connect(server.dsn(dbname=db)) as conn:
        assert conn.execute("SELECT 1 FROM pg_proc WHERE proname = 'audit_row'").fetchone() \
            is None


def test_sync_postgis_upgrade_on_open_by_owner_keeps_history(old_hub, tmp_path: Path) -> None:
    server, db = old_hub
    with psycopg.connect(server.dsn(dbname=db)) as conn:  # history made under version 1
        conn.execute("INSERT INTO gisdesk.conflicts (revision, layer, uuid, field, kind, base, "
                     "mine, theirs, author) VALUES (0, 'water_mains', %s, 'condition', "
                     "'field', '3', '1', '5', 'budi')", (U1,))
    hub = PostgisHub(server.dsn(dbname=db))
    assert hub.schema_version == HUB_SCHEMA_VERSION
    [record] = hub.conflicts(U1)
    assert (record["mine"], record["kept"], record["author"]) == ("1", None, "budi")
    assert PostgisHub(server.dsn(dbname=db)).conflicts(U1) == [record]  # upgraded only once


def test_sync_postgis_upgrade_unrecorded_statement_trigger_hub(postgres, tmp_path: Path) -> None:
    """Version 2: statement-level triggers, no version recorded, conflicts without 'kept'."""
    db = postgres.create_database(f"v2_{secrets.token_hex(4)}")
    dsn = postgres.dsn(dbname=db)
    PostgisHub.init(dsn, write_mains(tmp_path / "src.gpkg"), KEYS, {"water_mains": "PDAM"},
                    "admin")
    with psycopg.connect(dsn) as conn:
        conn.execute("DELETE FROM gisdesk.hub_meta WHERE key = 'schema_version'; "
                     "ALTER TABLE gisdesk.conflicts DROP COLUMN kept")
    hub = PostgisHub(dsn)
    with psycopg.connect(dsn) as conn:
        version = conn.execute(
            "SELECT value FROM gisdesk.hub_meta WHERE key = 'schema_version'").fetchone()[0]
        kept = conn.execute("SELECT 1 FROM information_schema.columns WHERE table_schema = "
                            "'gisdesk' AND table_name = 'conflicts' AND column_name = 'kept'"
                            ).fetchone()
    assert version == HUB_SCHEMA_VERSION and kept is not None
    assert hub.head() == 0


def test_sync_postgis_upgrade_newer_hub_refused(postgres, tmp_path: Path) -> None:
    db = postgres.create_database(f"new_{secrets.token_hex(4)}")
    dsn = postgres.dsn(dbname=db)
    PostgisHub.init(dsn, write_mains(tmp_path / "src.gpkg"), KEYS, {"water_mains": "PDAM"},
                    "admin")
    with psycopg.connect(dsn) as conn:
        conn.execute("UPDATE gisdesk.hub_meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(HubError, match=r"newer GIS Desk \(hub schema version 99; this GIS Desk "
                                       rf"knows up to {HUB_SCHEMA_VERSION}\)\. Update GIS Desk"):
        PostgisHub(dsn)
