"""Compose one printed page: title, map frame, legend, scale bar, north arrow, notes and logo.

The map inside the frame is drawn by :func:`gisdesk.ui.render.render_to_painter`, the renderer
of the screen, straight onto the page's painter: on a PDF it stays vectors. Labels are placed by
the renderer's own label layout and written as real text so a PDF can be searched.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from gisdesk.core.layer import MapLayer
from gisdesk.core.project import Project
from gisdesk.core.viewport import METRES_PER_INCH, Viewport
from gisdesk.export.layout_model import (
    MM_PER_INCH,
    Box,
    LayoutTemplate,
    fit_scale,
    layout_boxes,
    nice_scale,
    print_text,
    resolve_logo,
)
from gisdesk.query.expression import Expression, ExpressionError
from gisdesk.query.expression.describe import describe_expression
from gisdesk.ui.i18n import format_date
from gisdesk.ui.print.decorations import (
    INK,
    draw_grid,
    draw_highlight,
    draw_logo,
    draw_north_arrow,
    draw_scale_bar,
    draw_vector_labels,
    fit_text_block,
    text_font,
)
from gisdesk.ui.print.legend import LegendItem, draw_legend, layout_legend, legend_items
from gisdesk.ui.render import RenderOptions, render_to_painter
from gisdesk.ui.render.engine import layer_drawn
from gisdesk.ui.render.features import Frame
from gisdesk.ui.render.labels import layout_labels

Extent = tuple[float, float, float, float]
_ANY_DPI = 96.0
"""The map frame's extent does not depend on dpi: used when no page is being painted."""


@dataclass
class PageSpec:
    """Everything that varies between two prints of the same template."""

    template: LayoutTemplate
    centre: tuple[float, float]
    scale: float
    lang: str = "en"
    date: str = field(default_factory=lambda: dt.date.today().isoformat())
    layer_filter: Callable[[MapLayer], bool] | None = None
    template_path: Path | None = None
    crs_note: str = ""
    filter_text: str = ""
    highlight: object | None = None
    """A shapely geometry (the atlas feature): outlined, with the map around it dimmed."""


def crs_note(crs: str) -> str:
    """"WGS 84 / UTM zone 51N (EPSG:32651)" for the project's CRS string."""
    from pyproj import CRS  # noqa: PLC0415 - only pages need it

    try:
        parsed = CRS.from_user_input(crs)
    except Exception:  # an unknown CRS still prints, as given
        return crs
    epsg = parsed.to_epsg()
    return f"{parsed.name} (EPSG:{epsg})" if epsg else parsed.name


def page_spec(project: Project, template: LayoutTemplate, extent: Extent | None = None,
              lang: str = "en", **kwargs: object) -> PageSpec:
    """A spec centred on ``extent`` (else the project's view or all data).

    The scale is the template's, or the next round scale at which the extent fits the frame.
    """
    extent = extent or project.extent or project.full_extent() or (0.0, 0.0, 1000.0, 1000.0)
    centre = ((extent[0] + extent[2]) / 2, (extent[1] + extent[3]) / 2)
    scale = template.scale or nice_scale(fit_scale(layout_boxes(template)["map"], extent, 0.01))
    spec = PageSpec(template, centre, scale, lang, crs_note=crs_note(project.crs))
    return replace(spec, **kwargs) if kwargs else spec


def _rect(box: Box, px_per_mm: float) -> QRectF:
    return QRectF(box.x * px_per_mm, box.y * px_per_mm, box.w * px_per_mm, box.h * px_per_mm)


def map_viewport(spec: PageSpec, dpi: float) -> Viewport:
    """The renderer's view of the map frame at ``dpi`` (symbol sizes follow dpi)."""
    frame = layout_boxes(spec.template)["map"]
    px_per_mm = dpi / MM_PER_INCH
    return Viewport(spec.centre[0], spec.centre[1], spec.scale * METRES_PER_INCH / dpi,
                    round(frame.w * px_per_mm), round(frame.h * px_per_mm), dpi)


