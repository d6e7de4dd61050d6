"""Paint placed labels: text with a white halo, rendered once per text and reused.

The halo is the text drawn in white at eight offsets around its place. Glyphs come from Qt's
cache, so that is cheap, but doing it for every label on every redraw still costs several ms at
street level; a sprite (text + halo in a small image) per text, size and colour is drawn with
one ``drawImage`` instead, and street names repeat from one pan to the next.
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from collections.abc import Callable

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter

from gisdesk.core.layer import MapLayer
from gisdesk.core.project import Project
from gisdesk.ui.render.features import Frame
from gisdesk.ui.render.labels import PlacedLabel, layout_labels
from gisdesk.ui.render.symbols import qcolor

_HALO_RING = tuple(
    (math.cos(a * math.pi / 4), math.sin(a * math.pi / 4)) for a in range(8)
)
_sprites: OrderedDict[tuple, tuple[QImage, float, float]] = OrderedDict()
_sprites_lock = threading.Lock()
SPRITE_CACHE_SIZE = 4096


def _sprite(label: PlacedLabel, halo_px: float) -> tuple[QImage, float, float]:
    """The label's text with its white halo, rendered once and reused while panning.

    The halo is the text drawn in white at eight offsets: glyphs come from Qt's cache, where
    stroking the text outline with a wide pen cost over a millisecond per label. Returns the
    image and the offset of its centre.
    """
    key = (label.text, label.pixel_size, label.color, round(halo_px, 2))
    with _sprites_lock:
        hit = _sprites.get(key)
        if hit is not None:
            _sprites.move_to_end(key)
            return hit
    font = QFont("DejaVu Sans")
    font.setPixelSize(label.pixel_size)
    metrics = QFontMetricsF(font)
    pad = math.ceil(halo_px) + 1
    w = math.ceil(metrics.horizontalAdvance(label.text)) + 2 * pad
    h = math.ceil(metrics.height()) + 2 * pad
    image = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setFont(font)
    origin = QPointF(pad, pad + metrics.ascent())
    painter.setPen(QColor(255, 255, 255, 235))
    for dx, dy in _HALO_RING:
        painter.drawText(origin + QPointF(dx * halo_px, dy * halo_px), label.text)
    painter.setPen(qcolor(label.color))
    painter.drawText(origin, label.text)
    painter.end()
    sprite = (image, w / 2, h / 2)
    with _sprites_lock:
        _sprites[key] = sprite
        while len(_sprites) > SPRITE_CACHE_SIZE:
            _sprites.popitem(last=False)
    return sprite


def draw_labels(
    painter: QPainter, project: Project, layers: list[MapLayer], frame: Frame, *, lang: str,
    cancel: Callable[[], bool] | None = None,
) -> list[PlacedLabel]:
    """Lay out and paint labels with a white halo; returns what was placed."""
    placed = layout_labels(project, layers, frame, lang=lang, cancel=cancel)
    halo_px = 1.2 * frame.px_per_pt
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    for label in placed:
        image, cx, cy = _sprite(label, halo_px)
        if label.angle == 0:
            painter.drawImage(QPointF(round(label.x - cx), round(label.y - cy)), image)
            continue
        painter.save()
        painter.translate(label.x, label.y)
        painter.rotate(label.angle)
        painter.drawImage(QPointF(-cx, -cy), image)
        painter.restore()
    return placed
