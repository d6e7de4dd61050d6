"""Saving an edit session keeps a GDAL-written GeoPackage valid and shows every change."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess

import pyogrio
import pytest
import shapely
from _edit_fixtures import ADMIN, PDAM_EDITOR, X0, Y0, open_project, uuids, write_city

from gisdesk.core.definitions import default_catalog
from gisdesk.core.edits import AddFeature, DeleteFeature, SetAttribute
from gisdesk.core.edits_geometry import SetGeometry, SplitLine
from gisdesk.core.edits_session import EditSession
from gisdesk.core.inspections import AddInspection
from gisdesk.core.project import Project
from gisdesk.core.validation import FieldValueError
from gisdesk.io import gpkg_store_blob as blob
from gisdesk.io.gpkg_store import StoreError, create_table, save_session
from gisdesk.io.readers import read_layer

MAIN, LIGHT = uuids(6, 1), uuids(4, 2)


@pytest.fixture
def city(tmp_path):
    return write_city(tmp_path / "city.gpkg")


def _read(path, table):
    return pyogrio.read_dataframe(path, layer=table).set_index("uuid")


def _rtree(path, table, uuid):
    with sqlite3.connect(path) as conn:
        return conn.execute(
            f'SELECT r.minx, r.maxx, r.miny, r.maxy FROM "rtree_{table}_geom" r '
            f'JOIN "{table}" t ON t.fid = r.id WHERE t.uuid = ?', (uuid,)
        ).fetchone()


def _contents_extent(path, table):
    with sqlite3.connect(path) as conn:
        return conn.execute(
            "SELECT min_x, min_y, max_x, max_y FROM gpkg_contents WHERE table_name = ?", (table,)
        ).fetchone()


def test_gpkg_store_save_visible_to_pyogrio_ogrinfo_and_rtree(city) -> None:
    session = EditSession(open_project(city), PDAM_EDITOR)
    session.apply(SetAttribute(layer="water_mains", uuid=MAIN[0], field="diameter_mm", value=450))
    far = shapely.LineString([(X0 + 5000, Y0 + 7000), (X0 + 5200, Y0 + 7300)])
    added = AddFeature(layer="water_mains", values={"asset_id": "WM-NEW"}, geometry=far)
    session.apply(added)
    session.apply(DeleteFeature(layer="water_mains", uuid=MAIN[5]))
    moved_line = shapely.LineString([(X0 - 300, Y0 - 200), (X0 - 100, Y0 - 250)])
    session.apply(SetGeometry(layer="water_mains", uuid=MAIN[2], geometry=moved_line))
    report = save_session(session, host="desk-7")
    assert (report.inserted, report.updated, report.deleted) == (1, 2, 1)
    assert session.is_clean and session.pending_changes() == []

    frame = _read(city, "water_mains")
    assert frame.loc[MAIN[0], "diameter_mm"] == 450
    assert frame.loc[added.uuid, "asset_id"] == "WM-NEW"
    assert frame.loc[added.uuid, "material"] == "PVC"
    assert MAIN[5] not in frame.index
    assert frame.loc[MAIN[2], "geometry"].equals(moved_line)

    assert _rtree(city, "water_mains", added.uuid) == (X0 + 5000, X0 + 5200, Y0 + 7000, Y0 + 7300)
    assert _rtree(city, "water_mains", MAIN[2]) == (X0 - 300, X0 - 100, Y0 - 250, Y0 - 200)
    assert _rtree(city, "water_mains", MAIN[5]) is None
    assert _contents_extent(city, "water_mains") == (X0 - 300, Y0 - 250, X0 + 5200, Y0 + 7300)

    out = subprocess.run(
        ["ogrinfo", "-ro", "-q", str(city), "water_mains", "-where", "asset_id = 'WM-NEW'"],
        capture_output=True, text=True, check=True,
    )
    assert "WM-NEW" in out.stdout and "ERROR" not in out.stderr
    listing = subprocess.run(["ogrinfo", "-ro", "-so", str(city), "water_mains"],
                             capture_output=True, text=True, check=True).stdout
    assert "Feature Count: 6" in listing
    with sqlite3.connect(city) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_gpkg_store_point_insert_and_split_line(city) -> None:
    session = EditSession(open_project(city), ADMIN)
    light = AddFeature(layer="streetlights", values={"asset_id": "PJU-NEW", "wattage": 90},
                       geometry=shapely.Point(X0 + 900, Y0 + 900))
    session.apply(light)
    split = SplitLine(layer="water_mains", uuid=MAIN[3], point=shapely.Point(X0 + 325, Y0))
    session.apply(split)
    save_session(session, host="desk-7")
    lights = _read(city, "streetlights")
    assert lights.loc[light.uuid, "wattage"] == 90 and lights.loc[light.uuid, "status"] == "WORKING"
    assert _rtree(city, "streetlights", light.uuid) == (X0 + 900, X0 + 900, Y0 + 900, Y0 + 900)
    mains = _read(city, "water_mains")
    assert mains.loc[MAIN[3], "geometry"].length == pytest.approx(25)
    assert mains.loc[split.new_uuid, "geometry"].length == pytest.approx(75)
    assert mains.loc[split.new_uuid, "asset_id"] == "WM-003"
    assert _rtree(city, "water_mains", split.new_uuid) == (X0 + 325, X0 + 400, Y0, Y0)


def test_gpkg_store_undo_after_save_is_saved_back(city) -> None:
    session = EditSession(open_project(city), PDAM_EDITOR)
    session.apply(SetAttribute(layer="water_mains", uuid=MAIN[1], field="notes", value="leak"))
    session.apply(DeleteFeature(layer="water_mains", uuid=MAIN[4]))
    save_session(session)
    session.undo()
    session.undo()
    assert not session.is_clean
    save_session(session)
    frame = _read(city, "water_mains")
    assert frame.loc[MAIN[1], "notes"] in (None, "")
    assert frame.loc[MAIN[4], "asset_id"] == "WM-004"
    assert _rtree(city, "water_mains", MAIN[4]) == (X0 + 400, X0 + 500, Y0, Y0)


def test_gpkg_store_inspection_appended_with_asset_condition(city) -> None:
    session = EditSession(open_project(city), PDAM_EDITOR)
    cmd = AddInspection(asset_layer="water_mains", asset_uuid=MAIN[2],
                        values={"inspected_on": "2025-02-03", "condition": 1, "defects": "LEAK"})
    session.apply(cmd)
    save_session(session)
    insp = _read(city, "inspections")
    assert insp.loc[cmd.uuid, "asset_uuid"] == MAIN[2]
    assert insp.loc[cmd.uuid, "condition"] == 1 and insp.loc[cmd.uuid, "inspector"] == "Budi"
    mains = _read(city, "water_mains")
    assert mains.loc[MAIN[2], "condition"] == 1
    assert mains.loc[MAIN[2], "last_inspected"] == "2025-02-03"


def test_gpkg_store_refused_value_writes_nothing(city) -> None:
    digest = hashlib.sha256(city.read_bytes()).hexdigest()
    session = EditSession(open_project(city), PDAM_EDITOR)
    for field, value in (("diameter_mm", 9999), ("material", "GOLD"), ("asset_id", ""),
                         ("install_year", "soon")):
        with pytest.raises(FieldValueError, match=f"'{field}'"):
            session.apply(SetAttribute(layer="water_mains", uuid=MAIN[0], field=field, value=value))
    save_session(session)
    assert hashlib.sha256(city.read_bytes()).hexdigest() == digest


def test_gpkg_store_reprojects_back_to_file_crs(tmp_path) -> None:
    path = write_city(tmp_path / "city.gpkg")
    frame = pyogrio.read_dataframe(path, layer="streetlights").to_crs("EPSG:4326")
    pyogrio.write_dataframe(frame, path, layer="streetlights")  # file in lon/lat, project UTM
    session = EditSession(open_project(path), ADMIN)
    spot = shapely.Point(X0 + 1000, Y0 + 1000)
    session.apply(SetGeometry(layer="streetlights", uuid=LIGHT[0], geometry=spot))
    save_session(session)
    saved = pyogrio.read_dataframe(path, layer="streetlights").set_index("uuid")
    assert saved.crs.to_epsg() == 4326
    back = saved.to_crs("EPSG:32651").loc[LIGHT[0], "geometry"]
    assert back.distance(spot) < 0.01
    lon, lat = saved.loc[LIGHT[0], "geometry"].coords[0]
    assert _rtree(path, "streetlights", LIGHT[0]) == pytest.approx((lon, lon, lat, lat))


def test_gpkg_store_blob_roundtrip_and_envelope() -> None:
    line = shapely.LineString([(1, 2), (3, -4)])
    data = blob.to_blob(line, 32651)
    assert data[:2] == b"GP" and int.from_bytes(data[4:8], "little") == 32651
    assert blob.envelope(data) == (1, 3, -4, 2)
    assert blob.from_blob(data).equals(line)
    assert blob.envelope(blob.to_blob(shapely.Point(5, 6), 4326)) == (5, 5, 6, 6)
    assert blob.envelope(blob.to_blob(shapely.Polygon(), 4326)) is None


def test_gpkg_store_adds_defined_columns_the_file_lacks(city) -> None:
    session = EditSession(open_project(city), ADMIN)  # the test roads table has 3 columns
    road = AddFeature(layer="roads", values={"asset_id": "RD-NEW", "name": "Jl. Baru"},
                      geometry=shapely.LineString([(X0, Y0 + 700), (X0 + 90, Y0 + 700)]))
    session.apply(road)
    session.apply(SetAttribute(layer="roads", uuid=uuids(3, 3)[0], field="width_m", value=7.5))
    save_session(session)
    saved = _read(city, "roads")
    assert saved.loc[road.uuid, "name"] == "Jl. Baru"
    assert saved.loc[road.uuid, "road_class"] == "LOCAL"  # the definition default
    assert saved.loc[uuids(3, 3)[0], "width_m"] == 7.5
    listing = subprocess.run(["ogrinfo", "-ro", "-so", str(city), "roads"],
                             capture_output=True, text=True, check=True).stdout
    assert "width_m: Real" in listing and "Feature Count: 4" in listing


def test_gpkg_store_create_inspections_table_then_inspect(tmp_path) -> None:
    path = tmp_path / "mains_only.gpkg"
    pyogrio.write_dataframe(pyogrio.read_dataframe(write_city(tmp_path / "c.gpkg"),
                                                   layer="water_mains"), path, layer="water_mains")
    catalog = default_catalog()
    create_table(path, catalog.layers["inspections"])
    create_table(path, catalog.layers["valves"], crs="EPSG:32651")
    with pytest.raises(StoreError, match="already has a table 'valves'"):
        create_table(path, catalog.layers["valves"], crs="EPSG:32651")
    project = Project(catalog, crs="EPSG:32651")
    for table in ("water_mains", "inspections"):
        project.add_layer(read_layer(path, table, target_crs="EPSG:32651", catalog=catalog))
    session = EditSession(project, PDAM_EDITOR)
    cmd = AddInspection(asset_layer="water_mains", asset_uuid=MAIN[0], values={"condition": 5})
    session.apply(cmd)
    save_session(session)
    saved = _read(path, "inspections")
    assert saved.loc[cmd.uuid, "condition"] == 5 and saved.loc[cmd.uuid, "asset_uuid"] == MAIN[0]
    assert dict(pyogrio.list_layers(path))["valves"] == "Point"
