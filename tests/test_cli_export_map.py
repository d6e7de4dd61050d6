"""``gisdesk export-map`` writes PDF/PNG layouts and atlases from the command line."""

from __future__ import annotations

import subprocess

import pytest
from _print_fixtures import DISTRICTS, write_print_city
from PySide6.QtGui import QImage

from gisdesk.cli import main
from gisdesk.export.layout_model import LayoutTemplate, save_template


@pytest.fixture
def gpkg(tmp_path):
    return write_print_city(tmp_path / "city.gpkg")


def _text(pdf) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout


def test_cli_export_map_poor_roads_pdf_in_indonesian(qapp, gpkg, tmp_path, capsys):
    out = tmp_path / "poor.pdf"
    code = main(["export-map", str(gpkg), "--out", str(out), "--layers", "districts,roads",
                 "--where", "condition <= 2", "--title", "Jalan kondisi buruk", "--lang", "id",
                 "--paper", "A3", "--orientation", "landscape", "--scale", "10000",
                 "--author", "Sari", "--opd", "PUPR"])
    assert code == 0
    text = _text(out)
    for expected in ("Jalan kondisi buruk", "Legenda", "Arteri", "Skala 1:10 000", "OPD: PUPR",
                     "Ditampilkan: Kondisi ≤ 2 (Buruk)"):
        assert expected in text, expected
    assert "Katup" not in text  # valves were not asked for
    assert "1:10,000" in capsys.readouterr().out


def test_cli_export_map_filter_note_is_readable_in_english(qapp, gpkg, tmp_path):
    out = tmp_path / "poor_en.pdf"
    assert main(["export-map", str(gpkg), "--out", str(out), "--layers", "districts,roads",
                 "--where", "condition <= 2 AND road_class <> 'LOCAL'", "--paper", "A4"]) == 0
    text = " ".join(_text(out).split())  # the note may wrap
    assert "Shown: Condition ≤ 2 (Poor) and Road class ≠ Local" in text
    assert "condition <= 2" not in text


def test_cli_export_map_png_at_150_dpi(qapp, gpkg, tmp_path):
    out = tmp_path / "map.png"
    assert main(["export-map", str(gpkg), "--out", str(out), "--paper", "A4",
                 "--orientation", "portrait", "--dpi", "150"]) == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1240, 1754)


def test_cli_export_map_template_file(qapp, gpkg, tmp_path):
    template = tmp_path / "mine.json"
    save_template(LayoutTemplate(paper="A4", orientation="portrait", title="Dari template",
                                 attribution="Sumber: BAPPEDA"), template)
    out = tmp_path / "t.pdf"
    assert main(["export-map", str(gpkg), "--out", str(out), "--template", str(template)]) == 0
    text = _text(out)
    assert "Dari template" in text and "Sumber: BAPPEDA" in text


def test_cli_export_map_atlas(qapp, gpkg, tmp_path):
    out = tmp_path / "atlas.pdf"
    assert main(["export-map", str(gpkg), "--atlas", "districts", "--name-field", "name",
                 "--out", str(out), "--paper", "A4"]) == 0
    info = subprocess.run(["pdfinfo", str(out)], check=True, capture_output=True, text=True)
    assert f"Pages:           {len(DISTRICTS)}" in info.stdout
    assert all(name in _text(out) for name in DISTRICTS)


@pytest.mark.parametrize(("args", "message"), [
    (["--layers", "roads,pipes"], "no layer named pipes"),
    (["--out-override", "x.svg"], "--out must end in .pdf or .png"),
    (["--atlas", "districts", "--name-field", "nama"], "has no field 'nama'"),
    (["--where", "condition <="], "--where"),
])
def test_cli_export_map_errors_are_clear(qapp, gpkg, tmp_path, capsys, args, message):
    out = str(tmp_path / "x.pdf")
    if args[0] == "--out-override":
        out, args = str(tmp_path / args[1]), []
    assert main(["export-map", str(gpkg), "--out", out, *args]) != 0
    assert message in capsys.readouterr().err
