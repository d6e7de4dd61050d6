"""A portrait template with a short panel (``panel_mm`` 24): the notes, scale bar and north arrow
stay inside the panel instead of covering the bottom of the map; notes too long for it are
printed smaller and cut with "…"."""

from __future__ import annotations

import pytest
from _print_fixtures import load_print_project, write_print_city
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor

from gisdesk.export.layout_model import MM_PER_INCH, LayoutTemplate, layout_boxes
from gisdesk.ui.print.export import page_image
from gisdesk.ui.print.page import notes_layout, page_spec

DPI = 150.0
PX_PER_MM = DPI / MM_PER_INCH


def _px(box) -> QRectF:
    return QRectF(box.x * PX_PER_MM, box.y * PX_PER_MM, box.w * PX_PER_MM, box.h * PX_PER_MM)


def _short_panel(paper: str) -> LayoutTemplate:
    return LayoutTemplate(paper=paper, orientation="portrait", panel_mm=24, author="Sari Dewi",
                          opd="Dinas Pekerjaan Umum dan Penataan Ruang",
                          attribution="Data: Pemerintah Kota Gorontalo, survei lapangan 2026")


@pytest.mark.parametrize("paper", ["A4", "A3"])
def test_print_short_panel_boxes_stay_in_the_panel_below_the_map(paper):
    boxes = layout_boxes(_short_panel(paper))
    panel, frame = boxes["panel"], boxes["map"]
    for name in ("notes", "scalebar", "north", "legend"):
        assert panel.contains(boxes[name]), name
        assert boxes[name].y >= frame.bottom, name  # was 10 mm up inside the map frame
    assert boxes["notes"].h > 5.0  # still room for a few lines


@pytest.mark.parametrize("lang", ["en", "id"])
def test_print_short_panel_notes_drawn_inside_panel_not_over_map(qapp, tmp_path, lang):
    project = load_print_project(write_print_city(tmp_path / "city.gpkg"))
    template = _short_panel("A4")
    spec = page_spec(project, template, lang=lang, filter_text="condition <= 2")
    boxes = layout_boxes(template)
    panel, frame = _px(boxes["panel"]), _px(boxes["map"])

    _font, placed = notes_layout(spec, project, _px(boxes["notes"]), PX_PER_MM)
    assert len(placed) >= 3
    drawn = placed[0][0]
    for rect, _text in placed:
        drawn = drawn.united(rect)
    assert panel.adjusted(-0.01, -0.01, 0.01, 0.01).contains(drawn)  # float edges
    assert not drawn.intersects(frame)
    assert placed[-1][1].endswith("…")  # six note lines do not fit 10 mm: the cut is shown

    # on the rendered page nothing is painted between the map frame and the panel
    image = page_image(project, spec, DPI)
    top = int(frame.bottom() + 0.5 * PX_PER_MM) + 1
    bottom = int(panel.top() - 0.3 * PX_PER_MM)
    assert bottom - top > 10
    white = QColor("white").rgb()
    inked = [(x, y) for y in range(top, bottom) for x in range(image.width())
             if image.pixel(x, y) != white]
    assert inked == []
