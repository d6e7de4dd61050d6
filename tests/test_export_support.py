"""A tiny Gorontalo-like city for the export tests, written as a real GeoPackage.

Layers follow ``layers/*/layer.yaml`` (roads, valves, streetlights, districts) plus one layer
without a definition (``survey_points``), in the project CRS (UTM 51N). Other export tests import
:func:`write_city` from here.
"""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

import geopandas as gpd
import pyogrio
from shapely.geometry import LineString, Point, Polygon

CRS = "EPSG:32651"
X0, Y0 = 506_700.0, 59_700.0  # Kota Gorontalo, about 123.06 E 0.54 N


def _uuid(i: int, kind: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"gisdesk-test/{kind}/{i}"))


def roads() -> gpd.GeoDataFrame:
    """Six road segments: two of each class, one with an unknown class and a tricky note."""
    classes = ["ARTERIAL", "ARTERIAL", "COLLECTOR", "LOCAL", "LOCAL", "TRACK"]
    rows = []
    for i, cls in enumerate(classes):
        y = Y0 + i * 300
        rows.append({
            "uuid": _uuid(i, "road"), "asset_id": f"JL-{i:03d}", "owner_opd": "PUPR",
            "install_year": 1990 + i, "condition": (i % 5) + 1,
            "last_inspected": dt.date(2024, 1 + i, 15),
            "notes": "<b>rusak</b> – perlu perbaikan" if i == 0 else None,
            "name": f"Jl. Nani Wartabone {i}", "road_class": cls, "surface": "ASPHALT",
            "width_m": 6.5 + i, "lanes": 2,
            "geometry": LineString([(X0, y), (X0 + 1500, y + 50), (X0 + 3000, y)]),
        })
    return gpd.GeoDataFrame(rows, crs=CRS)


def valves() -> gpd.GeoDataFrame:
    """Four valves: open, closed, broken (cross) and open."""
    statuses = ["OPEN", "CLOSED", "BROKEN", "OPEN"]
    rows = [
        {"uuid": _uuid(i, "valve"), "asset_id": f"KT-{i:03d}", "owner_opd": "PDAM",
         "install_year": 2000 + i, "condition": 2, "valve_type": "GATE", "diameter_mm": 150,
         "status": s, "geometry": Point(X0 + 500 + i * 600, Y0 + 1050)}
        for i, s in enumerate(statuses)
    ]
    return gpd.GeoDataFrame(rows, crs=CRS)


def districts() -> gpd.GeoDataFrame:
    """Two kelurahan side by side covering the roads."""
    rows = [
        {"uuid": _uuid(i, "district"), "code": f"7571-{i}", "name": name,
         "kecamatan": "Kota Selatan", "population": 5000 + i,
         "geometry": Polygon([(X0 - 200 + i * 1700, Y0 - 200), (X0 + 1500 + i * 1700, Y0 - 200),
                              (X0 + 1500 + i * 1700, Y0 + 1800), (X0 - 200 + i * 1700, Y0 + 1800)])}
        for i, name in enumerate(["Biawao", "Limba U Dua"])
    ]
    return gpd.GeoDataFrame(rows, crs=CRS)


def survey_points() -> gpd.GeoDataFrame:
    """A layer GIS Desk has no definition for (default style, raw field names)."""
    rows = [{"kode_titik": f"S{i}", "elevasi": 10.5 + i, "geometry": Point(X0 + 300 * i, Y0 + 1200)}
            for i in range(3)]
    return gpd.GeoDataFrame(rows, crs=CRS)


def write_city(folder: Path) -> Path:
    """Write the city GeoPackage into ``folder`` and return its path."""
    path = folder / "city.gpkg"
    for name, frame in [("districts", districts()), ("roads", roads()), ("valves", valves()),
                        ("survey_points", survey_points())]:
        pyogrio.write_dataframe(frame, path, layer=name, driver="GPKG")
    return path


def test_export_support_city_matches_definitions(tmp_path: Path) -> None:
    from gisdesk.core.definitions import default_catalog

    catalog = default_catalog()
    path = write_city(tmp_path)
    layers = {name for name, _ in pyogrio.list_layers(path)}
    assert layers == {"districts", "roads", "valves", "survey_points"}
    for name in ("districts", "roads", "valves"):
        frame = pyogrio.read_dataframe(path, layer=name, use_arrow=True)
        declared = set(catalog.layers[name].field_names)
        assert set(frame.columns) - {"geometry"} <= declared, name
