"""The summary report for council meetings: one self-contained HTML file with inline SVG charts.

Headline counts, condition per kelurahan (one stacked-bar chart and table per asset layer) and
inspections per month. Charts are plain SVG written here, so the report needs neither Qt nor a
network, opens in any browser and prints to PDF from there. Its language is chosen per report
(a report for the DPRD is in Indonesian whatever the planner's desktop language).
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from gisdesk.core.condition_stats import (
    UNKNOWN,
    condition_by_district,
    condition_codes,
    missing_condition,
)
from gisdesk.core.definitions import Catalog
from gisdesk.core.layer import MapLayer
from gisdesk.export.webmap_page import format_count
from gisdesk.paths import ensure_parent

REPORT_TEXT: dict[str, dict[str, str]] = {
    "title": {"en": "Asset condition summary", "id": "Ringkasan kondisi aset"},
    "generated": {"en": "Generated {0} from {1}", "id": "Dibuat {0} dari {1}"},
    "generated_on": {"en": "Generated {0}", "id": "Dibuat {0}"},
    "headline": {"en": "Headline figures", "id": "Angka utama"},
    "layer": {"en": "Layer", "id": "Lapisan"},
    "features": {"en": "Assets", "id": "Aset"},
    "poor": {"en": "Poor or very poor", "id": "Buruk atau sangat buruk"},
    "poor_share": {"en": "Share poor", "id": "Persentase buruk"},
    "unknown": {"en": "Not yet inspected", "id": "Belum diperiksa"},
    "no_condition": {"en": "Unknown", "id": "Tidak diketahui"},
    "by_district": {"en": "Condition per kelurahan: {0}", "id": "Kondisi per kelurahan: {0}"},
    "district": {"en": "Kelurahan", "id": "Kelurahan"},
    "total": {"en": "Total", "id": "Jumlah"},
    "per_month": {"en": "Inspections per month", "id": "Pemeriksaan per bulan"},
    "month": {"en": "Month", "id": "Bulan"},
    "inspections": {"en": "Inspections", "id": "Pemeriksaan"},
    "no_districts": {"en": "No kelurahan layer: condition per kelurahan is not shown.",
                     "id": "Tidak ada lapisan kelurahan: kondisi per kelurahan tidak ditampilkan."},
    "no_inspections": {"en": "No inspection records.", "id": "Tidak ada catatan pemeriksaan."},
}
MONTH_NAMES = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "id": ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"),
}
"""Short month names: dates read "5 Mei 2024" on an Indonesian report, as in the app."""
POOR_CODES = (1, 2)
UNKNOWN_COLOR = "#cccccc"
MONTHS_SHOWN = 24


def date_text(day: dt.date, lang: str) -> str:
    """A date as the report's language writes it: "5 Mei 2024" / "5 May 2024"."""
    months = MONTH_NAMES.get(lang, MONTH_NAMES["en"])
    return f"{day.day} {months[day.month - 1]} {day.year}"


def month_label(month: object, lang: str) -> str:
    """A calendar month ("2024-08", a Period or a Timestamp) as "Agu 2024" / "Aug 2024"."""
    text_value = str(month)[:7]
    try:
        year, number = int(text_value[:4]), int(text_value[5:7])
    except ValueError:
        return str(month)
    return f"{MONTH_NAMES.get(lang, MONTH_NAMES['en'])[number - 1]} {year}"


def percent_text(value: float, lang: str) -> str:
    """One decimal with the language's decimal sign: 66.7 % / 66,7 %."""
    number = f"{value:.1f}"
    return (number.replace(".", ",") if lang == "id" else number) + " %"


def text(key: str, lang: str) -> str:
    """A fixed report string in ``lang`` (English for unknown languages)."""
    entry = REPORT_TEXT[key]
    return entry.get(lang, entry["en"])


@dataclass(frozen=True)
class ReportResult:
    """The written report: path, size and the sections it holds (for messages and tests)."""

    path: Path
    size_bytes: int
    layers: tuple[str, ...]
    months: int


def _condition_labels(catalog: Catalog | None, lang: str) -> list[tuple[int, str, str]]:
    """(code, label, colour) of every condition class, in domain order."""
    domain = catalog.domains.get("condition") if catalog is not None else None
    if domain is None:
        return [(c, str(c), "#888888") for c in condition_codes(None)]
    return [(int(v.code), v.label.get(lang), v.color or "#888888") for v in domain.values]


