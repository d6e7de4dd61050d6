"""The printed legend: one heading per drawn layer and one row per symbology class.

The legend must never spill out of its frame or push other elements around, whatever the number
of classes or the language. So the text is measured first: the largest font (and fewest columns)
at which every row fits is chosen; rows too wide for their column are elided, and when even the
smallest font in the most columns is not enough, the tail is replaced by "… and N more".

A layer's classes stay in one column when they fit in one; a layer too long for a column goes on
in the next under its heading repeated with "(cont.)", so no class is read under the wrong layer.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

import numpy as np
import shapely
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter

from gisdesk.core.definitions import Catalog, Symbol
from gisdesk.core.layer import MapLayer
from gisdesk.export.layout_model import print_text
from gisdesk.ui.panels.swatches import geometry_kind
from gisdesk.ui.render.features import draw_markers
from gisdesk.ui.render.symbols import fill_brush, line_pen, outline_pen

FONT_STEPS_PT = (10.0, 9.0, 8.0, 7.0, 6.5, 6.0, 5.5, 5.0)
MAX_COLUMNS = 4


@dataclass(frozen=True)
class LegendItem:
    """A heading (``symbol`` None) or a class row with its swatch.

    ``single`` marks a single-symbol layer's one row (its title beside its swatch): it starts a
    layer of its own rather than being a class of the heading above it.
    """

    text: str
    symbol: Symbol | None = None
    kind: str = "polygon"
    single: bool = False

    @property
    def starts_layer(self) -> bool:
        """True for the first row of a layer (a heading or a single-symbol row)."""
        return self.symbol is None or self.single


@dataclass(frozen=True)
class PlacedItem:
    """A legend row at its final place (device pixels) with its possibly elided text."""

    item: LegendItem
    rect: QRectF
    text: str


@dataclass(frozen=True)
class LegendLayout:
    """What :func:`layout_legend` decided: font size, columns and every row's rectangle."""

    font_px: int
    columns: int
    placed: list[PlacedItem]
    dropped: int


def legend_items(layers: list[MapLayer], catalog: Catalog | None, lang: str,
                 used_only: Collection[str] = (),
                 extent: tuple[float, float, float, float] | None = None) -> list[LegendItem]:
    """Headings and class rows of ``layers`` (top layer first, as in the layer panel).

    A layer named in ``used_only`` (one a filter thinned out, e.g. hydrants with condition
    <= 2) lists only the classes of the features it still has (within ``extent`` when given):
    "Good" in the legend of a map of poor hydrants would promise symbols the map lacks. The
    layer is left out when none remain. Other layers show their whole ramp, used or not, so a legend
    of a full map reads the same on every sheet.
    """
    items: list[LegendItem] = []
    for layer in reversed(layers):
        layer_def = layer.definition
        kind = geometry_kind(layer_def.geometry if layer_def else None, layer.geometry_kind)
        title = layer.title_in(lang)
        classes = catalog.symbol_classes(layer_def) if layer_def and catalog else []
        if classes and layer.name in used_only:
            used = _used_classes(layer, catalog, extent)
            classes = [c for i, c in enumerate(classes) if i in used]
            if not classes:
                continue  # none of its classes is drawn
        if not classes:
            symbol = layer_def.symbology.symbol if layer_def else _fallback(layer)
            items.append(LegendItem(title, symbol, kind, single=True))
            continue
        items.append(LegendItem(title))
        for cls in classes:
            label = cls.label.get(lang) if cls.label else str(cls.value)
            items.append(LegendItem(label, cls.symbol, kind))
    return items


def _in_extent(layer: MapLayer, extent: tuple[float, float, float, float] | None) -> np.ndarray:
    """Positions of the features whose bounding box meets ``extent`` (all without one)."""
    if extent is None:
        return np.arange(len(layer.frame))
    bounds = shapely.bounds(np.asarray(layer.frame.geometry.values, dtype=object))
    with np.errstate(invalid="ignore"):  # empty geometries have NaN bounds: never inside
        inside = ((bounds[:, 0] <= extent[2]) & (bounds[:, 2] >= extent[0])
                  & (bounds[:, 1] <= extent[3]) & (bounds[:, 3] >= extent[1]))
    return np.flatnonzero(inside)


