"""The planner's questions on a small generated sample city, answered from the command line.

Each CLI answer is checked against an independent brute-force computation on the same file.
"""

from __future__ import annotations

import datetime
import json

import numpy as np
import pyogrio
import pytest
import shapely

from gisdesk.cli import main

sampledata = pytest.importorskip("gisdesk.sampledata")


@pytest.fixture(scope="module")
def city(tmp_path_factory):
    return sampledata.generate_city(tmp_path_factory.mktemp("city") / "tiny.gpkg", scale=0.05)


def read(path, layer):
    return pyogrio.read_dataframe(path, layer=layer, use_arrow=True)


def run_json(capsys, *argv) -> dict:
    assert main([*map(str, argv), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_cli_query_sample_city_buildings_near_failing_mains(city, capsys):
    data = run_json(capsys, "query", city, "--layer", "buildings", "--near-layer", "water_mains",
                    "--near-where", "\"condition\" <= 'Poor'", "--distance", 50)
    buildings, mains = read(city, "buildings"), read(city, "water_mains")
    poor = np.asarray(mains[(mains["condition"] <= 2).fillna(False)].geometry.values)
    dist = shapely.distance(np.asarray(buildings.geometry.values)[:, None], poor[None, :])
    expected = set(buildings.loc[(dist <= 50).any(axis=1), "uuid"])
    assert {row["uuid"] for row in data["rows"]} == expected
    assert data["count"] == len(expected)


def test_cli_query_sample_city_isolation_closes_valves_around_break(city, capsys):
    mains, valves = read(city, "water_mains"), read(city, "valves")
    middle = mains.geometry.iloc[len(mains) // 2].interpolate(0.5, normalized=True)
    data = run_json(capsys, "trace", city, "--isolate-at", f"{middle.x},{middle.y}")
    broken = mains.geometry.iloc[len(mains) // 2]
    closing = valves[valves["uuid"].isin([r["uuid"] for r in data["valves_to_close_rows"]])]
    assert len(closing) >= 1
    dry = mains[mains["uuid"].isin([r["uuid"] for r in data["dry_mains_rows"]])]
    assert broken.equals(mains.geometry.iloc[len(mains) // 2])
    assert mains.iloc[len(mains) // 2]["uuid"] in set(dry["uuid"])
    # every valve to close sits on the end of a dry main (the zone's boundary)
    ends = shapely.get_coordinates(shapely.boundary(np.asarray(dry.geometry.values)))
    for point in closing.geometry:
        assert np.min(np.hypot(*(ends - [point.x, point.y]).T)) < 1.0


def test_cli_query_sample_city_old_mains_per_kelurahan(city, capsys):
    data = run_json(capsys, "query", city, "--layer", "water_mains", "--where",
                    'year(now()) - "install_year" > 40', "--summarise-by", "districts")
    mains = read(city, "water_mains")
    old = mains[(datetime.date.today().year - mains["install_year"]) > 40]
    total = sum(row["total"] for row in data["rows"])
    inside = shapely.union_all(np.asarray(read(city, "districts").geometry.values))
    expected = shapely.length(shapely.intersection(np.asarray(old.geometry.values), inside)).sum()
    assert total == pytest.approx(expected / 1000, rel=1e-6)


def test_cli_trace_text_table_drops_columns_empty_in_every_shown_row(city, capsys):
    """Building names are mostly unset: the printed lists leave out a column with no value."""
    import re

    mains = read(city, "water_mains")
    middle = mains.geometry.iloc[len(mains) // 2].interpolate(0.5, normalized=True)
    assert main(["trace", str(city), "--isolate-at", f"{middle.x},{middle.y}"]) == 0
    checked = 0
    for block in capsys.readouterr().out.split("\n\n")[1:]:
        lines = block.rstrip("\n").splitlines()
        if len(lines) < 4 or not set(lines[2]) <= {"-", " "}:
            continue  # a title without a table
        starts = [m.start() for m in re.finditer(r"\S+", lines[1])] + [None]
        for left, right, name in zip(starts, starts[1:], lines[1].split(), strict=False):
            cells = [row[left:right].strip() for row in lines[3:] if not row.startswith("wrote")]
            assert any(c and c != "NULL" for c in cells), f"{name} is empty in '{lines[0]}'"
            checked += 1
    assert checked >= 3  # the lists were there to check