def headline_rows(assets: Sequence[MapLayer], lang: str) -> list[list[str]]:
    """Per asset layer: assets, poor (1–2), share poor, not yet inspected."""
    rows = []
    for layer in assets:
        cond = pd.to_numeric(layer.frame["condition"], errors="coerce")
        poor = int(cond.isin(POOR_CODES).sum())
        known = int(cond.notna().sum())
        share = percent_text(100.0 * poor / known, lang) if known else "–"
        rows.append([layer.title_in(lang), format_count(len(layer.frame), lang),
                     format_count(poor, lang), share,
                     format_count(missing_condition(layer), lang)])
    return rows


def monthly_inspections(inspections: MapLayer | None, months: int = MONTHS_SHOWN) -> pd.Series:
    """Inspection counts for the last ``months`` calendar months that hold records."""
    if inspections is None or "inspected_on" not in inspections.frame.columns:
        return pd.Series(dtype="int64")
    days = pd.to_datetime(inspections.frame["inspected_on"], errors="coerce").dropna()
    if days.empty:
        return pd.Series(dtype="int64")
    periods = days.dt.to_period("M")
    full = pd.period_range(periods.min(), periods.max(), freq="M")
    counts = periods.value_counts().reindex(full, fill_value=0).sort_index()
    return counts.iloc[-months:].astype("int64")


def _table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    head = "".join(f"<th>{html.escape(str(h))}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in row) + "</tr>"
                   for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def stacked_bars_svg(table: pd.DataFrame, classes: Sequence[tuple[int, str, str]],
                     width: int = 760) -> str:
    """Horizontal stacked bars, one per row of ``table`` (columns = condition codes)."""
    bar_h, label_w, gap = 16, 170, 4
    totals = table.sum(axis=1)
    top = max(int(totals.max()) if len(totals) else 0, 1)
    scale = (width - label_w - 60) / top
    legend_h = 24
    height = legend_h + len(table) * (bar_h + gap) + 4
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'font-family="DejaVu Sans, sans-serif" font-size="11">']
    x = label_w
    for _code, label, color in classes:
        parts.append(f'<rect x="{x}" y="4" width="12" height="12" fill="{color}"/>'
                     f'<text x="{x + 16}" y="14">{html.escape(label)}</text>')
        x += 24 + 7 * len(label)
    for i, (name, row) in enumerate(table.iterrows()):
        y = legend_h + i * (bar_h + gap)
        parts.append(f'<text x="{label_w - 6}" y="{y + 12}" text-anchor="end">'
                     f'{html.escape(str(name))}</text>')
        x = float(label_w)
        for code, _label, color in classes:
            w = float(row.get(code, 0)) * scale
            if w > 0:
                parts.append(f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{bar_h}" '
                             f'fill="{color}"/>')
            x += w
        parts.append(f'<text x="{x + 4:.1f}" y="{y + 12}">{int(row.sum())}</text>')
    parts.append("</svg>")
    return "".join(parts)


def month_bars_svg(counts: pd.Series, width: int = 760, height: int = 220,
                   lang: str = "en") -> str:
    """Vertical bars of inspections per month with the month under every third bar."""
    n = max(len(counts), 1)
    top = max(int(counts.max()) if len(counts) else 0, 1)
    plot_h = height - 40
    bar_w = (width - 50) / n
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'font-family="DejaVu Sans, sans-serif" font-size="10">',
             f'<text x="0" y="12">{top}</text>',
             f'<line x1="40" y1="{plot_h + 10}" x2="{width}" y2="{plot_h + 10}" stroke="#555"/>']
    for i, (month, value) in enumerate(counts.items()):
        h = plot_h * int(value) / top
        x = 45 + i * bar_w
        label = month_label(month, lang)
        parts.append(f'<rect x="{x:.1f}" y="{plot_h + 10 - h:.1f}" width="{bar_w * 0.8:.1f}" '
                     f'height="{h:.1f}" fill="#2e86c1"><title>{label}: {int(value)}</title>'
                     '</rect>')
        if i % 3 == 0:
            parts.append(f'<text x="{x:.1f}" y="{height - 12}">{label}</text>')
    parts.append("</svg>")
    return "".join(parts)