def paint_page(painter: QPainter, project: Project, spec: PageSpec, dpi: float,
               cancel: Callable[[], bool] | None = None) -> None:
    """Draw the whole page with ``painter`` whose device has ``dpi`` pixels per inch."""
    boxes = layout_boxes(spec.template)
    px_per_mm = dpi / MM_PER_INCH
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    painter.fillRect(_rect(boxes["page"], px_per_mm), QColor("white"))
    viewport = _paint_map(painter, project, spec, _rect(boxes["map"], px_per_mm), dpi, cancel)
    _paint_title(painter, spec, _rect(boxes["title"], px_per_mm))
    draw_logo(painter, _rect(boxes["logo"], px_per_mm),
              resolve_logo(spec.template, spec.template_path))
    if spec.template.legend:
        _paint_legend(painter, project, spec, viewport, _rect(boxes["legend"], px_per_mm), dpi)
    draw_north_arrow(painter, _rect(boxes["north"], px_per_mm), px_per_mm,
                     print_text("north", spec.lang))
    draw_scale_bar(painter, _rect(boxes["scalebar"], px_per_mm), spec.scale, px_per_mm,
                   print_text("scale", spec.lang), spec.lang)
    _paint_notes(painter, project, spec, _rect(boxes["notes"], px_per_mm), px_per_mm)
    painter.restore()


def _paint_map(painter: QPainter, project: Project, spec: PageSpec, rect: QRectF, dpi: float,
               cancel: Callable[[], bool] | None) -> Viewport:
    viewport = map_viewport(spec, dpi)
    options = RenderOptions(lang=spec.lang, labels=False, layer_filter=spec.layer_filter)
    painter.save()
    painter.setClipRect(rect)
    painter.fillRect(rect, QColor("#fbfaf6"))
    painter.translate(rect.topLeft())
    render_to_painter(painter, project, viewport, options, cancel)
    if spec.template.labels:
        drawn = [lyr for lyr in project.layers if layer_drawn(lyr, viewport, options)]
        frame = Frame.of(viewport)
        draw_vector_labels(painter, layout_labels(project, drawn, frame, lang=spec.lang),
                           frame.px_per_pt)
    painter.restore()
    if spec.highlight is not None:
        painter.save()
        painter.setClipRect(rect)
        draw_highlight(painter, rect, viewport, spec.highlight, dpi / MM_PER_INCH)
        painter.restore()
    if spec.template.grid:
        draw_grid(painter, rect, viewport, dpi / MM_PER_INCH)
    painter.setPen(QPen(INK, max(0.35 * dpi / MM_PER_INCH, 1.0)))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(rect)
    return viewport


def _paint_title(painter: QPainter, spec: PageSpec, rect: QRectF) -> None:
    title = spec.template.title or print_text("map", spec.lang)
    px = rect.height() * 0.42
    font = text_font(px, bold=True)
    while QFontMetricsF(font).horizontalAdvance(title) > rect.width() and px > 6:
        px *= 0.92
        font = text_font(px, bold=True)
    painter.save()
    painter.setPen(INK)
    painter.setFont(font)
    metrics = QFontMetricsF(font)
    painter.drawText(rect.adjusted(0, 0, 0, -rect.height() * 0.4),
                     Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                     metrics.elidedText(title, Qt.TextElideMode.ElideRight, rect.width()))
    if spec.template.subtitle:
        sub = text_font(rect.height() * 0.2)
        painter.setFont(sub)
        painter.setPen(QColor("#444444"))
        painter.drawText(rect.adjusted(0, rect.height() * 0.6, 0, 0),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                         QFontMetricsF(sub).elidedText(spec.template.subtitle,
                                                       Qt.TextElideMode.ElideRight, rect.width()))
    painter.restore()


def filtered_layers(spec: PageSpec, project: Project) -> set[str]:
    """Names of the shown layers the page's filter was applied to (those having every field it
    names, as ``export-map --where`` chooses them); none without a filter or when it does not
    parse."""
    if not spec.filter_text:
        return set()
    try:
        wanted = {f.lower() for f in Expression(spec.filter_text).referenced_fields}
    except ExpressionError:
        return set()
    return {lyr.name for lyr in project.layers
            if lyr.visible and wanted <= {str(c).lower() for c in lyr.frame.columns}}


