"""The print layout as plain data: paper, element boxes in millimetres, templates, atlas pages.

Everything a printed council map needs that is arithmetic rather than drawing lives here, free of
Qt, so it is unit-tested headless and shared by the layout dialog, ``gisdesk export-map`` and
the atlas: where the map frame and legend sit on an A3 sheet, which "nice" length a scale bar
shows, how far apart grid lines are, and at which round scale each atlas page is printed.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from gisdesk.i18n import translate
from gisdesk.paths import resources_dir

PAPER_MM: dict[str, tuple[float, float]] = {
    "A4": (210.0, 297.0), "A3": (297.0, 420.0), "A2": (420.0, 594.0), "A1": (594.0, 841.0),
}
"""Portrait width and height of each ISO paper size."""

MM_PER_INCH = 25.4
TEMPLATE_SCHEMA = 1
NICE_SCALES = (1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 7.5)
"""Mantissas of the scales a printed map may use (1:7 500, 1:10 000, 1:15 000 ...)."""


PRINT_TEXT: dict[str, dict[str, str]] = {
    "legend": {"en": "Legend", "id": "Legenda"},
    "map": {"en": "Map", "id": "Peta"},
    "north": {"en": "N", "id": "U"},
    "scale": {"en": "Scale 1:{0}", "id": "Skala 1:{0}"},
    "date": {"en": "Date: {0}", "id": "Tanggal: {0}"},
    "author": {"en": "Author: {0}", "id": "Pembuat: {0}"},
    "opd": {"en": "OPD: {0}", "id": "OPD: {0}"},
    "crs": {"en": "Coordinate system: {0}", "id": "Sistem koordinat: {0}"},
    "filter": {"en": "Shown: {0}", "id": "Ditampilkan: {0}"},
    "more": {"en": "… and {0} more", "id": "… dan {0} lainnya"},
    "cont": {"en": "(cont.)", "id": "(lanj.)"},
}
"""Fixed words on a printed page, by language: a map for the DPRD is printed in Indonesian
even when the planner's desktop is in English, so they follow the page's language, not the UI's."""


def print_text(key: str, lang: str) -> str:
    """A fixed page string in ``lang`` (English for unknown languages)."""
    entry = PRINT_TEXT[key]
    return entry.get(lang, entry["en"])


class LayoutTemplate(BaseModel):
    """A reusable page design; saved as JSON under ``resources/print/templates``.

    ``scale`` None means "fit the extent"; ``logo`` is a path, relative paths are looked up
    next to the template file first and then in ``resources/print`` so a city can drop its own
    logo beside its template.
    """

    model_config = ConfigDict(extra="forbid")

    schema_version: int = TEMPLATE_SCHEMA
    name: str = "A3 landscape"
    paper: Literal["A4", "A3", "A2", "A1"] = "A3"
    orientation: Literal["portrait", "landscape"] = "landscape"
    margin_mm: float = Field(default=10.0, ge=0, le=50)
    scale: float | None = Field(default=None, gt=0)
    title: str = ""
    subtitle: str = ""
    author: str = ""
    opd: str = ""
    attribution: str = "Data: Pemerintah Kota Gorontalo"
    logo: str = "logo_placeholder.svg"
    grid: bool = True
    legend: bool = True
    labels: bool = True
    panel_mm: float = Field(default=0.0, ge=0, le=300)
    """Width (landscape) or height (portrait) of the side panel; 0 picks one from the paper."""


@dataclass(frozen=True)
class Box:
    """A rectangle on the page in millimetres, origin top-left, y down."""

    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        """x of the right edge."""
        return self.x + self.w

    @property
    def bottom(self) -> float:
        """y of the bottom edge."""
        return self.y + self.h

    def contains(self, other: Box, tol: float = 1e-6) -> bool:
        """True when ``other`` lies wholly inside this box."""
        return (other.x >= self.x - tol and other.y >= self.y - tol
                and other.right <= self.right + tol and other.bottom <= self.bottom + tol)

    def inset(self, d: float) -> Box:
        """This box shrunk by ``d`` on every side."""
        return Box(self.x + d, self.y + d, max(self.w - 2 * d, 0.0), max(self.h - 2 * d, 0.0))


def page_size_mm(template: LayoutTemplate) -> tuple[float, float]:
    """Width and height of the sheet as it lies (landscape swaps the portrait sizes)."""
    w, h = PAPER_MM[template.paper]
    return (h, w) if template.orientation == "landscape" else (w, h)


