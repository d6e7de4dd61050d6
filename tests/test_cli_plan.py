"""``gisdesk plan`` on a GeoPackage of the hand-made network: table, JSON, CSV/XLSX out."""

from __future__ import annotations

import argparse
import json

import pandas as pd
import pytest
from _planning_fixtures import write_city

from gisdesk.cli import UserError
from gisdesk.commands import plan


def _run(argv):
    parser = argparse.ArgumentParser()
    plan.register(parser.add_subparsers())
    args = parser.parse_args(["plan", *map(str, argv)])
    return args.func(args)


@pytest.fixture(scope="module")
def city(tmp_path_factory):
    path = tmp_path_factory.mktemp("plan") / "city.gpkg"
    write_city(path)
    weights = path.with_name("w.json")
    weights.write_text(json.dumps({"as_of_year": 2026, "customers_per_point": 1}))
    return path, weights


def test_cli_plan_json(city, capsys):
    path, weights = city
    assert _run([path, "--budget", 200e6, "--years", 3, "--start-year", 2027,
                 "--weights", weights, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    rows = {r["asset_id"]: r for r in data["rows"]}
    assert [r["asset_id"] for r in data["rows"]] == ["B", "A", "C", "D"]
    assert {k: v["year"] for k, v in rows.items()} == {"B": 2027, "C": 2027, "A": 2028,
                                                        "D": 2029}
    assert rows["A"]["customers"] == 7
    assert [y["spent"] for y in data["per_year"]] == [150e6, 250e6, 150e6]


def test_cli_plan_text_and_csv(city, capsys, tmp_path):
    path, weights = city
    out = tmp_path / "prog.csv"
    _run([path, "--budget", 200e6, "--years", 1, "--weights", weights, "--out", out])
    text = capsys.readouterr().out
    assert "4 assets ranked, 2 funded within 1 years" in text
    table = pd.read_csv(out, encoding="utf-8-sig")
    assert "Rank" in table.columns and table["Asset code"].tolist() == ["B", "A", "C", "D"]


def test_cli_plan_xlsx(city, tmp_path):
    path, weights = city
    out = tmp_path / "prog.xlsx"
    _run([path, "--budget", 200e6, "--years", 2, "--weights", weights, "--out", out])
    assert pd.read_excel(out)["Asset code"].tolist() == ["B", "A", "C", "D"]


def test_cli_plan_bad_weights_file(city, tmp_path):
    path, _ = city
    bad = tmp_path / "bad.json"
    bad.write_text('{"age": "lots"}')
    with pytest.raises(UserError, match=r"bad\.json.*age"):
        _run([path, "--budget", 1, "--weights", bad])


def test_cli_plan_missing_layer(city):
    path, weights = city
    with pytest.raises(UserError, match="roads"):
        _run([path, "--layer", "roads", "--budget", 1, "--weights", weights])


def test_cli_plan_registered_in_gisdesk_cli(city, capsys):
    from gisdesk.cli import main

    path, weights = city
    assert main(["plan", str(path), "--budget", "75000000", "--years", "1",
                 "--weights", str(weights), "--start-year", "2027"]) == 0
    out = capsys.readouterr().out
    assert "4 assets ranked, 1 funded within 1 years" in out
