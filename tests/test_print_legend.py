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
