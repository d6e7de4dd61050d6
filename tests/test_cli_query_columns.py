"""``gisdesk query``'s text table on the sample city: the asset code and the definition's label
field, the fields the query used, and no column that is NULL in every printed row."""

from __future__ import annotations

import pyogrio
import pytest

from gisdesk.cli import main
from gisdesk.paths import sample_city_path


@pytest.fixture(scope="module")
def buildings():
    return pyogrio.read_dataframe(sample_city_path(), layer="buildings", read_geometry=False,
                                  columns=["asset_id", "name", "floors"])


def table(text: str) -> tuple[list[str], list[list[str]]]:
    """Header and rows of the printed table, cut at the widths of its dashed rule."""
    lines = text.splitlines()
    rule = next(i for i, line in enumerate(lines) if line.startswith("-"))
    spans, start = [], 0
    for width in (len(part) for part in lines[rule].split("  ")):
        spans.append((start, start + width))
        start += width + 2
    rows = [line for line in lines[rule + 1:] if not line.startswith("... ")]
    cut = [[line[a:b].strip() for a, b in spans] for line in rows if line.strip()]
    return [lines[rule - 1][a:b].strip() for a, b in spans], cut


def run(capsys, *argv) -> tuple[list[str], list[list[str]]]:
    assert main(["query", str(sample_city_path()), *argv]) == 0
    return table(capsys.readouterr().out)


def test_query_buildings_drops_all_null_name_column(buildings, capsys):
    header, rows = run(capsys, "--layer", "buildings", "--limit", "5")
    shown = buildings.head(5)
    assert shown["name"].isna().all()  # the first buildings of the sample city have no name
    assert header == ["asset_id"]
    assert [r[0] for r in rows] == shown["asset_id"].tolist()


def test_query_buildings_default_limit_shows_code_and_name(buildings, capsys):
    header, rows = run(capsys, "--layer", "buildings")
    shown = buildings.head(50)
    assert 0 < shown["name"].notna().sum() < 50
    assert header == ["asset_id", "name"]
    assert [r[1] for r in rows] == shown["name"].fillna("NULL").str[:40].tolist()


def test_query_buildings_shows_label_field_when_some_are_named(buildings, capsys):
    header, rows = run(capsys, "--layer", "buildings", "--where", '"floors" > 3', "--limit", "20")
    shown = buildings[buildings["floors"] > 3].head(20)
    assert shown["name"].notna().any() and shown["name"].isna().any()
    assert header == ["asset_id", "name", "floors"]
    assert [r[0] for r in rows] == shown["asset_id"].tolist()
    assert [r[1] for r in rows] == shown["name"].fillna("NULL").str[:40].tolist()
    assert {r[2] for r in rows} == {str(f) for f in shown["floors"]}


def test_query_no_printed_column_is_all_null(capsys):
    for layer in ("buildings", "roads", "water_mains", "valves", "districts", "inspections"):
        header, rows = run(capsys, "--layer", layer, "--limit", "30")
        assert header, layer
        for i, name in enumerate(header):
            assert any(r[i] != "NULL" for r in rows), (layer, name)


def test_query_where_on_a_null_field_falls_back_to_the_code(capsys):
    header, rows = run(capsys, "--layer", "buildings", "--where", '"name" IS NULL',
                       "--limit", "5")
    assert header == ["asset_id"] and len(rows) == 5
