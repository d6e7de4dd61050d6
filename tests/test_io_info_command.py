"""``gisdesk info``: layers, counts, geometry types, CRS and problems; exit 2 on bad files."""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import shapely

from gisdesk.cli import main


def _city(path: Path) -> Path:
    valves = gpd.GeoDataFrame(
        {"asset_id": ["V-1", "V-2"], "diameter_mm": [100, 150]},
        geometry=[shapely.Point(123.06, 0.54), None],
        crs="EPSG:4326",
    )
    valves.to_file(path, layer="valves", engine="pyogrio")
    roads = gpd.GeoDataFrame(
        {"name": ["Jl. Nani Wartabone"]},
        geometry=[shapely.LineString([(0, 0), (10, 10)])],
    )
    roads.to_file(path, layer="roads", engine="pyogrio")
    return path


def test_io_info_command_prints_a_table(tmp_path: Path, capsys):
    path = _city(tmp_path / "city.gpkg")
    assert main(["info", str(path)]) == 0
    out = capsys.readouterr().out
    assert "2 layer(s)" in out
    valves_line = next(line for line in out.splitlines() if line.startswith("valves"))
    assert "Point" in valves_line and "EPSG:4326" in valves_line and " 2 " in valves_line
    assert "no CRS" in out  # roads have none


def test_io_info_command_json(tmp_path: Path, capsys):
    path = _city(tmp_path / "city.gpkg")
    assert main(["info", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    layers = {layer["name"]: layer for layer in data["layers"]}
    assert layers["valves"]["feature_count"] == 2
    assert layers["valves"]["crs"] == "EPSG:4326"
    assert layers["valves"]["fields"] == {"asset_id": "object", "diameter_mm": "int64"}
    assert layers["roads"]["crs"] is None
    assert layers["roads"]["geometry_type"] == "LineString"


def test_io_info_command_check_reads_features(tmp_path: Path, capsys):
    path = _city(tmp_path / "city.gpkg")
    assert main(["info", str(path), "--json", "--check"]) == 0
    layers = {layer["name"]: layer for layer in json.loads(capsys.readouterr().out)["layers"]}
    assert any("no geometry" in p for p in layers["valves"]["problems"])


def test_io_info_command_unreadable_file_exits_2(tmp_path: Path, capsys):
    path = tmp_path / "broken.gpkg"
    path.write_bytes(b"SQLite format 3\x00 but then nothing useful")
    assert main(["info", str(path)]) == 2
    err = capsys.readouterr().err
    assert "broken.gpkg" in err and "error" in err


def test_io_info_command_missing_file_exits_2(tmp_path: Path, capsys):
    assert main(["info", str(tmp_path / "missing.shp")]) == 2
    assert "missing.shp" in capsys.readouterr().err