def _used_classes(layer: MapLayer, catalog: Catalog | None,
                  extent: tuple[float, float, float, float] | None) -> set[int]:
    """Indices of the symbology classes at least one feature in ``extent`` is drawn with
    (the renderer's own class lookup, so the legend and the map agree on 2 vs 2.0)."""
    from gisdesk.ui.render.styles import layer_style  # noqa: PLC0415 - filtered prints only

    style = layer_style(layer, catalog)
    if len(style.symbols) == 1:  # not drawn by class (its field is missing): keep the ramp
        return set(range(len(catalog.symbol_classes(layer.definition)) if catalog else 0))
    return {int(i) for i in np.unique(style.class_of[_in_extent(layer, extent)])}


def _fallback(layer: MapLayer) -> Symbol:
    from gisdesk.ui.render.styles import default_symbol  # noqa: PLC0415 - rare path

    kind = layer.geometry_kind if layer.geometry_kind in ("point", "line") else "polygon"
    return default_symbol(layer.name, kind)


def legend_font(px: int, heading: bool = False) -> QFont:
    """The legend's font at ``px`` pixels (headings bold)."""
    font = QFont("DejaVu Sans")
    font.setPixelSize(max(px, 1))
    font.setBold(heading)
    return font


def _layer_groups(items: list[LegendItem]) -> list[list[LegendItem]]:
    """``items`` cut into layers: a heading with its classes, or one single-symbol row."""
    groups: list[list[LegendItem]] = []
    for item in items:
        if item.starts_layer or not groups:
            groups.append([item])
        else:
            groups[-1].append(item)
    return groups


def _continued(heading: LegendItem, suffix: str, metrics: QFontMetricsF,
               room: float) -> LegendItem:
    """``heading`` repeated atop the next column: "Roads (cont.)", the title elided if need be.

    The item's text is what is drawn, so a shortened title does not count as an elided row.
    """
    title = metrics.elidedText(heading.text, Qt.TextElideMode.ElideRight,
                               max(room - metrics.horizontalAdvance(" " + suffix), 1.0))
    return LegendItem(f"{title} {suffix}")


