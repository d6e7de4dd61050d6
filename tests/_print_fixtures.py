"""A small real city for the print, atlas and report tests: three kelurahan side by side, a red
arterial road across all of them, two other roads, valves and an inspections table.

Coordinates are UTM 51N metres (the project CRS), so expected pixel positions are simple.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio
import shapely

DISTRICTS = ["Limba B", "Ipilo", "Tenda"]
X0, Y0 = 500000.0, 60000.0
ARTERIAL_Y = Y0 + 500.0


def write_print_city(path: Path) -> Path:
    """Write the city GeoPackage at ``path`` and return it."""
    crs = "EPSG:32651"
    districts = gpd.GeoDataFrame(
        {"name": DISTRICTS, "code": ["D1", "D2", "D3"], "kecamatan": ["Kota Selatan"] * 3},
        geometry=[shapely.box(X0 + i * 1000, Y0, X0 + (i + 1) * 1000, Y0 + 1000)
                  for i in range(3)], crs=crs)
    roads = gpd.GeoDataFrame(
        {"name": ["Jalan Sudirman", "Jalan Panjaitan", "Jalan Agus Salim"],
         "road_class": ["ARTERIAL", "LOCAL", "COLLECTOR"], "condition": [1, 4, 2],
         "asset_id": ["R-1", "R-2", "R-3"]},
        geometry=[shapely.LineString([(X0, ARTERIAL_Y), (X0 + 3000, ARTERIAL_Y)]),
                  shapely.LineString([(X0 + 1500, Y0), (X0 + 1500, Y0 + 1000)]),
                  shapely.LineString([(X0 + 2500, Y0), (X0 + 2500, Y0 + 1000)])], crs=crs)
    valves = gpd.GeoDataFrame(
        {"asset_id": ["V-1", "V-2"], "condition": [3, 1], "status": ["OPEN", "CLOSED"]},
        geometry=[shapely.Point(X0 + 400, Y0 + 300), shapely.Point(X0 + 2200, Y0 + 700)],
        crs=crs)
    inspections = pd.DataFrame({
        "asset_layer": ["roads", "roads", "valves", "roads"],
        "inspected_on": ["2026-01-05", "2026-01-20", "2026-03-02", "2026-03-15"],
        "condition": [1, 4, 3, 2], "inspector": ["Budi"] * 4,
    })
    districts.to_file(path, layer="districts", driver="GPKG")
    roads.to_file(path, layer="roads", driver="GPKG")
    valves.to_file(path, layer="valves", driver="GPKG")
    pyogrio.write_dataframe(inspections, path, layer="inspections", driver="GPKG")
    return path


def load_print_project(path: Path):
    """The city as a Project, the way ``gisdesk export-map`` loads it."""
    from gisdesk.commands.render import load_project

    return load_project(path)
