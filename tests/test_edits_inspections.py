"""Inspections are appended and drive the asset's condition and last-inspected date."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from _edit_fixtures import PDAM_EDITOR, open_project, uuids, write_city

from gisdesk.core import edits_frame as rows
from gisdesk.core.edits_session import EditSession
from gisdesk.core.inspections import AddInspection, inspection_status, latest_inspection
from gisdesk.core.validation import FieldValueError

MAIN = uuids(6, 1)


@pytest.fixture
def session(tmp_path):
    return EditSession(open_project(write_city(tmp_path / "city.gpkg")), PDAM_EDITOR)


def _inspect(session, day: str, condition: int, **extra) -> AddInspection:
    cmd = AddInspection(asset_layer="water_mains", asset_uuid=MAIN[0],
                        values={"inspected_on": day, "condition": condition, **extra})
    session.apply(cmd)
    return cmd


def test_inspections_latest_sets_condition_and_date(session) -> None:
    mains = session.project.layer("water_mains")
    _inspect(session, "2024-05-01", 2, defects=["LEAK", "CORROSION"])
    row = rows.get_row(mains, MAIN[0])
    assert (row["condition"], row["last_inspected"]) == (2, "2024-05-01")
    _inspect(session, "2023-01-10", 5)  # an older one entered later does not win
    row = rows.get_row(mains, MAIN[0])
    assert (row["condition"], row["last_inspected"]) == (2, "2024-05-01")
    insp = session.project.layer("inspections")
    assert len(insp.frame) == 2
    latest = latest_inspection(insp, MAIN[0])
    assert latest["defects"] == "LEAK;CORROSION" and latest["inspector"] == "Budi"


def test_inspections_defaults_and_next_due_from_template(session) -> None:
    cmd = _inspect(session, "2024-01-31", 3)
    row = rows.get_row(session.project.layer("inspections"), cmd.uuid)
    assert row["next_due"] == "2026-01-31"  # water mains: every 24 months
    assert row["asset_layer"] == "water_mains" and row["inspector"] == "Budi"


def test_inspections_undo_restores_asset_condition(session) -> None:
    mains = session.project.layer("water_mains")
    _inspect(session, "2024-05-01", 1)
    session.undo()
    row = rows.get_row(mains, MAIN[0])
    assert (row["condition"], row["last_inspected"]) == (3, "2020-01-01")
    assert len(session.project.layer("inspections").frame) == 0


def test_inspections_bad_condition_or_defect_refused(session) -> None:
    with pytest.raises(FieldValueError, match=r"inspections.*'condition'.*not in the list"):
        _inspect(session, "2024-05-01", 9)
    with pytest.raises(FieldValueError, match=r"'defects'.*unknown defect codes ROT"):
        _inspect(session, "2024-05-01", 3, defects="ROT")
    assert len(session.project.layer("inspections").frame) == 0
    assert rows.get_row(session.project.layer("water_mains"), MAIN[0])["condition"] == 3


def test_inspections_status_lists_overdue_assets_first(session) -> None:
    _inspect(session, "2020-01-10", 3)  # water mains every 24 months: due 2022-01-10
    mains = session.project.layer("water_mains")
    other = AddInspection(asset_layer="water_mains", asset_uuid=MAIN[1],
                          values={"inspected_on": "2024-06-01", "condition": 4,
                                  "next_due": "2024-07-01"})
    session.apply(other)
    status = inspection_status(mains, session.project.layer("inspections"), dt.date(2024, 7, 11))
    assert len(status) == 6
    first = status.iloc[0]
    assert first["uuid"] == MAIN[0] and first["days_overdue"] == (
        dt.date(2024, 7, 11) - dt.date(2022, 1, 10)).days
    by_uuid = status.set_index("uuid")
    assert by_uuid.loc[MAIN[1], "days_overdue"] == 10  # its own next_due wins
    assert by_uuid.loc[MAIN[3], "days_overdue"] == 0 and pd.isna(
        by_uuid.loc[MAIN[3], "last_inspected"])  # never inspected: due today
