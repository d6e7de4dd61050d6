"""The condition report counts every asset: never-inspected (NULL) and out-of-domain conditions
land in an "Unknown" column, so each kelurahan row and the report's totals equal the features
in the GeoPackage — on a hand-made city and on the shipped sample city."""

from __future__ import annotations

import re

import geopandas as gpd
import pyogrio
import pytest
import shapely

from gisdesk.cli import main
from gisdesk.commands.export_web import load_layers
from gisdesk.core.condition_stats import UNKNOWN, condition_by_district
from gisdesk.core.definitions import default_catalog
from gisdesk.export.report import build_report
from gisdesk.io.readers import read_layer
from gisdesk.paths import sample_city_path

CRS = "EPSG:32651"


@pytest.fixture
def city(tmp_path):
    """Two kelurahan; six lights with two NULL conditions, one code 9 and one outside both."""
    path = tmp_path / "city.gpkg"
    districts = gpd.GeoDataFrame(
        {"name": ["Ipilo", "Limba B"]},
        geometry=[shapely.box(0, 0, 100, 100), shapely.box(100, 0, 200, 100)], crs=CRS)
    lights = gpd.GeoDataFrame(
        {"asset_id": list("abcdef"), "condition": [1, None, 2, None, 9, 3]},
        geometry=[shapely.Point(10, 10), shapely.Point(20, 20), shapely.Point(150, 50),
                  shapely.Point(160, 60), shapely.Point(170, 70), shapely.Point(500, 500)],
        crs=CRS)
    pyogrio.write_dataframe(districts, path, layer="districts")
    pyogrio.write_dataframe(lights, path, layer="streetlights")
    return path


def _section_rows(page: str, heading: str) -> list[list[str]]:
    """Cells of every row of the table under ``heading`` (header row included)."""
    section = page.split(heading, 1)[1].split("<h2>", 1)[0]
    table = section[section.index("<table>"):]
    return [re.findall(r"<t[hd]>(.*?)</t[hd]>", row) for row in re.findall(r"<tr>(.*?)</tr>",
                                                                             table)]


def test_condition_by_district_unknown_column_counts_null_and_bad_codes(city):
    catalog = default_catalog()
    lights = read_layer(city, "streetlights", target_crs=CRS, catalog=catalog)
    districts = read_layer(city, "districts", target_crs=CRS, catalog=catalog)
    table = condition_by_district(lights, districts, unknown=True)
    assert list(table.columns) == [1, 2, 3, 4, 5, UNKNOWN]
    assert table.loc["Ipilo"].tolist() == [1, 0, 0, 0, 0, 1]
    assert table.loc["Limba B"].tolist() == [0, 1, 0, 0, 0, 2]  # one NULL, one code 9
    assert int(table.to_numpy().sum()) == len(lights.frame) == 6
    # without the flag the chart's table is unchanged: classes only
    assert list(condition_by_district(lights, districts).columns) == [1, 2, 3, 4, 5]


@pytest.mark.parametrize(("lang", "unknown", "total"), [("en", "Unknown", "Total"),
                                                        ("id", "Tidak diketahui", "Jumlah")])
def test_report_district_table_totals_equal_feature_count(city, tmp_path, lang, unknown, total):
    out = tmp_path / f"report_{lang}.html"
    assert main(["export-report", str(city), "--out", str(out), "--lang", lang]) == 0
    page = out.read_text(encoding="utf-8")
    title = "Streetlights" if lang == "en" else "Lampu jalan"
    heading = next(h for h in re.findall(r"<h2>(.*?)</h2>", page) if title in h)
    header, *rows = _section_rows(page, heading)
    assert header[-2:] == [unknown, total]
    body, last = rows[:-1], rows[-1]
    assert last[0] == total
    assert {r[0]: r[-2:] for r in body}["Limba B"] == ["2", "3"]
    assert sum(int(r[-1]) for r in body) == int(last[-1]) == 6
    assert int(last[-2]) == 3  # two NULL and one code 9
    for i in range(1, len(header)):  # the total row adds up its column
        assert int(last[i]) == sum(int(r[i]) for r in body)


def test_report_sample_city_totals_equal_row_counts():
    path = sample_city_path()
    layers, catalog = load_layers(path, None)
    page, names, _ = build_report(layers, catalog, "en", source=path.name)
    counts = {row["name"]: row["features"] for row in _layer_infos(path)}
    assert "buildings" in names and len(names) >= 5
    by_name = {lyr.name: lyr for lyr in layers}
    unknown_total: dict[str, int] = {}
    for name in names:
        layer = by_name[name]
        heading = f"Condition per kelurahan: {layer.title_in('en')}"
        header, *rows = _section_rows(page, heading)
        assert header[-2:] == ["Unknown", "Total"]
        assert rows[-1][0] == "Total"
        assert int(rows[-1][-1]) == sum(int(r[-1]) for r in rows[:-1]) == counts[name]
        missing = int(layer.frame["condition"].isna().sum())
        assert int(rows[-1][-2]) >= missing
        unknown_total[name] = missing
    assert unknown_total["buildings"] > 1000  # most buildings were never inspected


def _layer_infos(path):
    return [{"name": name, "features": pyogrio.read_info(path, layer=name)["features"]}
            for name, _ in pyogrio.list_layers(path)]
