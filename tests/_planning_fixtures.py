"""A hand-made water network a person can check on paper (used by the planning tests).

Mains (EPSG:32651, metres), each 100 m::

    (0,0) --A-- V1(100,0) --B-- V2(200,0) --C-- (300,0)
                   |
                   D  up to (100,100)

A is the widest main, so its free end (0,0) is the source. Valves V1 and V2 make four zones,
one per main. A break on A dries everything; on B, B and C; on C or D, only that main.
Buildings: 1 by A, 2 by B, 3 by C (one of them a hospital), 1 by D.
"""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import pyogrio
import shapely

CRS = "EPSG:32651"


def mains() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame({
        "uuid": ["u-a", "u-b", "u-c", "u-d"],
        "asset_id": ["A", "B", "C", "D"],
        "condition": [1, 3, 5, None],
        "install_year": [1976, 2001, 2026, None],
        "material": ["PVC", "DI", "HDPE", "PVC"],
        "diameter_mm": [300, 100, 100, 150],
    }, geometry=[shapely.LineString([(0, 0), (100, 0)]),
                 shapely.LineString([(100, 0), (200, 0)]),
                 shapely.LineString([(200, 0), (300, 0)]),
                 shapely.LineString([(100, 0), (100, 100)])], crs=CRS)


def valves() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame({"asset_id": ["V1", "V2"]},
                            geometry=[shapely.Point(100, 0), shapely.Point(200, 0)], crs=CRS)


def buildings() -> gpd.GeoDataFrame:
    spots = [(50, 10, "RESIDENTIAL"), (150, 10, "RESIDENTIAL"), (150, -10, "RESIDENTIAL"),
             (250, 10, "RESIDENTIAL"), (250, -10, "RESIDENTIAL"), (260, 10, "HOSPITAL"),
             (110, 50, "RESIDENTIAL")]
    return gpd.GeoDataFrame(
        {"asset_id": [f"BG{i}" for i in range(1, 8)], "building_use": [u for *_, u in spots]},
        geometry=[shapely.box(x - 2, y - 2, x + 2, y + 2) for x, y, _ in spots], crs=CRS)


def inspections() -> pd.DataFrame:
    return pd.DataFrame({
        "uuid": ["i1", "i2", "i3"],
        "asset_uuid": ["u-a", "u-b", "u-c"],
        "asset_layer": ["water_mains"] * 3,
        "inspected_on": pd.to_datetime(["2025-03-01", "2020-06-01", "2024-01-15"]),
        "defects": ["LEAK;CORROSION", "LEAK", "CRACK"],
    })


def write_city(path) -> None:
    """All four layers into one GeoPackage, as the sample city stores them."""
    mains().to_file(path, layer="water_mains", driver="GPKG")
    valves().to_file(path, layer="valves", driver="GPKG")
    buildings().to_file(path, layer="buildings", driver="GPKG")
    pyogrio.write_dataframe(inspections(), path, layer="inspections", driver="GPKG")
