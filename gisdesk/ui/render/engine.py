"""The one map renderer: screen canvas, ``gisdesk render`` PNGs and print layouts.

``render_to_painter`` draws a project through a ``QPainter`` the caller owns (a print layout
paints the map into a frame of its page); ``render_image`` wraps it for a fresh image. Both are
plain functions on plain data, safe in a worker thread: they paint into a ``QImage`` (never a
widget) and read the model without changing it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QColor, QImage, QPainter

from gisdesk.core.layer import MapLayer
from gisdesk.core.project import Project
from gisdesk.core.viewport import Viewport
from gisdesk.ui.render.cache import prepared_for
from gisdesk.ui.render.features import Frame, draw_lines, draw_points, draw_polygons
from gisdesk.ui.render.label_draw import draw_labels
from gisdesk.ui.render.options import RenderOptions
from gisdesk.ui.render.selection import draw_selection
from gisdesk.ui.render.strokes import is_raster


def _never() -> bool:
    return False


def layer_drawn(layer: MapLayer, viewport: Viewport, options: RenderOptions) -> bool:
    """True when ``layer`` is visible, spatial, passes the filter and its scale range."""
    if not layer.visible or layer.opacity <= 0 or len(layer.frame) == 0:
        return False
    frame = layer.frame
    if getattr(frame, "_geometry_column_name", None) not in frame.columns:
        return False  # a plain table (inspections); MapLayer.is_spatial says the same, slower
    if options.layer_filter is not None and not options.layer_filter(layer):
        return False
    layer_def = layer.definition
    return layer_def is None or layer_def.scale_range.visible_at(viewport.scale)


def _draw_layer(
    painter: QPainter, project: Project, layer: MapLayer, frame: Frame,
    cancel: Callable[[], bool],
) -> None:
    prepared, style = prepared_for(layer, project.catalog)
    if prepared.polygons is not None:
        draw_polygons(painter, prepared.polygons, style, frame, cancel)
    if prepared.lines is not None:
        draw_lines(painter, prepared.lines, style, frame, cancel)
    if len(prepared.points_xy):
        draw_points(painter, prepared, style, frame, cancel)


def _draw_translucent(
    painter: QPainter, project: Project, layer: MapLayer, frame: Frame,
    cancel: Callable[[], bool],
) -> None:
    """Draw the layer opaque into a scratch image, then lay that down at the layer's opacity.

    A layer at 50 % must look like a sheet of tracing paper: where its own features overlap
    (and where a wide line is drawn as several hairlines) they must not show through each
    other, which setting the painter's opacity per draw call would do.
    """
    device = painter.device()
    scratch = QImage(device.width(), device.height(), QImage.Format.Format_ARGB32_Premultiplied)
    scratch.fill(0)
    inner = QPainter(scratch)
    inner.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    inner.setTransform(painter.transform())
    try:
        _draw_layer(inner, project, layer, frame, cancel)
    finally:
        inner.end()
    painter.save()
    painter.resetTransform()
    painter.setOpacity(layer.opacity)
    painter.drawImage(0, 0, scratch)
    painter.restore()


def render_to_painter(
    painter: QPainter,
    project: Project,
    viewport: Viewport,
    options: RenderOptions | None = None,
    cancel: Callable[[], bool] | None = None,
) -> None:
    """Draw ``project`` as seen through ``viewport`` with ``painter`` (device pixels = view px).

    Layers are drawn bottom to top, then the selection, then labels (labels last so no feature
    covers a street name). ``cancel()`` is polled between layers and classes; when it turns
    True the function returns early and the picture is incomplete.
    """
    options = options or RenderOptions()
    cancel = cancel or _never
    frame = Frame.of(viewport)
    drawn = [lyr for lyr in project.layers if layer_drawn(lyr, viewport, options)]
    painter.save()
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for layer in drawn:
            if cancel():
                return
            if layer.opacity < 1.0 and is_raster(painter):
                _draw_translucent(painter, project, layer, frame, cancel)
            else:
                _draw_layer(painter, project, layer, frame, cancel)
        for name, rows in (options.selection or {}).items():
            layer = project.layer(name)
            if layer is not None and layer.is_spatial and not cancel():
                draw_selection(painter, prepared_for(layer, project.catalog)[0], rows, frame)
        if options.labels and not cancel():
            draw_labels(painter, project, drawn, frame, lang=options.lang, cancel=cancel)
    finally:
        painter.restore()


def render_image(
    project: Project,
    viewport: Viewport,
    options: RenderOptions | None = None,
    cancel: Callable[[], bool] | None = None,
) -> QImage:
    """A new ARGB32_Premultiplied ``viewport.width`` x ``viewport.height`` image of the map."""
    options = options or RenderOptions()
    image = QImage(viewport.width, viewport.height, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDotsPerMeterX(round(viewport.dpi / 0.0254))
    image.setDotsPerMeterY(round(viewport.dpi / 0.0254))
    image.fill(QColor(options.background))
    painter = QPainter(image)
    try:
        render_to_painter(painter, project, viewport, options, cancel)
    finally:
        painter.end()
    return image
