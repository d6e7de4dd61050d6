"""Scale bar, north arrow, coordinate grid, logo and map labels drawn as real vectors and text.

All of these paint in device pixels of the page; the caller passes ``px_per_mm`` so the same
code draws a 96-dpi preview and a 300-dpi print.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import shapely
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)
from PySide6.QtSvg import QSvgRenderer

from gisdesk.core.viewport import Viewport
from gisdesk.export.layout_model import format_length, grid_interval, grid_ticks, scale_bar_spec
from gisdesk.ui.i18n import locale_for
from gisdesk.ui.render.labels import PlacedLabel
from gisdesk.ui.render.qtarrays import polygon_from_points
from gisdesk.ui.render.symbols import qcolor

INK = QColor("#222222")


def text_font(px: float, bold: bool = False) -> QFont:
    """DejaVu Sans (shipped with the app's fonts) at ``px`` device pixels."""
    font = QFont("DejaVu Sans")
    font.setPixelSize(max(round(px), 1))
    font.setBold(bold)
    return font


def scale_bar_text(metres: float, unit: str, lang: str = "en") -> str:
    """A scale-bar tick in the page language: "0,5" (km) on an Indonesian page, "0.5" in English."""
    return locale_for(lang).toString(float(format_length(metres, unit)), "g", 6)


def draw_scale_bar(painter: QPainter, box: QRectF, scale: float, px_per_mm: float,
                   note: str = "Scale 1:{0}", lang: str = "en") -> None:
    """A black-and-white segmented bar of a round length, with tick labels and the unit.

    Tick numbers use the page language's decimal sign (0,5 km on an Indonesian page).
    """
    length, segments, unit = scale_bar_spec(scale, box.width() / px_per_mm * 0.8)
    bar_w = length / scale * 1000.0 * px_per_mm
    font = text_font(2.6 * px_per_mm)
    metrics = QFontMetricsF(font)
    bar_h = 1.8 * px_per_mm
    top = box.top() + metrics.height() + 0.8 * px_per_mm
    left = box.left() + (box.width() - bar_w) / 2
    painter.save()
    painter.setPen(QPen(INK, max(0.25 * px_per_mm, 0.5)))
    painter.setFont(font)
    seg_w = bar_w / segments
    for i in range(segments):
        painter.setBrush(QBrush(INK if i % 2 == 0 else QColor("white")))
        painter.drawRect(QRectF(left + i * seg_w, top, seg_w, bar_h))
    for i in (0, segments // 2, segments) if segments % 2 == 0 else (0, segments):
        text = scale_bar_text(length * i / segments, unit, lang)
        if i == segments:
            text += " " + unit
        w = metrics.horizontalAdvance(text)
        x = left + i * seg_w - w / 2
        x = min(max(x, box.left()), box.right() - w)
        painter.drawText(QPointF(x, box.top() + metrics.ascent()), text)
    note = note.format(f"{scale:,.0f}".replace(",", " "))
    painter.drawText(QRectF(box.left(), top + bar_h + 0.6 * px_per_mm, box.width(),
                            metrics.height()), Qt.AlignmentFlag.AlignHCenter, note)
    painter.restore()


def draw_north_arrow(painter: QPainter, box: QRectF, px_per_mm: float,
                     letter: str = "N") -> None:
    """A two-tone arrow pointing up (the map is drawn grid-north up) with the letter N."""
    size = min(box.height(), box.width())
    font = text_font(size * 0.22, bold=True)
    metrics = QFontMetricsF(font)
    cx = box.center().x()
    top = box.top() + metrics.height()
    h = size - metrics.height()
    w = h * 0.55
    left = QPolygonF([QPointF(cx, top), QPointF(cx - w / 2, top + h), QPointF(cx, top + h * 0.72)])
    right = QPolygonF([QPointF(cx, top), QPointF(cx + w / 2, top + h),
                       QPointF(cx, top + h * 0.72)])
    painter.save()
    painter.setPen(QPen(INK, max(0.2 * px_per_mm, 0.5)))
    painter.setBrush(INK)
    painter.drawPolygon(left)
    painter.setBrush(QColor("white"))
    painter.drawPolygon(right)
    painter.setFont(font)
    painter.drawText(QPointF(cx - metrics.horizontalAdvance(letter) / 2,
                             box.top() + metrics.ascent()), letter)
    painter.restore()


def _grid_label(value: float) -> str:
    return f"{value:,.0f}".replace(",", " ")


def draw_grid(painter: QPainter, frame: QRectF, viewport: Viewport, px_per_mm: float) -> None:
    """Thin grid lines every round number of metres, coordinates along the frame's edges."""
    minx, miny, maxx, maxy = viewport.extent
    step = grid_interval(max(maxx - minx, maxy - miny), target_lines=6)
    font = text_font(2.2 * px_per_mm)
    metrics = QFontMetricsF(font)
    painter.save()
    painter.setClipRect(frame)
    painter.setFont(font)
    line_pen = QPen(QColor(60, 60, 60, 110), max(0.15 * px_per_mm, 0.5))
    for x in grid_ticks(minx, maxx, step):
        px = frame.left() + viewport.to_pixel(x, 0)[0]
        painter.setPen(line_pen)
        painter.drawLine(QPointF(px, frame.top()), QPointF(px, frame.bottom()))
        _halo_text(painter, QPointF(px + 0.6 * px_per_mm, frame.top() + metrics.ascent()),
                   _grid_label(x), font)
    for y in grid_ticks(miny, maxy, step):
        py = frame.top() + viewport.to_pixel(0, y)[1]
        painter.setPen(line_pen)
        painter.drawLine(QPointF(frame.left(), py), QPointF(frame.right(), py))
        _halo_text(painter, QPointF(frame.left() + 0.6 * px_per_mm, py - 0.6 * px_per_mm),
                   _grid_label(y), font)
    painter.restore()


def _halo_text(painter: QPainter, origin: QPointF, text: str, font: QFont,
               color: QColor = INK, halo: float = 0.0) -> None:
    """Text with a white outline drawn as a vector path; the text itself stays real text."""
    path = QPainterPath()
    path.addText(origin, font, text)
    width = halo or max(font.pixelSize() * 0.25, 1.0)
    painter.save()
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(QColor(255, 255, 255, 230), width, Qt.PenStyle.SolidLine,
                        Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
    painter.drawPath(path)
    painter.setPen(color)
    painter.setFont(font)
    painter.drawText(origin, text)
    painter.restore()


def draw_vector_labels(painter: QPainter, labels: list[PlacedLabel], px_per_pt: float) -> None:
    """Map labels as selectable text with a vector halo (the screen uses cached sprites)."""
    for label in labels:
        font = text_font(label.pixel_size)
        metrics = QFontMetricsF(font)
        w = metrics.horizontalAdvance(label.text)
        origin = QPointF(-w / 2, (metrics.ascent() - metrics.descent()) / 2)
        painter.save()
        painter.translate(label.x, label.y)
        if label.angle:
            painter.rotate(label.angle)
        _halo_text(painter, origin, label.text, font, qcolor(label.color), 2.4 * px_per_pt)
        painter.restore()


def _geometry_path(geometry: object, viewport: Viewport, origin: QPointF) -> QPainterPath:
    """Outline rings of a (multi)polygon in frame pixels, as one odd-even path."""
    path = QPainterPath()
    for ring in shapely.get_rings(shapely.get_parts(geometry)):
        pix = viewport.to_pixels(shapely.get_coordinates(ring)) + np.array([origin.x(), origin.y()])
        path.addPolygon(polygon_from_points(pix))
    return path


def draw_highlight(painter: QPainter, frame: QRectF, viewport: Viewport, geometry: object,
                   px_per_mm: float) -> None:
    """Dim the map outside ``geometry`` and outline it, so an atlas page shows its kelurahan."""
    outline = _geometry_path(geometry, viewport, frame.topLeft())
    outside = QPainterPath()
    outside.addRect(frame)
    outside = outside.subtracted(outline)
    painter.fillPath(outside, QColor(255, 255, 255, 120))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(QColor(108, 52, 131, 200), 0.8 * px_per_mm))
    painter.drawPath(outline)


def draw_logo(painter: QPainter, box: QRectF, logo: Path | None) -> None:
    """The logo (SVG or raster) scaled to fit ``box``, centred; nothing when there is none."""
    if logo is None:
        return
    if logo.suffix.lower() == ".svg":
        renderer = QSvgRenderer(str(logo))
        if not renderer.isValid():
            return
        size = renderer.defaultSize()
        aspect = size.width() / max(size.height(), 1)
        renderer.render(painter, _fit(box, aspect))
        return
    image = QImage(str(logo))
    if not image.isNull():
        painter.drawImage(_fit(box, image.width() / max(image.height(), 1)), image)


def _fit(box: QRectF, aspect: float) -> QRectF:
    w = min(box.width(), box.height() * aspect)
    h = w / aspect if aspect else box.height()
    return QRectF(box.center().x() - w / 2, box.center().y() - h / 2, w, h)


def wrap_lines(text: str, metrics: QFontMetricsF, width: float) -> list[str]:
    """Greedy word wrap of ``text`` to ``width`` pixels (long words are elided)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for word in paragraph.split():
            trial = f"{current} {word}".strip()
            if metrics.horizontalAdvance(trial) <= width or not current:
                current = trial
            else:
                lines.append(current)
                current = word
        lines.append(current)
    return [metrics.elidedText(line, Qt.TextElideMode.ElideRight, width) for line in lines]


def fit_text_block(lines: list[str], box: QRectF, start_px: float,
                   min_px: float) -> tuple[QFont, list[str]]:
    """The largest font (from ``start_px`` down) at which the wrapped ``lines`` fit ``box``.

    When even ``min_px`` is too big the lines that do not fit are left out and the last one
    shown ends in "…", so a cut note reads as cut rather than as complete.
    """
    px = start_px
    while True:
        font = text_font(px)
        metrics = QFontMetricsF(font)
        wrapped = [w for line in lines for w in wrap_lines(line, metrics, box.width())]
        if len(wrapped) * metrics.lineSpacing() <= box.height() or px <= min_px:
            keep = max(int(box.height() // metrics.lineSpacing()), 0)
            shown = wrapped[:keep]
            if 0 < keep < len(wrapped):
                last = shown[-1].removesuffix("…").rstrip() + " …"
                shown[-1] = metrics.elidedText(last, Qt.TextElideMode.ElideRight, box.width())
            return font, shown
        px = max(px * 0.9, min_px) if px > min_px else min_px
        if math.isclose(px, min_px):
            px = min_px