def layout_boxes(template: LayoutTemplate) -> dict[str, Box]:
    """Where each element goes: title band on top, map frame, and a panel for the rest.

    Landscape sheets get the panel (legend, north arrow, scale bar, notes) on the right,
    portrait sheets below the map, so the map stays as large as the paper allows. All sizes
    follow the paper so an A1 print is an enlarged A4, not an A4 with a huge map.
    """
    pw, ph = page_size_mm(template)
    m = template.margin_mm
    unit = min(pw, ph) / 210.0  # 1 on A4, 1.41 on A3
    header_h = 18.0 * unit
    gap = 4.0 * unit
    inner = Box(m, m, pw - 2 * m, ph - 2 * m)
    boxes = {"page": Box(0, 0, pw, ph), "inner": inner}
    logo_w = header_h
    boxes["logo"] = Box(inner.right - logo_w, inner.y, logo_w, header_h)
    boxes["title"] = Box(inner.x, inner.y, inner.w - logo_w - gap, header_h)
    body_y = inner.y + header_h + gap
    body_h = inner.bottom - body_y
    if template.orientation == "landscape":
        panel_w = template.panel_mm or max(70.0 * unit, inner.w * 0.22)
        boxes["map"] = Box(inner.x, body_y, inner.w - panel_w - gap, body_h)
        panel = Box(inner.right - panel_w, body_y, panel_w, body_h)
        _stack_panel(boxes, panel, unit, gap)
    else:
        panel_h = template.panel_mm or max(62.0 * unit, inner.h * 0.24)
        boxes["map"] = Box(inner.x, body_y, inner.w, body_h - panel_h - gap)
        panel = Box(inner.x, inner.bottom - panel_h, inner.w, panel_h)
        left = Box(panel.x, panel.y, panel.w * 0.55, panel.h)
        right = Box(left.right + gap, panel.y, panel.w - left.w - gap, panel.h)
        boxes["legend"] = left
        _stack_panel(boxes, right, unit, gap, with_legend=False)
    boxes["panel"] = panel
    return boxes


def _stack_panel(boxes: dict[str, Box], panel: Box, unit: float, gap: float,
                 with_legend: bool = True) -> None:
    """North arrow and scale bar above the notes at the bottom; the legend takes the rest.

    Nothing may leave the panel: a short portrait panel (a template's ``panel_mm`` of 24) has
    no room for 34 mm of notes, which then covered the bottom of the map. There the arrow and
    scale bar row shrinks first, down to the height the scale bar's text and bar need, and the
    notes get what is left (the page draws them smaller, or cut with "…", to fit).
    """
    notes_h = 34.0 * unit
    scalebar_h = 14.0 * unit
    north_h = 18.0 * unit
    if with_legend:
        notes_h = min(notes_h, max(panel.h - north_h - scalebar_h - 2 * gap, 0.0))
    else:
        room = max(panel.h - gap, 0.0)
        row_min = 10.0  # the scale bar's numbers, bar and "Scale 1:n" line (fixed mm fonts)
        north_h = min(north_h, max(row_min, room - notes_h), room)
        scalebar_h = min(scalebar_h, north_h)
        notes_h = min(notes_h, room - north_h)
    notes = Box(panel.x, panel.bottom - notes_h, panel.w, notes_h)
    if with_legend:
        scalebar = Box(panel.x, notes.y - gap - scalebar_h, panel.w, scalebar_h)
        north = Box(panel.x, scalebar.y - gap - north_h, panel.w, north_h)
    else:  # a short panel below a portrait map: the arrow sits beside the scale bar
        row_y = max(notes.y - gap - north_h, panel.y)  # a panel thinner than the gap
        north = Box(panel.right - north_h, row_y, north_h, north_h)
        scalebar = Box(panel.x, row_y + north_h - scalebar_h, panel.w - north_h - gap,
                       scalebar_h)
    boxes.update(notes=notes, scalebar=scalebar, north=north)
    if with_legend:
        boxes["legend"] = Box(panel.x, panel.y, panel.w, max(north.y - gap - panel.y, 0.0))


def nice_number(value: float, mantissas: Sequence[float] = (1.0, 2.0, 5.0),
                up: bool = False) -> float:
    """The largest 1/2/5×10^k not above ``value`` (or the smallest not below, with ``up``)."""
    if value <= 0 or not math.isfinite(value):
        raise ValueError(translate("Layout", "a length must be positive, got {0}").format(value))
    exp = math.floor(math.log10(value))
    candidates = [m * 10.0 ** e for e in (exp - 1, exp, exp + 1) for m in mantissas]
    if up:
        return min(c for c in candidates if c >= value * (1 - 1e-9))
    return max(c for c in candidates if c <= value * (1 + 1e-9))