def page_legend_items(project: Project, spec: PageSpec,
                      viewport: Viewport | None = None) -> list[LegendItem]:
    """The legend rows of the page: drawn layers, filtered ones with their used classes only."""
    viewport = viewport or map_viewport(spec, _ANY_DPI)
    options = RenderOptions(lang=spec.lang, layer_filter=spec.layer_filter)
    drawn = [lyr for lyr in project.layers
             if layer_drawn(lyr, viewport, options) and lyr.geometry_kind != "none"]
    return legend_items(drawn, project.catalog, spec.lang, filtered_layers(spec, project),
                        viewport.extent)


def _paint_legend(painter: QPainter, project: Project, spec: PageSpec, viewport: Viewport,
                  rect: QRectF, dpi: float) -> None:
    heading_h = rect.height() and min(rect.height() * 0.15, 6.0 * dpi / MM_PER_INCH)
    painter.save()
    painter.setPen(INK)
    painter.setFont(text_font(heading_h * 0.7, bold=True))
    painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), heading_h),
                     Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                     print_text("legend", spec.lang))
    painter.restore()
    body = rect.adjusted(0, heading_h, 0, 0)
    layout = layout_legend(page_legend_items(project, spec, viewport), body, dpi / 72.0,
                           spec.lang)
    draw_legend(painter, layout, dpi / 96.0)


def filter_note(spec: PageSpec, project: Project | None) -> str:
    """The page's filter for readers: "Kondisi ≤ 2 (Buruk)" rather than ``condition <= 2``.

    Labels and domains come from the shown layers that have every field the filter names (the
    layers it was applied to); without a project, or for text that does not parse, the filter
    is printed as written.
    """
    if project is None:
        return spec.filter_text
    try:
        wanted = {f.lower() for f in Expression(spec.filter_text).referenced_fields}
    except ExpressionError:
        return spec.filter_text
    definitions = [lyr.definition for lyr in project.layers
                   if lyr.visible and lyr.definition is not None
                   and wanted <= {str(c).lower() for c in lyr.frame.columns}]
    return describe_expression(spec.filter_text, definitions, project.catalog, spec.lang)


def note_lines(spec: PageSpec, project: Project | None = None) -> list[str]:
    """Date, author, OPD, filter, CRS and attribution lines under the scale bar (empty ones
    left out)."""
    t = spec.template
    lines = [print_text("date", spec.lang).format(format_date(spec.date, spec.lang))]
    if t.author:
        lines.append(print_text("author", spec.lang).format(t.author))
    if t.opd:
        lines.append(print_text("opd", spec.lang).format(t.opd))
    if spec.filter_text:
        lines.append(print_text("filter", spec.lang).format(filter_note(spec, project)))
    if spec.crs_note:
        lines.append(print_text("crs", spec.lang).format(spec.crs_note))
    if t.attribution:
        lines.append(t.attribution)
    return lines


def notes_layout(spec: PageSpec, project: Project | None, rect: QRectF,
                 px_per_mm: float) -> tuple[QFont, list[tuple[QRectF, str]]]:
    """The note lines as drawn in ``rect``: the font and each line's rectangle and text.

    The font shrinks from 2.8 mm down to 1.6 mm until the lines fit; below that, lines are
    left out (the last one ending in "…"). Every rectangle lies inside ``rect``.
    """
    font, lines = fit_text_block(note_lines(spec, project), rect, 2.8 * px_per_mm,
                                 1.6 * px_per_mm)
    step = QFontMetricsF(font).lineSpacing()
    return font, [(QRectF(rect.left(), rect.top() + i * step, rect.width(), step), line)
                  for i, line in enumerate(lines)]


def _paint_notes(painter: QPainter, project: Project, spec: PageSpec, rect: QRectF,
                 px_per_mm: float) -> None:
    font, placed = notes_layout(spec, project, rect, px_per_mm)
    painter.save()
    painter.setFont(font)
    painter.setPen(QColor("#333333"))
    for line_rect, line in placed:
        painter.drawText(line_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, line)
    painter.restore()
