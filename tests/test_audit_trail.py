"""Every saved change leaves an audit line in the GeoPackage: who, OPD, when, where, old → new."""

from __future__ import annotations

import csv
import re
import socket
import sqlite3
import subprocess

import pytest
import shapely
from _edit_fixtures import ADMIN, PDAM_EDITOR, X0, Y0, open_project, uuids, write_city

from gisdesk.core.audit import FeatureChange, records_for
from gisdesk.core.edits import AddFeature, DeleteFeature, SetAttribute
from gisdesk.core.edits_geometry import SetGeometry, SplitLine
from gisdesk.core.edits_session import EditSession
from gisdesk.core.inspections import AddInspection
from gisdesk.io import gpkg_store
from gisdesk.io.gpkg_store import StoreError, save_session
from gisdesk.io.gpkg_store_audit import export_csv, read_history

MAIN = uuids(6, 1)


@pytest.fixture
def city(tmp_path):
    return write_city(tmp_path / "city.gpkg")


def test_audit_trail_records_each_kind_of_change(city) -> None:
    session = EditSession(open_project(city), PDAM_EDITOR)
    session.apply(SetAttribute(layer="water_mains", uuid=MAIN[0], field="diameter_mm", value=250))
    session.apply(SetAttribute(layer="water_mains", uuid=MAIN[0], field="diameter_mm", value=300))
    added = AddFeature(layer="water_mains", values={"asset_id": "WM-A"},
                       geometry=shapely.LineString([(X0, Y0), (X0 + 1, Y0 + 1)]))
    session.apply(added)
    session.apply(DeleteFeature(layer="water_mains", uuid=MAIN[5]))
    session.apply(SetGeometry(layer="water_mains", uuid=MAIN[4],
                              geometry=shapely.LineString([(X0, Y0), (X0 + 2, Y0)])))
    split = SplitLine(layer="water_mains", uuid=MAIN[1], point=shapely.Point(X0 + 150, Y0))
    session.apply(split)
    insp = AddInspection(asset_layer="water_mains", asset_uuid=MAIN[2],
                         values={"inspected_on": "2025-01-02", "condition": 4})
    session.apply(insp)
    save_session(session)

    trail = read_history(city)
    assert {r.user_name for r in trail} == {"Budi"} and {r.opd for r in trail} == {"PDAM"}
    assert {r.workstation for r in trail} == {socket.gethostname()}
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", r.changed_at) for r in trail)
    by = {(r.feature_uuid, r.action, r.field): r for r in trail}
    diameter = by[(MAIN[0], "update", "diameter_mm")]
    assert (diameter.old_value, diameter.new_value) == ("100", "300")  # net change, one line
    assert (added.uuid, "insert", None) in by
    assert (MAIN[5], "delete", None) in by
    geom = by[(MAIN[4], "geometry", "geometry")]
    assert geom.new_value == f"LINESTRING ({X0:.0f} {Y0:.0f}, {X0 + 2:.0f} {Y0:.0f})"
    assert by[(split.new_uuid, "insert", "split_from")].old_value == MAIN[1]
    assert (insp.uuid, "inspection", None) in by
    condition = by[(MAIN[2], "update", "condition")]
    assert (condition.old_value, condition.new_value) == ("3", "4")

    assert [r.field for r in read_history(city, MAIN[0])] == ["diameter_mm"]
    out = subprocess.run(["ogrinfo", "-ro", "-so", str(city), "gisdesk_audit"],
                         capture_output=True, text=True, check=True).stdout
    assert f"Feature Count: {len(trail)}" in out


def test_audit_trail_nothing_for_changes_undone_or_reverted(city) -> None:
    session = EditSession(open_project(city), ADMIN)
    session.apply(SetAttribute(layer="water_mains", uuid=MAIN[0], field="notes", value="x"))
    session.apply(SetAttribute(layer="water_mains", uuid=MAIN[0], field="notes", value=None))
    session.apply(DeleteFeature(layer="roads", uuid=uuids(3, 3)[0]))
    session.undo()
    assert session.pending_changes() == []
    save_session(session)
    assert read_history(city) == []


def test_audit_trail_not_written_when_save_fails(city, monkeypatch) -> None:
    monkeypatch.setattr(gpkg_store, "LOCK_TIMEOUT_S", 0.2)
    session = EditSession(open_project(city), PDAM_EDITOR)
    session.apply(SetAttribute(layer="water_mains", uuid=MAIN[0], field="notes", value="x"))
    lock = sqlite3.connect(city, isolation_level=None)
    lock.execute("BEGIN EXCLUSIVE")
    with pytest.raises(StoreError):
        save_session(session)
    lock.execute("ROLLBACK")
    lock.close()
    assert read_history(city) == []


def test_audit_trail_exports_csv(city, tmp_path) -> None:
    session = EditSession(open_project(city), PDAM_EDITOR)
    session.apply(SetAttribute(layer="water_mains", uuid=MAIN[3], field="notes", value="a, \"b\""))
    save_session(session, host="desk-9")
    export_csv(read_history(city), tmp_path / "audit.csv")
    with (tmp_path / "audit.csv").open(encoding="utf-8", newline="") as fh:
        lines = list(csv.DictReader(fh))
    assert len(lines) == 1
    assert lines[0]["workstation"] == "desk-9" and lines[0]["new_value"] == 'a, "b"'


def test_audit_records_for_noop_change_is_empty() -> None:
    row = {"uuid": "u", "notes": "same"}
    change = FeatureChange("water_mains", "u", row, dict(row))
    assert records_for(change, PDAM_EDITOR, "t", "h") == []
