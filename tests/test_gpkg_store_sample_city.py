"""The 'done when' walk-through on the sample city, through the core API (no UI).

Find a road in poor condition, record an inspection, fix an attribute, draw a streetlight, undo
and redo, save — and see it all in the file and in the features' history.
"""

from __future__ import annotations

import datetime as dt
import shutil

import pandas as pd
import pyogrio
import pytest
import shapely

from gisdesk import paths
from gisdesk.core import edits_frame as rows
from gisdesk.core.definitions import default_catalog
from gisdesk.core.edits import AddFeature, SetAttribute
from gisdesk.core.edits_session import EditSession
from gisdesk.core.inspections import AddInspection, inspection_status
from gisdesk.core.journal import Journal, journal_path_for, pending_journal
from gisdesk.core.project import Project
from gisdesk.core.roles import Profile
from gisdesk.io.gpkg_store import save_session
from gisdesk.io.gpkg_store_audit import read_history
from gisdesk.io.readers import read_layer


@pytest.fixture(scope="module")
def sample_city(tmp_path_factory):
    """The shipped sample city, else a small one from the generator; copied, never edited."""
    folder = tmp_path_factory.mktemp("sample")
    shipped = paths.sample_city_path()
    if shipped.is_file():
        return shutil.copy(shipped, folder / "city.gpkg")
    try:
        from gisdesk.sampledata import generate_city
    except ImportError:
        pytest.skip("no sample city and no generator")
    return generate_city(folder / "city.gpkg", scale=0.05)


def test_gpkg_store_sample_city_walkthrough(sample_city, tmp_path) -> None:
    city = shutil.copy(sample_city, tmp_path / "city.gpkg")
    catalog = default_catalog()
    project = Project(catalog)
    for table in ("roads", "streetlights", "inspections"):
        project.add_layer(read_layer(city, table, target_crs=project.crs, catalog=catalog))
    journal = journal_path_for(city)
    session = EditSession(project, Profile("Rahmat", "PUPR", "editor"), Journal(journal))
    roads = project.layer("roads")
    poor = roads.frame[roads.frame["condition"] == 2]  # "Poor"
    assert len(poor) > 0
    road = str(poor["uuid"].iloc[0])

    session.apply(AddInspection(asset_layer="roads", asset_uuid=road,
                                values={"inspected_on": "2031-01-15", "condition": 1,
                                        "defects": ["POTHOLE"], "notes": "lubang besar"}))
    session.apply(SetAttribute(layer="roads", uuid=road, field="surface", value="ASPHALT"))
    with pytest.raises(PermissionError):  # a PUPR editor may not draw DISHUB's streetlights
        session.apply(AddFeature(layer="streetlights", values={"asset_id": "PJU-X"},
                                 geometry=shapely.Point(0, 0)))
    admin = EditSession(project, Profile("Sari", "BAPPEDA", "admin"))
    start = rows.get_row(roads, road)["geometry"].coords[0]
    light = AddFeature(layer="streetlights", values={"asset_id": "PJU-NEW"},
                       geometry=shapely.Point(start))
    admin.apply(light)
    session.undo()
    session.redo()
    assert pending_journal(journal) is not None
    save_session(session)
    save_session(admin)
    assert pending_journal(journal) is None

    saved = pyogrio.read_dataframe(city, layer="roads").set_index("uuid").loc[road]
    assert saved["surface"] == "ASPHALT" and saved["condition"] == 1
    assert str(saved["last_inspected"])[:10] == "2031-01-15"
    lights = pyogrio.read_dataframe(city, layer="streetlights").set_index("uuid")
    assert lights.loc[light.uuid, "asset_id"] == "PJU-NEW"
    history = read_history(city, road)
    assert {(r.action, r.field) for r in history} >= {
        ("update", "surface"), ("update", "condition"), ("update", "last_inspected")}
    assert {r.user_name for r in history} == {"Rahmat"}
    assert [r.action for r in read_history(city, light.uuid)] == ["insert"]
    status = inspection_status(roads, project.layer("inspections"), dt.date(2031, 2, 1))
    assert len(status) == len(roads.frame) and (status["days_overdue"] >= 0).all()
    assert status.set_index("uuid").loc[road, "last_inspected"] == pd.Timestamp("2031-01-15")