def scale_bar_spec(scale: float, max_width_mm: float) -> tuple[float, int, str]:
    """Ground length (m), segment count and unit label of a scale bar fitting ``max_width_mm``.

    The length is a round number (1, 2 or 5 × 10^k metres), shown in km from 1 km up; the
    segment count makes every tick a round number too (5 × 200 m, 4 × 500 m).
    """
    ground = max_width_mm / 1000.0 * scale
    length = nice_number(ground)
    mantissa = round(length / 10.0 ** math.floor(math.log10(length)))
    segments = {1: 5, 2: 4, 5: 5}[mantissa]
    unit = "km" if length >= 1000 else "m"
    return length, segments, unit


def format_length(metres: float, unit: str) -> str:
    """``250`` -> "250", ``1500`` km -> "1.5" (no trailing zeros)."""
    value = metres / 1000.0 if unit == "km" else metres
    return f"{value:g}"


def nice_scale(denominator: float) -> float:
    """The next round scale at or above ``denominator`` (1:7 500, 1:10 000, 1:15 000 ...)."""
    return nice_number(denominator, NICE_SCALES, up=True)


def grid_interval(span_m: float, target_lines: int = 5) -> float:
    """A round grid spacing giving about ``target_lines`` lines across ``span_m`` metres."""
    return nice_number(span_m / max(target_lines, 1), (1.0, 2.0, 2.5, 5.0))


def grid_ticks(lo: float, hi: float, interval: float) -> list[float]:
    """Multiples of ``interval`` strictly inside (lo, hi)."""
    first = math.floor(lo / interval) + 1
    out = []
    k = first
    while k * interval < hi:
        out.append(k * interval)
        k += 1
    return out


def map_extent(box: Box, centre: tuple[float, float], scale: float) -> tuple[float, ...]:
    """The world rectangle a map frame of ``box`` shows at 1:``scale`` around ``centre``."""
    hw = box.w / 1000.0 * scale / 2
    hh = box.h / 1000.0 * scale / 2
    return (centre[0] - hw, centre[1] - hh, centre[0] + hw, centre[1] + hh)


def fit_scale(box: Box, extent: Sequence[float], margin: float = 0.0) -> float:
    """The scale at which ``extent`` (grown by ``margin`` on each side) just fills ``box``."""
    w = max(extent[2] - extent[0], 1e-6) * (1 + 2 * margin)
    h = max(extent[3] - extent[1], 1e-6) * (1 + 2 * margin)
    return max(w / (box.w / 1000.0), h / (box.h / 1000.0))


@dataclass(frozen=True)
class AtlasPage:
    """One atlas sheet: the feature's name, its centre and a round scale showing it whole."""

    name: str
    row: int
    centre: tuple[float, float]
    scale: float


def atlas_pages(names: Sequence[object], bounds: Sequence[Sequence[float]], map_box: Box,
                margin: float = 0.08) -> list[AtlasPage]:
    """One page per feature, in the given order, each at the next nice scale that fits it.

    Features without a geometry (NaN bounds) are skipped rather than printing a blank page.
    """
    pages = []
    for row, (name, b) in enumerate(zip(names, bounds, strict=True)):
        if not all(math.isfinite(v) for v in b):
            continue
        scale = nice_scale(max(fit_scale(map_box, b, margin), 500.0))
        centre = ((b[0] + b[2]) / 2, (b[1] + b[3]) / 2)
        text = "" if name is None or (isinstance(name, float) and math.isnan(name)) else str(name)
        pages.append(AtlasPage(text, row, centre, scale))
    return pages


def templates_dir() -> Path:
    """The shipped templates (``resources/print/templates``)."""
    return resources_dir() / "print" / "templates"


def load_template(path: Path) -> LayoutTemplate:
    """Read a template, naming the file and field when it is wrong."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ValueError(translate("Layout", "{0}: cannot read layout template: {1}")
                         .format(path, exc)) from exc
    try:
        return LayoutTemplate.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            "{}: {}".format(".".join(str(p) for p in e["loc"]) or "-", e["msg"])
            for e in exc.errors())
        raise ValueError(translate("Layout", "{0}: invalid layout template: {1}")
                         .format(path, problems)) from exc


def save_template(template: LayoutTemplate, path: Path) -> None:
    """Write ``template`` as indented JSON (diff-friendly, editable by hand)."""
    Path(path).write_text(template.model_dump_json(indent=2) + "\n", encoding="utf-8")


def resolve_logo(template: LayoutTemplate, template_path: Path | None = None) -> Path | None:
    """The logo file to draw, or None when the template names none or it is missing."""
    if not template.logo:
        return None
    logo = Path(template.logo)
    candidates = [logo] if logo.is_absolute() else [
        *([template_path.parent / logo] if template_path else []),
        resources_dir() / "print" / logo,
    ]
    return next((p for p in candidates if p.is_file()), None)
