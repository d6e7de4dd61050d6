"""The overdue status of a layer that has never been inspected: every asset due today.

Read from a GeoPackage written by GDAL (pyogrio), so the inspections table comes back with the
dtypes the app really sees: an empty table, and a table whose rows all belong to another layer.
Both used to raise TypeError inside ``inspection_status``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio
import pytest
import shapely

from gisdesk.core.definitions import default_catalog
from gisdesk.core.inspections import inspection_status
from gisdesk.io.readers import read_layer

CRS = "EPSG:32651"
LIGHTS = [f"00000000-0000-4000-8000-00000000010{i}" for i in range(3)]
MAIN = "00000000-0000-4000-8000-000000000201"
TODAY = dt.date(2025, 3, 1)


def _lights() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {"uuid": LIGHTS, "asset_id": ["PJU-1", "PJU-2", "PJU-3"], "owner_opd": ["DISHUB"] * 3,
         "install_year": [2015] * 3, "status": ["WORKING"] * 3},
        geometry=[shapely.Point(560000 + 20 * i, 60000) for i in range(3)], crs=CRS,
    )


def _inspections(rows: list[dict]) -> pd.DataFrame:
    columns = ["uuid", "asset_uuid", "asset_layer", "inspected_on", "inspector", "condition",
               "defects", "notes", "photos", "next_due"]
    frame = pd.DataFrame(rows, columns=columns)
    for name in ("inspected_on", "next_due"):  # DATE columns, as in the sample city
        if frame[name].notna().any():  # (pyogrio cannot write an all-missing date column)
            frame[name] = pd.to_datetime(frame[name]).dt.date.astype(object)
    return frame.astype({"condition": "Int64"})


def _city(path: Path, inspection_rows: list[dict]) -> tuple:
    pyogrio.write_dataframe(_lights(), path, layer="streetlights")
    pyogrio.write_dataframe(_inspections(inspection_rows), path, layer="inspections")
    catalog = default_catalog()
    return (read_layer(path, "streetlights", target_crs=CRS, catalog=catalog),
            read_layer(path, "inspections", target_crs=CRS, catalog=catalog))


def _assert_all_never_inspected(status: pd.DataFrame) -> None:
    assert sorted(status["uuid"]) == sorted(LIGHTS)
    assert status["last_inspected"].isna().all()
    assert (status["next_due"] == pd.Timestamp(TODAY)).all()
    assert (status["days_overdue"] == 0).all()
    assert status["days_overdue"].dtype == "int64"


def test_inspections_status_empty_table_every_asset_never_inspected(tmp_path: Path) -> None:
    lights, inspections = _city(tmp_path / "empty.gpkg", [])
    assert len(inspections.frame) == 0
    _assert_all_never_inspected(inspection_status(lights, inspections, TODAY))


def test_inspections_status_only_other_layers_inspected(tmp_path: Path) -> None:
    other = {"uuid": "00000000-0000-4000-8000-000000000301", "asset_uuid": MAIN,
             "asset_layer": "water_mains", "inspected_on": "2020-01-10", "inspector": "Budi",
             "condition": 3, "defects": None, "notes": None, "photos": None,
             "next_due": "2022-01-10"}
    lights, inspections = _city(tmp_path / "other.gpkg", [other])
    assert len(inspections.frame) == 1
    _assert_all_never_inspected(inspection_status(lights, inspections, TODAY))


@pytest.mark.parametrize("next_due", ["2024-09-01", None])
def test_inspections_status_one_inspected_among_never_inspected(tmp_path: Path,
                                                               next_due: str | None) -> None:
    row = {"uuid": "00000000-0000-4000-8000-000000000302", "asset_uuid": LIGHTS[1],
           "asset_layer": "streetlights", "inspected_on": "2024-03-01", "inspector": "Rahmat",
           "condition": 4, "defects": None, "notes": None, "photos": None,
           "next_due": next_due}
    lights, inspections = _city(tmp_path / "one.gpkg", [row])
    status = inspection_status(lights, inspections, TODAY)
    assert status.iloc[0]["uuid"] == LIGHTS[1]  # the overdue one first
    # streetlights are inspected every 6 months: without next_due it falls due 2024-09-01 too
    assert status.iloc[0]["days_overdue"] == (TODAY - dt.date(2024, 9, 1)).days
    assert status.iloc[0]["last_inspected"] == pd.Timestamp("2024-03-01")
    rest = status.iloc[1:]
    assert rest["last_inspected"].isna().all() and (rest["days_overdue"] == 0).all()
