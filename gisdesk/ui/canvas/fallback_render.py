"""A deliberately small renderer used only when :mod:`gisdesk.ui.render` is not installed.

It draws each visible layer with its definition's single symbol colour (points as dots, lines
as polylines, polygons as outlined fills) so the canvas can be used and tested on its own.
It has none of the shared renderer's caching, categories or labels.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import shapely
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen, QPolygonF

from gisdesk.core.project import Project
from gisdesk.core.viewport import Viewport


@dataclass(frozen=True)
class RenderOptions:
    """Same fields as the shared renderer's options."""

    lang: str = "en"
    labels: bool = True
    background: str = "#ffffff"
    selection: dict[str, np.ndarray] = field(default_factory=dict)


def _color(layer: Any) -> QColor:
    if layer.definition is not None:
        return QColor(layer.definition.symbology.symbol.color)
    return QColor("#3366cc")


def _ring(coords: np.ndarray, viewport: Viewport) -> QPolygonF:
    pix = viewport.to_pixels(coords)
    return QPolygonF([QPointF(float(x), float(y)) for x, y in pix])


def _draw_layer(painter: QPainter, layer: Any, viewport: Viewport, cancel: Any) -> None:
    frame = layer.frame
    bbox = shapely.box(*viewport.extent)
    geoms = np.asarray(frame.geometry.values, dtype=object)
    geoms = geoms[shapely.intersects(geoms, bbox)]
    color = _color(layer)
    painter.setOpacity(layer.opacity)
    painter.setPen(QPen(color, 1.5))
    fill = QColor(color)
    fill.setAlpha(90)
    for part in shapely.get_parts(geoms):
        if cancel.is_set():
            return
        kind = shapely.get_type_id(part)
        if kind == 0:  # Point
            x, y = viewport.to_pixel(part.x, part.y)
            painter.setBrush(color)
            painter.drawEllipse(QPointF(x, y), 3.0, 3.0)
        elif kind in (1, 2):  # LineString, LinearRing
            painter.drawPolyline(_ring(shapely.get_coordinates(part), viewport))
        elif kind == 3:  # Polygon
            path = QPainterPath()
            for ring in [part.exterior, *part.interiors]:
                path.addPolygon(_ring(shapely.get_coordinates(ring), viewport))
                path.closeSubpath()
            painter.setBrush(fill)
            painter.drawPath(path)


def render_image(
    project: Project, viewport: Viewport, options: RenderOptions, cancel: Any
) -> QImage:
    """Draw the project's visible layers into a new image of the viewport's size."""
    image = QImage(viewport.width, viewport.height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(options.background))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    try:
        for layer in list(project.layers):
            if cancel.is_set():
                break
            if layer.visible and layer.is_spatial and len(layer.frame):
                _draw_layer(painter, layer, viewport, cancel)
        painter.setBrush(Qt.BrushStyle.NoBrush)
    finally:
        painter.end()
    return image