def _try_layout(items: list[LegendItem], box: QRectF, px: int, columns: int,
                keep_together: bool = True,
                lang: str = "en") -> tuple[list[PlacedItem], int] | None:
    """Rows flowed into ``columns``; None when not even one row fits a column.

    Returns the placed rows and how many of ``items`` did not fit. With ``keep_together`` a
    layer that would be cut by a column break but fits in one column starts the next column
    instead; a layer that is cut anyway repeats its heading with "(cont.)" in the new column.
    """
    row_h = px * 1.45
    per_column = int(box.height() // row_h)
    if per_column <= 0:
        return None
    gap = px
    col_w = (box.width() - gap * (columns - 1)) / columns
    swatch = px * 1.8
    suffix = print_text("cont", lang)
    placed: list[PlacedItem] = []
    col = row = done = 0

    def place(item: LegendItem) -> None:
        x = box.left() + col * (col_w + gap)
        rect = QRectF(x, box.top() + row * row_h, col_w, row_h)
        metrics = QFontMetricsF(legend_font(px, item.symbol is None))
        room = col_w - (0 if item.symbol is None else swatch + px * 0.5)
        text = metrics.elidedText(item.text, Qt.TextElideMode.ElideRight, max(room, 1.0))
        placed.append(PlacedItem(item, rect, text))

    for group in _layer_groups(items):
        if keep_together and row > 0 and row + len(group) > per_column >= len(group):
            col, row = col + 1, 0
        heading = group[0] if group[0].symbol is None else None
        for k, item in enumerate(group):
            if item.symbol is None and row == per_column - 1 and per_column > 1:
                row += 1  # a heading never ends a column, away from its classes
            if row >= per_column:
                col, row = col + 1, 0
            if col >= columns:
                return placed, len(items) - done
            if k > 0 and row == 0 and heading is not None and per_column > 1:
                metrics = QFontMetricsF(legend_font(px, True))
                place(_continued(heading, suffix, metrics, col_w))
                row += 1
            place(item)
            row += 1
            done += 1
    return placed, 0


def _max_columns(box: QRectF, px: int) -> int:
    """Columns narrower than about ten characters would elide every row: never use them."""
    return max(1, min(MAX_COLUMNS, int(box.width() // (10 * px))))


def layout_legend(items: list[LegendItem], box: QRectF, px_per_pt: float,
                  lang: str = "en") -> LegendLayout:
    """The largest readable arrangement of ``items`` inside ``box`` (never outside it).

    Tries every font step with 1..n columns, layers kept whole first and then allowed to
    continue in the next column, and keeps the first where nothing is dropped and nothing
    elided; otherwise the smallest font in the fewest columns that show every row
    (eliding long ones), or failing that the most columns ending with "… and N more".
    """
    for pt in FONT_STEPS_PT:
        px = max(round(pt * px_per_pt), 1)
        for keep_together in (True, False):
            for columns in range(1, _max_columns(box, px) + 1):
                found = _try_layout(items, box, px, columns, keep_together, lang)
                if found is None:
                    break
                placed, dropped = found
                if not dropped and all(p.text == p.item.text for p in placed):
                    return LegendLayout(px, columns, placed, 0)
    px = max(round(FONT_STEPS_PT[-1] * px_per_pt), 1)
    most = _max_columns(box, px)
    for columns in range(1, most + 1):
        found = _try_layout(items, box, px, columns, False, lang)
        if found is None:
            return LegendLayout(px, columns, [], len(items))
        if not found[1]:
            return LegendLayout(px, columns, found[0], 0)
    placed, dropped = found
    if placed:
        last = placed[-1]
        dropped += 1
        more = print_text("more", lang).format(dropped)
        metrics = QFontMetricsF(legend_font(px, True))
        if metrics.horizontalAdvance(more) > last.rect.width():
            more = f"+{dropped}"
        more = metrics.elidedText(more, Qt.TextElideMode.ElideRight, last.rect.width())
        placed[-1] = PlacedItem(LegendItem(more), last.rect, more)
    return LegendLayout(px, most, placed, dropped)


def _draw_swatch(painter: QPainter, item: LegendItem, rect: QRectF, px_per_pt: float) -> None:
    symbol, kind = item.symbol, item.kind
    if kind == "line":
        pen = line_pen(symbol, px_per_pt)
        pen.setWidthF(min(pen.widthF(), rect.height() * 0.6))
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(pen)
        y = rect.center().y()
        painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
    elif kind == "point":  # the map's own marker code: same shape, fill and outline
        size = min(symbol.size * px_per_pt, rect.height())
        centre = np.array([[rect.center().x(), rect.center().y()]])
        draw_markers(painter, symbol, centre, size, px_per_pt)
    else:
        painter.setPen(outline_pen(symbol, px_per_pt))
        painter.setBrush(fill_brush(symbol))
        painter.drawRect(rect.adjusted(1, 1, -1, -1))


def draw_legend(painter: QPainter, layout: LegendLayout, px_per_pt: float) -> None:
    """Paint a layout made by :func:`layout_legend`."""
    painter.save()
    px = layout.font_px
    for placed in layout.placed:
        rect, item = placed.rect, placed.item
        painter.setFont(legend_font(px, item.symbol is None))
        text_rect = rect
        if item.symbol is not None:
            swatch = QRectF(rect.left(), rect.top() + rect.height() * 0.15, px * 1.8,
                            rect.height() * 0.7)
            painter.save()
            _draw_swatch(painter, item, swatch, px_per_pt)
            painter.restore()
            text_rect = rect.adjusted(px * 2.3, 0, 0, 0)
        painter.setPen(QColor("#222222"))
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         placed.text)
    painter.restore()
