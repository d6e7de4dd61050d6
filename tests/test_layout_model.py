"""Layout model: page boxes, round scale-bar lengths and scales, grid spacing, atlas pages and
templates saved as JSON (all without Qt)."""

from __future__ import annotations

import json
import math

import pytest

from gisdesk.export.layout_model import (
    Box,
    LayoutTemplate,
    atlas_pages,
    fit_scale,
    grid_interval,
    grid_ticks,
    layout_boxes,
    load_template,
    nice_number,
    nice_scale,
    page_size_mm,
    print_text,
    resolve_logo,
    save_template,
    scale_bar_spec,
    templates_dir,
)

PAPERS = [(p, o) for p in ("A4", "A3", "A1") for o in ("portrait", "landscape")]
ELEMENTS = ("title", "logo", "map", "legend", "north", "scalebar", "notes")


def _overlap(a: Box, b: Box) -> bool:
    return a.x < b.right - 1e-6 and b.x < a.right - 1e-6 and a.y < b.bottom - 1e-6 \
        and b.y < a.bottom - 1e-6


@pytest.mark.parametrize(("paper", "orientation"), PAPERS)
def test_layout_model_boxes_inside_margins_and_apart(paper, orientation):
    template = LayoutTemplate(paper=paper, orientation=orientation)
    boxes = layout_boxes(template)
    w, h = page_size_mm(template)
    assert (w > h) == (orientation == "landscape")
    for name in ELEMENTS:
        assert boxes["inner"].contains(boxes[name]), name
        assert boxes[name].w > 0 and boxes[name].h > 0, name
    for i, a in enumerate(ELEMENTS):
        for b in ELEMENTS[i + 1:]:
            assert not _overlap(boxes[a], boxes[b]), (a, b)
    assert boxes["map"].w * boxes["map"].h > 0.45 * w * h  # the map dominates the sheet


def test_layout_model_a3_landscape_is_420_by_297():
    assert page_size_mm(LayoutTemplate(paper="A3", orientation="landscape")) == (420.0, 297.0)


@pytest.mark.parametrize(("value", "expected"), [
    (1.0, 1.0), (1.9, 1.0), (2.0, 2.0), (4.99, 2.0), (7.0, 5.0), (0.37, 0.2), (1234.0, 1000.0),
])
def test_layout_model_nice_number_rounds_down_to_1_2_5(value, expected):
    assert nice_number(value) == pytest.approx(expected)


def test_layout_model_nice_number_rejects_zero():
    with pytest.raises(ValueError, match="positive"):
        nice_number(0.0)


@pytest.mark.parametrize(("scale", "width_mm", "length", "segments", "unit"), [
    (10000, 60, 500.0, 5, "m"), (10000, 100, 1000.0, 5, "km"), (25000, 60, 1000.0, 5, "km"),
    (5000, 50, 200.0, 4, "m"), (1000, 30, 20.0, 4, "m"),
])
def test_layout_model_scale_bar_is_round_and_fits(scale, width_mm, length, segments, unit):
    got = scale_bar_spec(scale, width_mm)
    assert got == (pytest.approx(length), segments, unit)
    assert got[0] / scale * 1000 <= width_mm  # the bar fits its box on paper


@pytest.mark.parametrize(("value", "expected"), [
    (9000, 10000), (10000, 10000), (10001, 15000), (6200, 7500), (1300, 1500), (31000, 40000),
])
def test_layout_model_nice_scale_rounds_up(value, expected):
    assert nice_scale(value) == pytest.approx(expected)


def test_layout_model_grid_interval_and_ticks():
    assert grid_interval(5000, 5) == pytest.approx(1000)
    assert grid_interval(1300, 5) == pytest.approx(250)
    assert grid_ticks(500100, 502100, 500) == [500500, 501000, 501500, 502000]
    assert grid_ticks(0, 1000, 500) == [500]  # ends are the frame, not a grid line


def test_layout_model_fit_scale_shows_whole_extent():
    box = Box(0, 0, 200, 100)  # mm
    scale = fit_scale(box, (0, 0, 4000, 1000))  # 4 km wide needs 1:20 000 on 200 mm
    assert scale == pytest.approx(20000)


def test_layout_model_atlas_pages_fit_each_feature_at_a_nice_scale():
    box = Box(0, 0, 200, 150)
    bounds = [(0, 0, 1000, 500), (5000, 5000, 9000, 6000), (math.nan,) * 4]
    pages = atlas_pages(["A", "B", "C"], bounds, box)
    assert [p.name for p in pages] == ["A", "B"]  # no page for a missing geometry
    for page, b in zip(pages, bounds, strict=False):
        assert page.scale == nice_scale(page.scale)
        half_w = box.w / 1000 * page.scale / 2
        half_h = box.h / 1000 * page.scale / 2
        assert page.centre[0] - half_w <= b[0] and page.centre[0] + half_w >= b[2]
        assert page.centre[1] - half_h <= b[1] and page.centre[1] + half_h >= b[3]
    assert pages[0].scale < pages[1].scale


def test_layout_model_template_round_trip(tmp_path):
    template = LayoutTemplate(paper="A1", orientation="portrait", scale=10000,
                              title="Jaringan air", author="Sari", opd="PDAM", grid=False)
    path = tmp_path / "t.json"
    save_template(template, path)
    assert json.loads(path.read_text())["paper"] == "A1"
    assert load_template(path) == template


def test_layout_model_bad_template_names_file_and_field(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"paper": "B5", "title": "x"}))
    with pytest.raises(ValueError, match=r"bad\.json.*paper"):
        load_template(path)
    path.write_text("{not json")
    with pytest.raises(ValueError, match=r"bad\.json"):
        load_template(path)


def test_layout_model_shipped_templates_load_with_logo():
    a3 = load_template(templates_dir() / "a3_landscape.json")
    a4 = load_template(templates_dir() / "a4_portrait.json")
    assert (a3.paper, a3.orientation) == ("A3", "landscape")
    assert (a4.paper, a4.orientation) == ("A4", "portrait")
    assert resolve_logo(a3) is not None and resolve_logo(a3).suffix == ".svg"


def test_layout_model_logo_next_to_template_wins(tmp_path):
    (tmp_path / "logo_placeholder.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    assert resolve_logo(LayoutTemplate(), tmp_path / "t.json") == tmp_path / "logo_placeholder.svg"
    assert resolve_logo(LayoutTemplate(logo="missing.png")) is None


def test_layout_model_print_text_in_indonesian():
    assert print_text("legend", "id") == "Legenda"
    assert print_text("scale", "en").format("10 000") == "Scale 1:10 000"
