"""Summary report: a self-contained HTML page with headline counts, condition per kelurahan
and inspections per month, headers in the chosen language, charts as inline SVG."""

from __future__ import annotations

import re

import pytest
from _print_fixtures import DISTRICTS, write_print_city

from gisdesk.cli import main
from gisdesk.commands.export_web import load_layers
from gisdesk.export.report import build_report, export_report, monthly_inspections


@pytest.fixture
def layers(tmp_path):
    return load_layers(write_print_city(tmp_path / "city.gpkg"), None)


def _cells(page: str, first: str) -> list[str]:
    row = re.search(rf"<tr><td>{re.escape(first)}</td>(.*?)</tr>", page)
    assert row, first
    return re.findall(r"<td>(.*?)</td>", row.group(1))


def test_report_html_headline_and_district_counts_in_indonesian(layers, tmp_path):
    result = export_report(layers[0], tmp_path / "r.html", layers[1], lang="id")
    page = result.path.read_text(encoding="utf-8")
    assert "Ringkasan kondisi aset" in page and "Kondisi per kelurahan: Jalan" in page
    assert "Sangat buruk" in page and "Pemeriksaan per bulan" in page
    # Roads: 3 assets, 2 poor (conditions 1 and 2), 66,7 %, none uninspected.
    assert _cells(page, "Jalan") == ["3", "2", "66,7 %", "0"]
    assert "<td>Mar 2026</td>" in page and "Dibuat " in page  # months and date in Indonesian
    # Each road is counted once, in the kelurahan holding its surface point.
    roads_section = page.split("Kondisi per kelurahan: Jalan")[1].split("<h2>")[0]
    totals = [int(re.search(rf"<tr><td>{n}</td>(?:<td>\d+</td>)*?<td>(\d+)</td></tr>",
                            roads_section).group(1)) for n in DISTRICTS]
    assert sum(totals) == 3
    assert result.layers == ("roads", "valves")


def test_report_html_is_self_contained_with_svg_charts(layers, tmp_path):
    page, _, months = build_report(layers[0], layers[1], "en")
    assert page.count("<svg") == 3  # roads, valves, inspections per month
    assert not re.search(r"(src|href)=\"https?:", page)
    assert months == 3  # January to March 2026, February with none
    assert "<td>Feb 2026</td><td>0</td>" in page
    assert "Condition per kelurahan: Roads" in page


def test_report_monthly_inspections_fills_empty_months(layers):
    inspections = next(lyr for lyr in layers[0] if lyr.name == "inspections")
    counts = monthly_inspections(inspections)
    assert [str(p) for p in counts.index] == ["2026-01", "2026-02", "2026-03"]
    assert counts.tolist() == [2, 0, 2]


def test_report_cli_writes_html(tmp_path, capsys):
    gpkg = write_print_city(tmp_path / "city.gpkg")
    out = tmp_path / "laporan.html"
    assert main(["export-report", str(gpkg), "--out", str(out), "--lang", "id"]) == 0
    assert "Angka utama" in out.read_text(encoding="utf-8")
    assert "2 asset layers, 3 months" in capsys.readouterr().out
    assert main(["export-report", str(gpkg), "--out", str(tmp_path / "x.pdf")]) != 0
    assert ".html" in capsys.readouterr().err
