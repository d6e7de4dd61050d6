"""Atlas: one PDF page per kelurahan, each titled with its name and zoomed to it; progress is
reported and a cancelled atlas leaves no file."""

from __future__ import annotations

import subprocess

import pytest
from _print_fixtures import DISTRICTS, load_print_project, write_print_city

from gisdesk.export.layout_model import LayoutTemplate
from gisdesk.ui.print.export import atlas_plan, export_atlas


@pytest.fixture
def city(qapp, tmp_path):
    return load_print_project(write_print_city(tmp_path / "city.gpkg"))


def _pages(pdf) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True)
    return int(next(line.split()[-1] for line in info.stdout.splitlines()
                    if line.startswith("Pages:")))


def _page_text(pdf, page: int) -> str:
    return subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
                          check=True, capture_output=True, text=True).stdout


def test_print_atlas_one_page_per_kelurahan_with_its_name(city, tmp_path):
    seen = []
    template = LayoutTemplate(paper="A4", orientation="landscape", title="Atlas jalan")
    result = export_atlas(city, template, "districts", "name", tmp_path / "atlas.pdf",
                          lang="id", progress=lambda i, n: seen.append((i, n)))
    assert result.pages == len(DISTRICTS) and not result.cancelled
    assert _pages(result.path) == len(DISTRICTS)
    assert seen == [(i + 1, len(DISTRICTS)) for i in range(len(DISTRICTS))]
    for i, name in enumerate(DISTRICTS, start=1):
        text = _page_text(result.path, i)
        assert f"Atlas jalan — {name}" in text
        others = [n for n in DISTRICTS if n != name]
        assert not any(f"— {n}" in text for n in others)


def test_print_atlas_pages_zoom_to_each_feature(city):
    pages = atlas_plan(city, LayoutTemplate(paper="A4"), "districts", "name")
    assert [p.name for p in pages] == DISTRICTS
    xs = [p.centre[0] for p in pages]
    assert xs == sorted(xs) and xs[1] - xs[0] == pytest.approx(1000)  # 1 km apart
    assert all(p.scale <= 10000 for p in pages)  # a 1 km kelurahan, not the whole city


def test_print_atlas_cancel_leaves_no_file(city, tmp_path):
    done = []
    result = export_atlas(city, LayoutTemplate(paper="A4"), "districts", "name",
                          tmp_path / "atlas.pdf", progress=lambda i, n: done.append(i),
                          cancel=lambda: len(done) >= 1)
    assert result.cancelled and result.pages == 0
    assert not (tmp_path / "atlas.pdf").exists()


def test_print_atlas_bad_layer_or_field_is_named(city, tmp_path):
    with pytest.raises(ValueError, match="no map layer named 'kecamatan'"):
        export_atlas(city, LayoutTemplate(), "kecamatan", "name", tmp_path / "a.pdf")
    with pytest.raises(ValueError, match="layer 'districts' has no field 'nama'"):
        export_atlas(city, LayoutTemplate(), "districts", "nama", tmp_path / "a.pdf")


def test_print_atlas_page_dims_outside_its_feature(city):
    from dataclasses import replace

    from gisdesk.export.layout_model import MM_PER_INCH, layout_boxes
    from gisdesk.ui.print.export import page_image
    from gisdesk.ui.print.page import page_spec

    template = LayoutTemplate(paper="A4", orientation="landscape", grid=False, labels=False)
    ipilo = city.layer("districts").frame.geometry.iloc[1]
    spec = page_spec(city, template, ipilo.bounds, scale=10000.0)
    plain = page_image(city, spec, 50)
    lit = page_image(city, replace(spec, highlight=ipilo), 50)
    box = layout_boxes(template)["map"]
    px = 50 / MM_PER_INCH

    def pixel(image, dx_m: float, dy_m: float):
        x = (box.x + box.w / 2 + dx_m / spec.scale * 1000) * px
        y = (box.y + box.h / 2 - dy_m / spec.scale * 1000) * px
        return image.pixelColor(round(x), round(y))

    inside, outside = (250, 300), (0, 650)  # metres from the centre: in Ipilo / north of it
    assert pixel(lit, *inside) == pixel(plain, *inside)
    assert pixel(lit, *outside).lightness() > pixel(plain, *outside).lightness()
