"""A session killed before saving loses nothing: the journal restores every edit."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pyogrio
import pytest
import shapely
from _edit_fixtures import PDAM_EDITOR, X0, Y0, open_project, uuids, write_city

from gisdesk.core import edits_frame as rows
from gisdesk.core.edits import SetAttribute
from gisdesk.core.edits_geometry import SetGeometry
from gisdesk.core.edits_session import EditSession
from gisdesk.core.journal import Journal, discard, pending_journal, restore
from gisdesk.io.gpkg_store import save_session

MAIN = uuids(6, 1)

CHILD = textwrap.dedent(
    """
    import sys, time
    import shapely
    from _edit_fixtures import PDAM_EDITOR, X0, Y0, open_project, uuids
    from gisdesk.core.edits import AddFeature, DeleteFeature, SetAttribute
    from gisdesk.core.edits_geometry import SetGeometry, SplitLine
    from gisdesk.core.edits_session import EditSession
    from gisdesk.core.inspections import AddInspection
    from gisdesk.core.journal import Journal

    city, journal = sys.argv[1], sys.argv[2]
    MAIN = uuids(6, 1)
    s = EditSession(open_project(city), PDAM_EDITOR, Journal(journal))
    s.apply(SetAttribute(layer="water_mains", uuid=MAIN[0], field="diameter_mm", value=600))
    s.apply(SetAttribute(layer="water_mains", uuid=MAIN[0], field="notes", value="undone"))
    s.undo()
    s.apply(AddFeature(layer="water_mains", uuid="00000000-0000-4000-8000-00000000abcd",
                       values={"asset_id": "WM-K"},
                       geometry=shapely.LineString([(X0, Y0 + 900), (X0 + 50, Y0 + 950)])))
    s.apply(DeleteFeature(layer="water_mains", uuid=MAIN[5]))
    s.apply(SplitLine(layer="water_mains", uuid=MAIN[1],
                      new_uuid="00000000-0000-4000-8000-0000000000ff",
                      point=shapely.Point(X0 + 160, Y0)))
    s.apply(SetGeometry(layer="water_mains", uuid=MAIN[3],
                        geometry=shapely.LineString([(X0, Y0 - 500), (X0 + 10, Y0 - 510)])))
    s.apply(AddInspection(asset_layer="water_mains", asset_uuid=MAIN[2],
                          uuid="00000000-0000-4000-8000-0000000000ee",
                          values={"inspected_on": "2025-03-01", "condition": 2}))
    s.apply(SetAttribute(layer="water_mains", uuid=MAIN[4], field="pressure_zone", value="Z9"))
    s.undo()
    s.redo()
    print("applied", flush=True)
    time.sleep(60)
    """
)


def _run_and_kill(city: Path, journal: Path) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(Path(__file__).parent),
                                                        os.environ.get("PYTHONPATH", "")])}
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(city), str(journal)],
                             stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert child.stdout.readline().strip() == "applied"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL


def _check_restored(layer, insp) -> None:
    assert rows.get_row(layer, MAIN[0])["diameter_mm"] == 600
    assert rows.get_row(layer, MAIN[0])["notes"] in (None, "")
    assert rows.get_row(layer, "00000000-0000-4000-8000-00000000abcd")["asset_id"] == "WM-K"
    assert rows.get_row(layer, MAIN[5]) is None
    assert rows.get_row(layer, MAIN[1])["geometry"].length == pytest.approx(60)
    assert rows.get_row(layer, "00000000-0000-4000-8000-0000000000ff")["asset_id"] == "WM-001"
    assert rows.get_row(layer, MAIN[3])["geometry"].bounds == (X0, Y0 - 510, X0 + 10, Y0 - 500)
    assert rows.get_row(layer, MAIN[2])["condition"] == 2
    assert rows.get_row(layer, MAIN[4])["pressure_zone"] == "Z9"
    assert rows.get_row(insp, "00000000-0000-4000-8000-0000000000ee")["asset_uuid"] == MAIN[2]


def test_journal_sigkill_before_save_restores_every_edit(tmp_path) -> None:
    city, journal = write_city(tmp_path / "city.gpkg"), tmp_path / "edits.jsonl"
    _run_and_kill(city, journal)
    # Nothing reached the file ...
    assert pyogrio.read_dataframe(city, layer="water_mains").set_index("uuid").loc[
        MAIN[0], "diameter_mm"] == 100
    found = pending_journal(journal)
    assert found is not None and len(found) == 11 and found.header["user_name"] == "Budi"
    # ... and the next start restores it all, with the undo history.
    project = open_project(city)
    session = EditSession(project, PDAM_EDITOR, Journal(journal))
    assert restore(journal, session) == 11
    _check_restored(project.layer("water_mains"), project.layer("inspections"))
    assert len(session.history()) == 7 and session.history()[-1].done
    save_session(session)
    assert pending_journal(journal) is None
    reopened = open_project(city)
    _check_restored(reopened.layer("water_mains"), reopened.layer("inspections"))


def test_journal_torn_last_line_is_ignored(tmp_path) -> None:
    city, journal = write_city(tmp_path / "city.gpkg"), tmp_path / "edits.jsonl"
    session = EditSession(open_project(city), PDAM_EDITOR, Journal(journal))
    session.apply(SetAttribute(layer="water_mains", uuid=MAIN[0], field="notes", value="one"))
    with journal.open("a", encoding="utf-8") as fh:
        fh.write('{"op": "do", "command": {"kind": "set_attr')  # killed mid-write
    found = pending_journal(journal)
    assert len(found) == 1
    fresh = EditSession(open_project(city), PDAM_EDITOR)
    restore(journal, fresh)
    assert rows.get_row(fresh.project.layer("water_mains"), MAIN[0])["notes"] == "one"


def test_journal_discard_deletes_and_nothing_pending(tmp_path) -> None:
    city, journal = write_city(tmp_path / "city.gpkg"), tmp_path / "edits.jsonl"
    session = EditSession(open_project(city), PDAM_EDITOR, Journal(journal))
    session.apply(SetAttribute(layer="water_mains", uuid=MAIN[0], field="notes", value="x"))
    lines = journal.read_text(encoding="utf-8").splitlines()
    assert json.loads(lines[1])["command"]["value"] == "x"
    discard(journal)
    assert not journal.exists() and pending_journal(journal) is None


def test_journal_undo_of_saved_edit_survives_crash(tmp_path) -> None:
    city, journal = write_city(tmp_path / "city.gpkg"), tmp_path / "edits.jsonl"
    session = EditSession(open_project(city), PDAM_EDITOR, Journal(journal))
    line = shapely.LineString([(X0, Y0 + 5), (X0 + 20, Y0 + 25)])
    session.apply(SetGeometry(layer="water_mains", uuid=MAIN[0], geometry=line))
    save_session(session)
    session.undo()  # the journal now holds an undo of a command the new process never saw
    project = open_project(city)
    fresh = EditSession(project, PDAM_EDITOR, Journal(journal))
    restore(journal, fresh)
    geom = rows.get_row(project.layer("water_mains"), MAIN[0])["geometry"]
    assert geom.equals(shapely.LineString([(X0, Y0), (X0 + 100, Y0)]))
    save_session(fresh)
    saved = pyogrio.read_dataframe(city, layer="water_mains").set_index("uuid")
    assert saved.loc[MAIN[0], "geometry"].equals(geom)
