"""Layer symbology translated to Leaflet path options and legend swatches.

The web map must look like the desktop map, so this reads the same declarative symbology
(:class:`gisdesk.core.definitions.Symbology`) the renderer reads and applies the same rules:
``#rrggbbaa`` colours carry their own alpha, a transparent fill means no fill, crosses are
stroked, and undefined layers get a colour derived from their name.
"""

from __future__ import annotations

import colorsys
import html
import zlib
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from gisdesk.core.definitions import Catalog, Symbol
from gisdesk.core.layer import MapLayer

_DASH = {"solid": None, "dash": "6 4", "dot": "1 4"}


@dataclass(frozen=True)
class LegendEntry:
    """One row of the legend: a label (None for a single-symbol layer) and its symbol."""

    label: str | None
    symbol: Symbol


@dataclass(frozen=True)
class WebStyle:
    """Leaflet options per class and, for every feature, the index of its class."""

    styles: list[dict[str, Any]]
    class_of: np.ndarray
    legend: list[LegendEntry]


def _hex(r: float, g: float, b: float) -> str:
    return "#{:02x}{:02x}{:02x}".format(*(round(c * 255) for c in (r, g, b)))


def default_symbol(name: str, kind: str) -> Symbol:
    """Fallback symbol for a layer without a definition; hue from crc32 of its name.

    Same rule as the desktop renderer (``gisdesk.ui.render.styles``), repeated here because core
    code may not import the UI package; a file keeps its colour on screen and on the web.
    """
    hue = (zlib.crc32(name.encode("utf-8")) % 360) / 360.0
    fill = _hex(*colorsys.hsv_to_rgb(hue, 0.45, 0.9))
    edge = _hex(*colorsys.hsv_to_rgb(hue, 0.8, 0.55))
    if kind == "polygon":
        return Symbol(color=fill + "b0", stroke=edge, width=0.8)
    if kind == "line":
        return Symbol(color=edge, width=1.5)
    return Symbol(color=fill, stroke=edge, size=6, width=1.0)


def split_color(color: str, opacity: float) -> tuple[str, float]:
    """``#rrggbb[aa]`` and a symbol opacity → (``#rrggbb``, combined alpha 0..1)."""
    alpha = int(color[7:9], 16) / 255 if len(color) == 9 else 1.0
    return color[:7], round(max(0.0, min(1.0, alpha * opacity)), 3)


def marker_radius(symbol: Symbol) -> float:
    """Marker radius in CSS pixels: ``size`` is a diameter in points (1 pt = 4/3 px)."""
    return round(max(symbol.size * 2 / 3, 2.5), 2)


def leaflet_options(symbol: Symbol, kind: str) -> dict[str, Any]:
    """Leaflet path options drawing ``symbol`` for a 'point', 'line' or 'polygon' layer."""
    color, alpha = split_color(symbol.color, symbol.opacity)
    dash = _DASH[symbol.dash]
    if kind == "line":
        return {"color": color, "opacity": alpha, "weight": max(symbol.width, 0.5),
                "dashArray": dash, "lineCap": "round", "lineJoin": "round", "fill": False}
    if kind == "point" and symbol.shape == "cross":
        return {"shape": "cross", "radius": marker_radius(symbol), "color": color,
                "opacity": alpha, "weight": max(1.5, symbol.size / 4), "fill": False}
    out: dict[str, Any] = {"fill": alpha > 0, "fillColor": color, "fillOpacity": alpha}
    if symbol.stroke is not None and symbol.width > 0:
        stroke, stroke_alpha = split_color(symbol.stroke, symbol.opacity)
        out.update(stroke=True, color=stroke, opacity=stroke_alpha, weight=symbol.width,
                   dashArray=dash)
    else:
        out["stroke"] = False
    if kind == "point":
        out.update(shape=symbol.shape, radius=marker_radius(symbol))
    return out


