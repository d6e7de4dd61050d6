"""Schema changes: a field added on the hub reaches working copies without a new checkout, on
both hubs; working-copy state from another GIS Desk version is upgraded or refused clearly."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import psycopg
import pyogrio
import pytest
from test_sync_hubs import U1, U2, hub, read, sql, write_mains  # noqa: F401 - `hub` is a fixture

from gisdesk.io.gpkg_store_blob import register_functions
from gisdesk.sync.folder_hub import FolderHub
from gisdesk.sync.hubs import Hub
from gisdesk.sync.working_copy import SyncError, WorkingCopy


def add_field_on_hub(central: Hub) -> None:
    """What an admin does on the central store: a new field, filled for existing assets."""
    if isinstance(central, FolderHub):
        with sqlite3.connect(central.data) as conn:
            register_functions(conn)
            conn.execute("ALTER TABLE water_mains ADD COLUMN pressure_bar REAL")
            conn.execute("UPDATE water_mains SET pressure_bar = 2.5")
        conn.close()
    else:
        with psycopg.connect(central.dsn) as conn:
            conn.execute("ALTER TABLE city.water_mains ADD COLUMN pressure_bar double precision "
                         "DEFAULT 2.5")


def test_sync_schema_new_hub_field_reaches_copies_without_checkout(
    hub: Hub, tmp_path: Path  # noqa: F811 - the fixture imported above
) -> None:
    a = WorkingCopy.checkout(hub, tmp_path / "a")
    b = WorkingCopy.checkout(hub, tmp_path / "b")
    sql(b.data, "UPDATE water_mains SET notes = 'edited before the schema change' "
                "WHERE uuid = ?", (U2,))
    add_field_on_hub(hub)

    report = a.sync("ani")  # nothing local, no new revision: the schema alone must come down
    assert report.pushed == []
    frame = read(a.data)
    assert frame["pressure_bar"].tolist() == [2.5, 2.5, 2.5]
    assert a.sync("ani").up_to_date  # the filled values are not mistaken for local edits

    sql(a.data, "UPDATE water_mains SET pressure_bar = 4.0 WHERE uuid = ?", (U1,))
    assert len(a.sync("ani").pushed) == 1
    report = b.sync("budi")  # b also has its own older edit to send
    assert [c.uuid for c in report.pushed] == [U2]
    got = read(b.data)
    assert got.loc[U1, "pressure_bar"] == 4.0 and got.loc[U2, "pressure_bar"] == 2.5
    assert got.loc[U2, "notes"] == "edited before the schema change"
    # the file stays a valid GeoPackage for GDAL with the new field
    assert "pressure_bar" in pyogrio.read_info(b.data, layer="water_mains")["fields"]


def _copy_with_state(tmp_path: Path, **changes: object) -> Path:
    folder = FolderHub.init(tmp_path / "hub", _mains(tmp_path), {"water_mains": "uuid"}, "adm")
    copy = WorkingCopy.checkout(folder, tmp_path / "wc")
    state_path = copy.meta / "state.json"
    state = json.loads(state_path.read_text())
    for key, value in changes.items():
        if value is None:
            state.pop(key, None)
        else:
            state[key] = value
    state_path.write_text(json.dumps(state))
    return copy.folder


def _mains(tmp_path: Path) -> Path:
    return write_mains(tmp_path / "src.gpkg")


def test_sync_schema_state_from_newer_version_is_refused_clearly(tmp_path: Path) -> None:
    folder = _copy_with_state(tmp_path, version=99)
    with pytest.raises(SyncError, match=r"state\.json.*newer GIS Desk.*upgrade"):
        WorkingCopy(folder)


def test_sync_schema_state_from_first_version_is_upgraded(tmp_path: Path) -> None:
    # The first releases wrote no "version" and no "conflicts"; such a copy still syncs.
    folder = _copy_with_state(tmp_path, version=None, conflicts=None)
    copy = WorkingCopy(folder)
    assert copy.state.version == 1 and copy.state.conflicts == []
    sql(copy.data, "UPDATE water_mains SET notes = 'still syncs' WHERE uuid = ?", (U1,))
    assert len(copy.sync("ani").pushed) == 1
    assert json.loads((copy.meta / "state.json").read_text())["version"] == 1