_CSS = ("body{font-family:'DejaVu Sans',Arial,sans-serif;margin:2em;color:#222}"
        "table{border-collapse:collapse;margin:.5em 0 1.5em}"
        "th,td{border:1px solid #bbb;padding:3px 8px;text-align:right}"
        "th:first-child,td:first-child{text-align:left}th{background:#eef2f6}"
        "h1{margin-bottom:.2em}.note{color:#666}")


def _district_section(layer: MapLayer, districts: MapLayer, classes: list, lang: str,
                      name_field: str) -> str:
    """Chart and table of one layer per kelurahan.

    Assets without a condition (never inspected, or a code outside the domain) get an
    "Unknown" column and a grey bar, so each row's total is every asset in that kelurahan and
    the totals add up to the layer's count, as the headline table says.
    """
    codes = [c for c, _, _ in classes]
    table = condition_by_district(layer, districts, name_field, codes, unknown=True)
    classes = [*classes, (UNKNOWN, text("no_condition", lang), UNKNOWN_COLOR)]
    headers = [text("district", lang), *(label for _, label, _ in classes), text("total", lang)]
    rows = [[name, *(int(v) for v in row), int(row.sum())] for name, row in table.iterrows()]
    sums = table.sum(axis=0)
    rows.append([text("total", lang), *(int(v) for v in sums), int(sums.sum())])
    title = text("by_district", lang).format(layer.title_in(lang))
    return (f"<h2>{html.escape(title)}</h2>" + stacked_bars_svg(table, classes)
            + _table(headers, rows))


def build_report(layers: Sequence[MapLayer], catalog: Catalog | None, lang: str = "en",
                 source: str = "", districts_name: str = "districts",
                 name_field: str = "name", title: str | None = None) -> tuple[str, list[str], int]:
    """The report page, the asset layers it covers and the number of months charted."""
    assets = [lyr for lyr in layers
              if lyr.geometry_kind != "none" and "condition" in lyr.frame.columns]
    districts = next((lyr for lyr in layers if lyr.name == districts_name), None)
    inspections = next((lyr for lyr in layers if "inspected_on" in lyr.frame.columns
                        and lyr.geometry_kind == "none"), None)
    classes = _condition_labels(catalog, lang)
    title = title or text("title", lang)
    today = date_text(dt.date.today(), lang)
    generated = (text("generated", lang).format(today, source) if source
                 else text("generated_on", lang).format(today))
    parts = [f"<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">"
             f"<title>{html.escape(title)}</title><style>{_CSS}</style></head><body>",
             f"<h1>{html.escape(title)}</h1>",
             f"<p class=\"note\">{html.escape(generated)}</p>",
             f"<h2>{text('headline', lang)}</h2>",
             _table([text(k, lang) for k in ("layer", "features", "poor", "poor_share",
                                             "unknown")], headline_rows(assets, lang))]
    if districts is not None and name_field in districts.frame.columns:
        parts += [_district_section(lyr, districts, classes, lang, name_field) for lyr in assets]
    else:
        parts.append(f"<p class=\"note\">{text('no_districts', lang)}</p>")
    months = monthly_inspections(inspections)
    parts.append(f"<h2>{text('per_month', lang)}</h2>")
    if len(months):
        parts.append(month_bars_svg(months, lang=lang))
        parts.append(_table([text("month", lang), text("inspections", lang)],
                            [[month_label(m, lang), int(v)] for m, v in months.items()]))
    else:
        parts.append(f"<p class=\"note\">{text('no_inspections', lang)}</p>")
    parts.append("</body></html>")
    return "".join(parts), [lyr.name for lyr in assets], len(months)


def export_report(layers: Sequence[MapLayer], path: Path, catalog: Catalog | None,
                  lang: str = "en", source: str = "", title: str | None = None) -> ReportResult:
    """Write the HTML summary report to ``path``."""
    page, names, months = build_report(layers, catalog, lang, source, title=title)
    path = ensure_parent(path)
    path.write_text(page, encoding="utf-8")
    return ReportResult(path, path.stat().st_size, tuple(names), months)