def web_style(layer: MapLayer, catalog: Catalog | None, kind: str, lang: str,
              other_label: str) -> WebStyle:
    """Classes of ``layer``'s symbology as Leaflet options, with a class index per feature.

    The "other" class (values outside the listed classes) appears in the legend only when some
    feature falls in it, so the legend never shows an empty category.
    """
    n = len(layer.frame)
    ldef = layer.definition
    if ldef is None:
        symbol = default_symbol(layer.name, kind)
        return WebStyle([leaflet_options(symbol, kind)], np.zeros(n, np.int32),
                        [LegendEntry(None, symbol)])
    sym = ldef.symbology
    classes = catalog.symbol_classes(ldef) if catalog is not None else list(sym.classes)
    if sym.type != "categorized" or not classes or sym.field not in layer.frame:
        return WebStyle([leaflet_options(sym.symbol, kind)], np.zeros(n, np.int32),
                        [LegendEntry(None, sym.symbol)])
    symbols = [c.symbol for c in classes] + [sym.other or sym.symbol]
    lookup = {c.value: i for i, c in enumerate(classes)}
    class_of = (
        pd.Series(layer.frame[sym.field].to_numpy()).map(lookup).fillna(len(classes))
        .to_numpy(dtype=np.int32)
    )
    legend = [
        LegendEntry(c.label.get(lang) if c.label else str(c.value), c.symbol) for c in classes
    ]
    if (class_of == len(classes)).any():
        legend.append(LegendEntry(other_label, symbols[-1]))
    return WebStyle([leaflet_options(s, kind) for s in symbols], class_of, legend)


def swatch_svg(symbol: Symbol, kind: str, size: int = 18) -> str:
    """A small inline SVG showing ``symbol`` as the legend draws it."""
    opts = leaflet_options(symbol, kind)
    mid = size / 2
    common = _svg_paint(opts)
    if kind == "line":
        body = f'<line x1="1" y1="{mid}" x2="{size - 1}" y2="{mid}" {common}/>'
    elif kind == "polygon":
        body = f'<rect x="2" y="3" width="{size - 4}" height="{size - 6}" {common}/>'
    else:
        r = min(opts["radius"], mid - 1.5)
        body = _marker_svg(opts.get("shape", "circle"), mid, r, common)
    return (f'<svg width="{size}" height="{size}" viewBox="0 0 {size} {size}" '
            f'xmlns="http://www.w3.org/2000/svg">{body}</svg>')


def _svg_paint(opts: dict[str, Any]) -> str:
    fill = (f'fill="{opts["fillColor"]}" fill-opacity="{opts["fillOpacity"]}"'
            if opts.get("fill") else 'fill="none"')
    if opts.get("stroke", True) and "color" in opts:
        dash = f' stroke-dasharray="{opts["dashArray"]}"' if opts.get("dashArray") else ""
        stroke = (f'stroke="{opts["color"]}" stroke-opacity="{opts["opacity"]}" '
                  f'stroke-width="{min(opts["weight"], 6)}"{dash}')
    else:
        stroke = 'stroke="none"'
    return html.escape(f"{fill} {stroke}", quote=False)


def _marker_svg(shape: str, c: float, r: float, paint: str) -> str:
    if shape == "circle":
        return f'<circle cx="{c}" cy="{c}" r="{r}" {paint}/>'
    if shape == "cross":
        return f'<path d="M{c - r} {c}H{c + r}M{c} {c - r}V{c + r}" {paint}/>'
    unit = {"square": [(-0.85, -0.85), (0.85, -0.85), (0.85, 0.85), (-0.85, 0.85)],
            "triangle": [(0, -1), (0.87, 0.5), (-0.87, 0.5)],
            "diamond": [(0, -1), (1, 0), (0, 1), (-1, 0)]}[shape]
    points = " ".join(f"{c + x * r:.1f},{c + y * r:.1f}" for x, y in unit)
    return f'<polygon points="{points}" {paint}/>'
