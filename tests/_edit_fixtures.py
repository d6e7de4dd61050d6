"""A small GDAL-written city GeoPackage for the editing tests, and a project opened on it.

Written with pyogrio (so the file carries GDAL's R-tree triggers that call ST_MinX & co.) with
the columns of the shipped layer definitions; read back with the app's own reader.
"""

from __future__ import annotations

import shutil
import tempfile
import uuid
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio
import shapely

from gisdesk.core.definitions import Catalog, default_catalog
from gisdesk.core.project import Project
from gisdesk.core.roles import Profile
from gisdesk.io.readers import read_layer

CRS = "EPSG:32651"
X0, Y0 = 560000.0, 60000.0
TABLES = ("water_mains", "streetlights", "roads", "buildings", "inspections")

PDAM_EDITOR = Profile("Budi", "PDAM", "editor")
ADMIN = Profile("Sari", "BAPPEDA", "admin")
VIEWER = Profile("Tono", "PUPR", "viewer")


def uuids(n: int, seed: int) -> list[str]:
    """Deterministic UUIDs so tests can name features."""
    return [str(uuid.UUID(int=seed * 1000 + i + 1, version=4)) for i in range(n)]


def _water_mains(n: int = 6) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {
            "uuid": uuids(n, 1),
            "asset_id": [f"WM-{i:03d}" for i in range(n)],
            "owner_opd": ["PDAM"] * n,
            "install_year": [1990 + i for i in range(n)],
            "condition": [3] * n,
            "last_inspected": ["2020-01-01"] * n,
            "notes": [""] * n,
            "material": ["PVC"] * n,
            "diameter_mm": [100 + 50 * i for i in range(n)],
            "pressure_zone": ["Z1"] * n,
        },
        geometry=[
            shapely.LineString([(X0 + 100 * i, Y0), (X0 + 100 * i + 100, Y0)]) for i in range(n)
        ],
        crs=CRS,
    )


def _streetlights(n: int = 4) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {
            "uuid": uuids(n, 2),
            "asset_id": [f"PJU-{i:03d}" for i in range(n)],
            "owner_opd": ["DISHUB"] * n,
            "install_year": [2015] * n,
            "condition": [4] * n,
            "last_inspected": ["2021-06-01"] * n,
            "notes": [""] * n,
            "lamp_type": ["LED"] * n,
            "wattage": [60] * n,
            "pole_height_m": [7.0] * n,
            "status": ["WORKING"] * n,
        },
        geometry=[shapely.Point(X0 + 30 * i, Y0 + 20) for i in range(n)],
        crs=CRS,
    )


def _roads(n: int = 3) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {"uuid": uuids(n, 3), "asset_id": [f"RD-{i}" for i in range(n)],
         "owner_opd": ["PUPR"] * n},
        geometry=[
            shapely.LineString([(X0, Y0 + 50 * i), (X0 + 500, Y0 + 50 * i)]) for i in range(n)
        ],
        crs=CRS,
    )


def _buildings(n: int = 2) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {"uuid": uuids(n, 4), "asset_id": [f"BG-{i}" for i in range(n)],
         "owner_opd": ["PERKIM"] * n},
        geometry=[shapely.box(X0 + 40 * i, Y0 - 40, X0 + 40 * i + 20, Y0 - 20) for i in range(n)],
        crs=CRS,
    )


def _inspections() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "uuid": pd.Series([], dtype=str),
            "asset_uuid": pd.Series([], dtype=str),
            "asset_layer": pd.Series([], dtype=str),
            "inspected_on": pd.Series([], dtype=str),
            "inspector": pd.Series([], dtype=str),
            "condition": pd.Series([], dtype="int64"),
            "defects": pd.Series([], dtype=str),
            "notes": pd.Series([], dtype=str),
            "photos": pd.Series([], dtype=str),
            "next_due": pd.Series([], dtype=str),
        }
    )


_TEMPLATE: list[Path] = []


def _template() -> Path:
    if not _TEMPLATE:
        path = Path(tempfile.mkdtemp(prefix="gisdesk-edit-city-")) / "city.gpkg"
        pyogrio.write_dataframe(_water_mains(), path, layer="water_mains")
        pyogrio.write_dataframe(_streetlights(), path, layer="streetlights")
        pyogrio.write_dataframe(_roads(), path, layer="roads")
        pyogrio.write_dataframe(_buildings(), path, layer="buildings")
        pyogrio.write_dataframe(_inspections(), path, layer="inspections")
        _TEMPLATE.append(path)
    return _TEMPLATE[0]


def write_city(path: Path) -> Path:
    """Put the test city GeoPackage (written once per run by GDAL via pyogrio) at ``path``."""
    shutil.copyfile(_template(), path)
    return path


def open_project(path: Path, catalog: Catalog | None = None) -> Project:
    """A project with every table of the test city, read by the app's reader."""
    catalog = catalog or default_catalog()
    project = Project(catalog, crs=CRS)
    for table in TABLES:
        project.add_layer(read_layer(path, table, target_crs=CRS, catalog=catalog))
    return project
