"""The parts of the web-map page around the map: title, legend and notices.

The page's language is chosen per export (a map for the DPRD is in Indonesian even when the
planner's desktop is in English), so its few fixed words come from :data:`PAGE_TEXT` by ``lang``
rather than from the UI translator.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from gisdesk.export.webmap_assets import RawHtml
from gisdesk.export.webmap_data import LayerPayload
from gisdesk.export.webmap_style import swatch_svg

PAGE_TEXT: dict[str, dict[str, str]] = {
    "legend": {"en": "Legend", "id": "Legenda"},
    "from_scale": {"en": "shown from 1:{0}", "id": "tampil mulai 1:{0}"},
    "to_scale": {"en": "shown up to 1:{0}", "id": "tampil hingga 1:{0}"},
    "other": {"en": "Other", "id": "Lainnya"},
    "basemap": {"en": "OpenStreetMap (online)", "id": "OpenStreetMap (daring)"},
    "limited": {
        "en": "{layer}: showing {shown} of {total} features (evenly spaced sample) to keep the "
        "page responsive",
        "id": "{layer}: menampilkan {shown} dari {total} fitur (sampel merata) agar halaman "
        "tetap responsif",
    },
    "simplified": {
        "en": "{layer}: lines simplified to {tol} m",
        "id": "{layer}: garis disederhanakan hingga {tol} m",
    },
    "empty": {
        "en": "{layer}: {n} features without geometry not shown",
        "id": "{layer}: {n} fitur tanpa geometri tidak ditampilkan",
    },
}


def page_text(key: str, lang: str) -> str:
    """A fixed page string in ``lang`` (English for unknown languages)."""
    entry = PAGE_TEXT[key]
    return entry.get(lang, entry["en"])


def format_count(n: int, lang: str) -> str:
    """Thousands separated the local way: 20,000 (en) / 20.000 (id)."""
    text = f"{n:,}"
    return text.replace(",", ".") if lang == "id" else text


def notices(payloads: Sequence[LayerPayload], lang: str) -> list[str]:
    """Plain-text messages about features left out or simplified, one per affected layer."""
    out = []
    for p in payloads:
        drawable = p.total - p.empty_geometries
        if p.shown < drawable:
            shown, total = format_count(p.shown, lang), format_count(drawable, lang)
            out.append(page_text("limited", lang).format(layer=p.title, shown=shown, total=total))
        if p.simplified_m is not None:
            out.append(page_text("simplified", lang).format(layer=p.title,
                                                             tol=f"{p.simplified_m:.1f}"))
        if p.empty_geometries:
            out.append(page_text("empty", lang).format(layer=p.title, n=p.empty_geometries))
    return out


def title_element(title: str, subtitle: str | None) -> RawHtml:
    """The title box at the top of the page."""
    sub = f'<div class="gd-subtitle">{html.escape(subtitle)}</div>' if subtitle else ""
    return RawHtml(f'<div class="gd-panel gd-title" id="gd-title">{html.escape(title)}{sub}</div>')


def scale_note(payload: LayerPayload, lang: str) -> str:
    """"shown from 1:25,000" for layers with a scale range, else an empty string."""
    notes = [
        page_text(key, lang).format(format_count(int(value), lang))
        for key, value in (("from_scale", payload.max_scale), ("to_scale", payload.min_scale))
        if value
    ]
    if not notes:
        return ""
    return f' <span class="gd-scale">({html.escape(", ".join(notes))})</span>'


def legend_element(payloads: Sequence[LayerPayload], lang: str) -> RawHtml:
    """The legend: layers top-first, each with its symbology classes and swatches."""
    parts = [f'<div class="gd-panel gd-legend" id="gd-legend"><h4>{page_text("legend", lang)}</h4>']
    for p in reversed(payloads):
        single = len(p.legend) == 1 and p.legend[0].label is None
        if single:
            swatch = swatch_svg(p.legend[0].symbol, p.kind)
            parts.append(f'<div class="gd-class gd-layer">{swatch}'
                         f"<span>{html.escape(p.title)}{scale_note(p, lang)}</span></div>")
            continue
        parts.append(f'<div class="gd-layer">{html.escape(p.title)}{scale_note(p, lang)}</div>')
        for entry in p.legend:
            parts.append(f'<div class="gd-class">{swatch_svg(entry.symbol, p.kind)}'
                         f"<span>{html.escape(entry.label or p.title)}</span></div>")
    parts.append("</div>")
    return RawHtml("".join(parts))


def notice_element(messages: Sequence[str]) -> RawHtml | None:
    """A box listing what was limited or simplified, or None when nothing was."""
    if not messages:
        return None
    items = "".join(f"<li>{html.escape(m)}</li>" for m in messages)
    return RawHtml(f'<div class="gd-panel gd-notice" id="gd-notice"><ul style="margin:0;'
                   f'padding-left:16px">{items}</ul></div>')
