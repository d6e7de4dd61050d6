"""Print pages: the PDF is vector (fonts, searchable text, no page-size image), the map draws
where expected (a red arterial pixel inside the frame), PNG pages have the paper's pixel size."""

from __future__ import annotations

import subprocess

import pytest
from _print_fixtures import ARTERIAL_Y, X0, Y0, load_print_project, write_print_city
from PySide6.QtGui import QColor, QImage

from gisdesk.export.layout_model import MM_PER_INCH, LayoutTemplate, layout_boxes, page_size_mm
from gisdesk.ui.print.export import export_pdf, export_png
from gisdesk.ui.print.page import page_spec


@pytest.fixture
def city(qapp, tmp_path):
    return load_print_project(write_print_city(tmp_path / "city.gpkg"))


def _pdftotext(path, *extra) -> str:
    return subprocess.run(["pdftotext", "-layout", *extra, str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def _pdf_to_png(pdf, tmp_path, dpi=50) -> QImage:
    stem = tmp_path / "page"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-singlefile", str(pdf), str(stem)],
                   check=True)
    return QImage(str(stem) + ".png")


def _is_red(color: QColor) -> bool:
    return color.red() > 150 and color.green() < 110 and color.blue() < 110


def test_print_pdf_map_draws_red_arterial_where_expected(city, tmp_path):
    template = LayoutTemplate(paper="A4", orientation="landscape", scale=20000, grid=False,
                              title="Kondisi jalan")
    spec = page_spec(city, template, (X0, Y0, X0 + 3000, Y0 + 1000), lang="id")
    pdf = export_pdf(city, spec, tmp_path / "map.pdf")
    dpi = 50
    image = _pdf_to_png(pdf, tmp_path, dpi)
    w_mm = page_size_mm(template)[0]
    assert abs(image.width() - w_mm / MM_PER_INCH * dpi) <= 1
    box = layout_boxes(template)["map"]
    px = dpi / MM_PER_INCH
    # The arterial runs along y = ARTERIAL_Y; 1 mm on paper = scale/1000 m.
    y_mm = box.y + box.h / 2 - (ARTERIAL_Y - spec.centre[1]) / spec.scale * 1000
    x_mm = box.x + box.w / 2 - 1200 / spec.scale * 1000  # 1.2 km west of the centre
    reds = [_is_red(image.pixelColor(round(x_mm * px), round(y_mm * px) + dy))
            for dy in range(-2, 3)]
    assert any(reds)
    # ... and not 300 m north of it, where there is no road.
    y_off = y_mm - 300 / spec.scale * 1000
    assert not any(_is_red(image.pixelColor(round(x_mm * px), round(y_off * px) + dy))
                   for dy in range(-2, 3))


def test_print_pdf_is_vector_with_selectable_text(city, tmp_path):
    template = LayoutTemplate(paper="A3", orientation="landscape", scale=5000,
                              title="Peta jalan Kota Gorontalo", subtitle="Dinas PUPR",
                              author="Sari", opd="PUPR")
    spec = page_spec(city, template, (X0 + 200, Y0, X0 + 1800, Y0 + 1000), lang="id")
    pdf = export_pdf(city, spec, tmp_path / "map.pdf")
    fonts = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True,
                           text=True).stdout
    assert "DejaVuSans" in fonts
    text = _pdftotext(pdf)
    for expected in ("Peta jalan Kota Gorontalo", "Dinas PUPR", "Legenda", "Jalan", "Arteri",
                     "Lokal", "Kelurahan", "Skala 1:5 000", "Pembuat: Sari",
                     "WGS 84 / UTM zone 51N (EPSG:32651)"):
        assert expected in text, expected
    assert "Jalan Sudirman" in text  # a map label is real text, not a picture
    images = subprocess.run(["pdfimages", "-list", str(pdf)], check=True, capture_output=True,
                            text=True).stdout.splitlines()[2:]
    page_w = page_size_mm(template)[0] / MM_PER_INCH * 300
    assert all(int(line.split()[3]) < page_w / 4 for line in images)  # no full-page raster


def test_print_pdf_legend_in_english(city, tmp_path):
    spec = page_spec(city, LayoutTemplate(paper="A4", orientation="portrait", title="Roads"),
                     lang="en")
    text = _pdftotext(export_pdf(city, spec, tmp_path / "en.pdf"))
    assert "Legend" in text and "Arterial" in text and "Valves" in text
    assert "Legenda" not in text


def test_print_pdf_hidden_layer_not_in_legend(city, tmp_path):
    city.set_visible("valves", False)
    spec = page_spec(city, LayoutTemplate(paper="A4", orientation="portrait"), lang="en")
    text = _pdftotext(export_pdf(city, spec, tmp_path / "hidden.pdf"))
    assert "Valves" not in text and "Roads" in text


@pytest.mark.parametrize("dpi", [150, 300])
def test_print_png_has_paper_pixel_size(city, tmp_path, dpi):
    template = LayoutTemplate(paper="A4", orientation="portrait")
    out = export_png(city, page_spec(city, template), tmp_path / "page.png", dpi)
    image = QImage(str(out))
    assert (image.width(), image.height()) == (round(210 / 25.4 * dpi), round(297 / 25.4 * dpi))
    assert abs(image.dotsPerMeterX() - dpi / 0.0254) < 2
    box = layout_boxes(template)["map"]
    px = dpi / 25.4
    inside = [image.pixelColor(round((box.x + box.w * f) * px), round((box.y + box.h / 2) * px))
              for f in (0.3, 0.5, 0.7)]
    assert any(c != QColor("white") for c in inside)


def test_print_png_rejects_silly_dpi(city, tmp_path):
    with pytest.raises(ValueError, match="dpi"):
        export_png(city, page_spec(city, LayoutTemplate()), tmp_path / "x.png", 5000)
