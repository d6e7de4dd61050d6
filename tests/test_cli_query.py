"""``gisdesk query`` and ``gisdesk trace`` end to end on a small hand-made GeoPackage.

Mains M1..M6 with valves V1..V3 part-way along M2, M5 and M3 (see test_network_isolation.py),
four buildings H1..H4, three hydrants, two kelurahan and two drains.
"""

from __future__ import annotations

import json

import geopandas as gpd
import pandas as pd
import pyogrio
import pytest
from shapely.geometry import LineString, Point, box

from gisdesk.cli import main

X0, Y0 = 506_000.0, 60_000.0


def layer(geoms, **columns) -> gpd.GeoDataFrame:
    moved = gpd.GeoSeries(geoms).translate(X0, Y0)
    return gpd.GeoDataFrame(columns, geometry=moved.tolist(), crs="EPSG:32651")


@pytest.fixture(scope="module")
def city(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "city.gpkg"
    frames = {
        "water_mains": layer(
            [LineString([(0, 0), (100, 0)]), LineString([(100, 0), (200, 0)]),
             LineString([(200, 0), (300, 0)]), LineString([(100, 0), (100, -100)]),
             LineString([(200, 0), (200, -100)]), LineString([(200, -100), (300, -100)])],
            asset_id=["M1", "M2", "M3", "M4", "M5", "M6"],
            diameter_mm=[300, 150, 100, 100, 100, 80], condition=[3, 2, 1, 4, 2, 5]),
        "valves": layer([Point(120, 0), Point(200, -20), Point(250, 0)],
                        asset_id=["V1", "V2", "V3"]),
        "buildings": layer([box(110, -60, 120, -50), box(250, -120, 260, -110),
                            box(40, 10, 50, 20), box(275, 10, 285, 20)],
                           asset_id=["H1", "H2", "H3", "H4"], floors=[1, 3, 2, 4]),
        "hydrants": layer([Point(0, 30), Point(150, -30), Point(300, -50)],
                          asset_id=["HY1", "HY2", "HY3"]),
        "districts": layer([box(-10, -150, 150, 50), box(150, -150, 310, 50)],
                           name=["Kel A", "Kel B"]),
        "drains": layer([LineString([(0, 10), (100, 10)]), LineString([(100, 10), (200, 10)])],
                        asset_id=["D1", "D2"]),
    }
    for name, frame in frames.items():
        frame.to_file(path, layer=name)
    return path


def run_json(capsys, *argv) -> dict:
    assert main([*map(str, argv), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_cli_query_buildings_near_poor_mains(city, capsys):
    data = run_json(capsys, "query", city, "--layer", "buildings", "--where", '"floors" > 1',
                    "--near-layer", "water_mains", "--near-where", '"condition" <= 2',
                    "--distance", 50)
    assert data["count"] == 1
    assert [r["asset_id"] for r in data["rows"]] == ["H4"]


def test_cli_query_domain_label_in_where(city, capsys):
    data = run_json(capsys, "query", city, "--layer", "water_mains", "--where",
                    "\"condition\" = 'Poor'")
    assert sorted(r["asset_id"] for r in data["rows"]) == ["M2", "M5"]


def test_cli_query_nearest_hydrants_table_and_csv(city, capsys, tmp_path):
    out = tmp_path / "nearest.csv"
    assert main(["query", str(city), "--layer", "buildings", "--nearest", "hydrants", "--n", "2",
                 "--out", str(out)]) == 0
    text = capsys.readouterr().out
    assert "4 buildings selected; 8 nearest rows" in text
    table = pd.read_csv(out)
    first = table[table["buildings"] == "H1"]
    assert first["hydrants"].tolist() == ["HY2", "HY1"]
    assert first["distance_m"].round(2).tolist() == [36.06, 136.01]


def test_cli_query_summary_by_kelurahan(city, capsys):
    data = run_json(capsys, "query", city, "--layer", "water_mains", "--summarise-by",
                    "districts", "--category", "condition")
    rows = {r["name"]: r for r in data["rows"]}
    assert rows["Kel A"]["total"] == pytest.approx(0.25)
    assert rows["Kel B"]["total"] == pytest.approx(0.35)
    assert rows["Kel B"]["1"] == pytest.approx(0.1)


def test_cli_query_writes_gpkg(city, capsys, tmp_path):
    out = tmp_path / "tall.gpkg"
    assert main(["query", str(city), "--layer", "buildings", "--where", '"floors" >= 3',
                 "--out", str(out)]) == 0
    result = pyogrio.read_dataframe(out, use_arrow=True)
    assert sorted(result["asset_id"]) == ["H2", "H4"]
    assert result.crs.to_epsg() == 32651


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--layer", "buildings", "--where", '"flors" > 1'], ['Unknown field "flors"', "^^^"]),
        (["--layer", "buildings", "--where", "'; DROP TABLE buildings; --"], ["Unterminated"]),
        (["--layer", "nosuch"], ["nosuch"]),
        (["--layer", "buildings", "--distance", "5"], ["need --near-layer"]),
        (["--layer", "buildings", "--out", "x.txt"], ["unsupported output type"]),
    ],
)
def test_cli_query_errors_are_clear(city, capsys, argv, words, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    before = city.read_bytes()
    assert main(["query", str(city), *argv]) == 2
    err = capsys.readouterr().err
    for word in words:
        assert word in err
    assert city.read_bytes() == before


def test_cli_trace_isolation(city, capsys):
    data = run_json(capsys, "trace", city, "--isolate-at", f"{X0 + 170},{Y0 + 1}")
    assert [r["asset_id"] for r in data["valves_to_close_rows"]] == ["V1", "V2", "V3"]
    assert [r["asset_id"] for r in data["dry_mains_rows"]] == ["M2", "M3", "M5", "M6"]
    assert [r["asset_id"] for r in data["affected_buildings_rows"]] == ["H2", "H4"]


def test_cli_trace_isolation_point_in_wgs84(city, capsys):
    point = gpd.GeoSeries([Point(X0 + 250, Y0 - 99)], crs=32651).to_crs(4326).iloc[0]
    data = run_json(capsys, "trace", city, "--isolate-at", f"{point.x},{point.y}",
                    "--point-crs", "EPSG:4326")
    assert [r["asset_id"] for r in data["valves_to_close_rows"]] == ["V2"]


def test_cli_trace_downstream_and_check(city, capsys):
    data = run_json(capsys, "trace", city, "--downstream-of", f"{X0 + 50},{Y0 + 10}")
    assert [r["asset_id"] for r in data["downstream_rows"]] == ["D1", "D2"]
    data = run_json(capsys, "trace", city, "--check")
    assert data["components"] == 1
    assert sorted(r["main"] for r in data["dangling_ends_rows"]) == ["M1", "M3", "M4", "M6"]


def test_cli_trace_bad_point_is_user_error(city, capsys):
    assert main(["trace", str(city), "--isolate-at", "1,2,3"]) == 2
    assert "--isolate-at expects X,Y" in capsys.readouterr().err


def test_cli_query_text_table_shows_identifier_and_used_fields(city, capsys):
    assert main(["query", str(city), "--layer", "buildings", "--where", '"floors" >= 3']) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "2 buildings selected"
    assert lines[1].split() == ["asset_id", "floors"]
    assert [line.split() for line in lines[3:]] == [["H2", "3"], ["H4", "4"]]


def test_cli_trace_isolation_with_service_field(city, capsys, tmp_path):
    import shutil

    copy = tmp_path / "served.gpkg"
    shutil.copy(city, copy)
    buildings = pyogrio.read_dataframe(copy, layer="buildings", use_arrow=True)
    mains = pyogrio.read_dataframe(copy, layer="water_mains", use_arrow=True)
    buildings["main_id"] = ["M6", None, None, None]  # H1 is fed from M6 by a long service pipe
    mains["uuid"] = mains["asset_id"]
    buildings.to_file(copy, layer="buildings", mode="w")
    mains.to_file(copy, layer="water_mains", mode="w")
    data = run_json(capsys, "trace", copy, "--isolate-at", f"{X0 + 250},{Y0 - 99}",
                    "--service-field", "main_id")
    assert [r["asset_id"] for r in data["affected_buildings_rows"]] == ["H1", "H2"]


def test_cli_query_single_layer_shapefile_needs_no_layer(city, capsys, tmp_path):
    shp = tmp_path / "bld.shp"
    pyogrio.read_dataframe(city, layer="buildings").to_file(shp)
    data = run_json(capsys, "query", shp, "--where", '"floors" > 1')
    assert data["layer"] == "bld"
    assert [r["asset_id"] for r in data["rows"]] == ["H2", "H3", "H4"]
