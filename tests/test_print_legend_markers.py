"""Point swatches in the printed legend use the layer's marker shape, drawn by the map's code.

The print city's valves are categorized with diamonds (OPEN blue, CLOSED red). A whole page is
rendered to an image and the open-valve blue is found twice: in the legend panel and around
valve V-1 on the map. How much of its bounding box a marker fills tells the shape apart (circle
π/4, square 1, diamond and triangle 1/2; an upward triangle is heavier at the bottom).
"""

from __future__ import annotations

import numpy as np
import pytest
from _print_fixtures import X0, Y0, load_print_project, write_print_city
from PySide6.QtGui import QImage

from gisdesk.export.layout_model import MM_PER_INCH, LayoutTemplate, layout_boxes
from gisdesk.ui.print.export import page_image
from gisdesk.ui.print.page import page_spec

DPI = 300.0
OPEN_BLUE = (0x2C, 0x7B, 0xB6)


def _rgb(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    ptr = image.constBits()
    rows = np.frombuffer(ptr, dtype=np.uint8, count=image.bytesPerLine() * image.height())
    rows = rows.reshape(image.height(), image.bytesPerLine())
    return rows[:, : image.width() * 3].reshape(image.height(), image.width(), 3).copy()


def _blob(rgb: np.ndarray, box_mm, color=OPEN_BLUE) -> np.ndarray:
    """Mask (cropped to its bounding box) of ``color`` pixels inside ``box_mm`` on the page."""
    px = DPI / MM_PER_INCH
    x0, y0 = round(box_mm[0] * px), round(box_mm[1] * px)
    x1, y1 = round((box_mm[0] + box_mm[2]) * px), round((box_mm[1] + box_mm[3]) * px)
    region = rgb[y0:y1, x0:x1].astype(int)
    mask = (np.abs(region - np.array(color)).sum(axis=2) < 30)
    ys, xs = np.nonzero(mask)
    assert len(ys), "no marker of that colour in the box"
    return mask[ys.min(): ys.max() + 1, xs.min(): xs.max() + 1]


def _page(tmp_path, shape: str | None):
    tmp_path.mkdir(parents=True, exist_ok=True)
    project = load_print_project(write_print_city(tmp_path / "city.gpkg"))
    for layer in project.layers:
        layer.visible = layer.name == "valves"
    valves = project.layer("valves")
    if shape is not None:  # the same definition with another marker for every class
        sym = valves.definition.symbology
        classes = [c.model_copy(update={"symbol": c.symbol.model_copy(update={"shape": shape})})
                   for c in sym.classes]
        valves.definition = valves.definition.model_copy(
            update={"symbology": sym.model_copy(update={"classes": classes})})
    template = LayoutTemplate(paper="A4", orientation="landscape", scale=20000, grid=False,
                              labels=False)
    spec = page_spec(project, template, (X0, Y0, X0 + 3000, Y0 + 1000))
    return _rgb(page_image(project, spec, DPI)), template, spec


def _legend_blob(tmp_path, shape: str | None) -> np.ndarray:
    rgb, template, _spec = _page(tmp_path, shape)
    box = layout_boxes(template)["legend"]
    return _blob(rgb, (box.x, box.y, box.w, box.h))


def _fill(mask: np.ndarray) -> float:
    return mask.sum() / mask.size


def test_print_legend_valve_swatch_is_the_maps_diamond(qapp, tmp_path):
    rgb, template, spec = _page(tmp_path, None)  # the shipped definition: diamonds
    legend = layout_boxes(template)["legend"]
    swatch = _blob(rgb, (legend.x, legend.y, legend.w, legend.h))
    # Valve V-1 (OPEN) at (X0 + 400, Y0 + 300): a 6 mm box around it on the map.
    frame = layout_boxes(template)["map"]
    x_mm = frame.x + frame.w / 2 + (X0 + 400 - spec.centre[0]) / spec.scale * 1000
    y_mm = frame.y + frame.h / 2 - (Y0 + 300 - spec.centre[1]) / spec.scale * 1000
    on_map = _blob(rgb, (x_mm - 3, y_mm - 3, 6, 6))
    assert 0.4 < _fill(swatch) < 0.62, _fill(swatch)  # a diamond, not a circle (0.785)
    assert abs(int(swatch.sum()) - int(on_map.sum())) <= 0.1 * on_map.sum()
    assert abs(swatch.shape[0] - on_map.shape[0]) <= 2


@pytest.mark.parametrize(("shape", "low", "high"), [
    ("circle", 0.7, 0.85), ("square", 0.9, 1.01), ("triangle", 0.38, 0.62)])
def test_print_legend_swatch_follows_marker_shape(qapp, tmp_path, shape, low, high):
    mask = _legend_blob(tmp_path, shape)
    assert low < _fill(mask) < high, (shape, _fill(mask))
    if shape == "triangle":  # pointing up: the lower half holds most of it
        half = mask.shape[0] // 2
        assert mask[half:].sum() > 2 * mask[:half].sum()


def test_print_legend_triangle_swatch_differs_from_circle(qapp, tmp_path):
    triangle = _legend_blob(tmp_path / "t", "triangle")
    circle = _legend_blob(tmp_path / "c", "circle")
    assert triangle.sum() < 0.8 * circle.sum()
