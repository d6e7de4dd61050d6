"""The printed legend never overflows its frame: many classes shrink, flow into columns, elide
and finally end with "… and N more"; a few classes keep the largest font."""

from __future__ import annotations

import pytest
from _print_fixtures import load_print_project, write_print_city
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFontMetricsF

from gisdesk.core.definitions import Symbol
from gisdesk.ui.print.legend import (
    FONT_STEPS_PT,
    LegendItem,
    layout_legend,
    legend_font,
    legend_items,
)


def _items(n: int, text: str = "Class") -> list[LegendItem]:
    return [LegendItem("Layer")] + [
        LegendItem(f"{text} {i}", Symbol(color="#c0392b", width=2), "line") for i in range(n)]


def _assert_inside(layout, box: QRectF) -> None:
    for placed in layout.placed:
        assert box.contains(placed.rect), placed.text
        width = QFontMetricsF(legend_font(layout.font_px, placed.item.symbol is None)) \
            .horizontalAdvance(placed.text)
        assert width <= placed.rect.width() + 0.5, placed.text


@pytest.mark.parametrize("n", [1, 5, 30, 120, 2000])
def test_print_legend_stays_inside_its_box(qapp, n):
    box = QRectF(100, 50, 300, 400)
    layout = layout_legend(_items(n), box, 300 / 72)
    _assert_inside(layout, box)
    shown = sum(p.item.symbol is not None for p in layout.placed)
    assert shown + layout.dropped >= n  # every class is either shown or counted as dropped


def test_print_legend_few_classes_keep_the_biggest_font(qapp):
    layout = layout_legend(_items(3), QRectF(0, 0, 600, 600), 300 / 72)
    assert layout.font_px == round(FONT_STEPS_PT[0] * 300 / 72)
    assert layout.columns == 1 and layout.dropped == 0


def test_print_legend_many_classes_use_columns_then_say_how_many_more(qapp):
    box = QRectF(0, 0, 1200, 200)
    layout = layout_legend(_items(2000), box, 300 / 72, "id")
    _assert_inside(layout, box)
    assert layout.columns > 1
    assert layout.dropped > 0
    assert layout.placed[-1].text == f"… dan {layout.dropped} lainnya"


def test_print_legend_long_labels_are_elided_not_overflowing(qapp):
    box = QRectF(0, 0, 120, 300)
    layout = layout_legend(_items(4, "Sangat panjang sekali nama kelas ini " * 4), box, 300 / 72)
    _assert_inside(layout, box)
    assert any(p.text.endswith("…") for p in layout.placed)


def test_print_legend_items_follow_symbology_in_language(qapp, tmp_path):
    project = load_print_project(write_print_city(tmp_path / "c.gpkg"))
    texts = [i.text for i in legend_items(project.layers[:2], project.catalog, "id")]
    assert texts[:4] == ["Jalan", "Arteri", "Kolektor", "Lokal"]  # top layer first
    assert "Kelurahan" in texts


def test_print_legend_heading_never_ends_a_column(qapp):
    items = [LegendItem(f"Layer {k}") if i == 0 else
             LegendItem(f"Class {k}.{i}", Symbol(color="#336699"), "point")
             for k in range(2) for i in range(4)]
    box = QRectF(0, 0, 900, 100)  # five rows per column: the second heading would end one
    layout = layout_legend(items, box, 96 / 72)
    _assert_inside(layout, box)
    for a, b in zip(layout.placed, layout.placed[1:], strict=False):
        if a.item.symbol is None:  # the row after a heading is its first class, same column
            assert b.rect.left() == a.rect.left() and b.rect.top() > a.rect.top()


def _layers(sizes: list[int]) -> list[LegendItem]:
    """Layer k's heading "Layer k" then its classes "k.i" (points)."""
    return [item for k, n in enumerate(sizes) for item in (
        [LegendItem(f"Layer {k}")]
        + [LegendItem(f"{k}.{i}", Symbol(color="#336699", shape="diamond"), "point")
           for i in range(n)])]


def _columns(layout) -> list[list]:
    """Placed rows column by column, top to bottom."""
    lefts = sorted({p.rect.left() for p in layout.placed})
    return [sorted((p for p in layout.placed if p.rect.left() == x), key=lambda p: p.rect.top())
            for x in lefts]


def _assert_classes_under_their_heading(layout) -> None:
    """Every column starts with a heading, and each class row sits under its own layer's."""
    for column in _columns(layout):
        assert column[0].item.symbol is None, column[0].text
        heading = None
        for p in column:
            if p.item.symbol is None:
                heading = p.text
            else:
                layer = p.text.split(".")[0]
                assert heading.split(" (")[0] == f"Layer {layer}", (heading, p.text)


def test_print_legend_keeps_a_layer_in_one_column_when_it_fits(qapp):
    box = QRectF(0, 0, 900, 140)  # seven rows per column at the largest font
    layout = layout_legend(_layers([4, 4]), box, 96 / 72)
    _assert_inside(layout, box)
    assert layout.font_px == round(FONT_STEPS_PT[0] * 96 / 72) and layout.columns == 2
    first, second = _columns(layout)
    assert [p.text for p in first] == ["Layer 0", "0.0", "0.1", "0.2", "0.3"]
    assert [p.text for p in second] == ["Layer 1", "1.0", "1.1", "1.2", "1.3"]
    assert not any("(cont.)" in p.text for p in layout.placed)


@pytest.mark.parametrize(("lang", "cont"), [("en", "(cont.)"), ("id", "(lanj.)")])
def test_print_legend_long_layer_repeats_its_heading_in_the_next_column(qapp, lang, cont):
    box = QRectF(0, 0, 900, 140)  # seven rows per column: 16 classes need three columns
    layout = layout_legend(_layers([2, 16]), box, 96 / 72, lang)
    _assert_inside(layout, box)
    assert layout.dropped == 0 and layout.columns >= 3
    shown = [p.text for p in layout.placed if p.item.symbol is not None]
    assert shown == ["0.0", "0.1"] + [f"1.{i}" for i in range(16)]  # none lost, in order
    _assert_classes_under_their_heading(layout)
    headings = [column[0].text for column in _columns(layout)]
    assert headings[0] == "Layer 0"
    assert headings[-1] == f"Layer 1 {cont}"
    assert all(p.text == p.item.text for p in layout.placed)  # nothing elided


def test_print_legend_cont_heading_shortens_a_long_title_not_the_font(qapp):
    long_title = "Saluran drainase primer dan sekunder Kota Gorontalo"
    items = [LegendItem(long_title)] + [
        LegendItem(f"Kelas {i}", Symbol(color="#336699"), "line") for i in range(10)]
    metrics = QFontMetricsF(legend_font(round(FONT_STEPS_PT[0] * 96 / 72), True))
    box = QRectF(0, 0, 2 * metrics.horizontalAdvance(long_title) + 60, 140)
    layout = layout_legend(items, box, 96 / 72, "id")
    _assert_inside(layout, box)
    assert layout.font_px == round(FONT_STEPS_PT[0] * 96 / 72)
    cont = [p.text for p in layout.placed if p.text.endswith("(lanj.)")]
    assert len(cont) == 1 and cont[0].startswith(long_title[:10]) and "…" in cont[0]
