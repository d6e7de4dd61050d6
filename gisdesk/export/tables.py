"""Attribute tables for people: field labels as headers, domain labels as values, CSV and XLSX.

A council report must say "Condition: Poor", not ``condition = 2``. The same labelling feeds
web-map popups (:mod:`gisdesk.export.webmap_data`), so a value reads the same everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from gisdesk.core.definitions import Catalog, LayerDef
from gisdesk.i18n import translate
from gisdesk.paths import ensure_parent

TABLE_SUFFIXES = (".csv", ".xlsx")


@dataclass(frozen=True)
class TableExport:
    """What :func:`export_table` wrote: the file, its row count and its headers."""

    path: Path
    rows: int
    headers: list[str]


def field_label(name: str, definition: LayerDef | None, lang: str, with_unit: bool = True) -> str:
    """Header for column ``name``: the definition's label (with unit), else the raw name."""
    fdef = definition.field(name) if definition is not None else None
    if fdef is None:
        return name
    label = fdef.label.get(lang)
    return f"{label} ({fdef.unit})" if with_unit and fdef.unit else label


def ordered_columns(frame: pd.DataFrame, definition: LayerDef | None) -> list[str]:
    """Attribute columns in definition order, then any extra columns of the data; no geometry."""
    geometry = frame.geometry.name if hasattr(frame, "geometry") else None
    present = [c for c in frame.columns if c != geometry]
    declared = definition.field_names if definition is not None else []
    first = [c for c in declared if c in present]
    return first + [c for c in present if c not in first]


def domain_labels(
    series: pd.Series, definition: LayerDef | None, catalog: Catalog | None, lang: str
) -> pd.Series:
    """``series`` with coded values replaced by their domain labels; unknown codes stay as they are.

    Unknown codes are kept rather than blanked so a report never hides bad data.
    """
    if definition is None or catalog is None:
        return series
    domain = catalog.domain_for(definition, str(series.name))
    if domain is None:
        return series
    lookup = {v.code: v.label.get(lang) for v in domain.values}
    mapped = series.map(lookup)
    return mapped.where(mapped.notna(), series)


def labelled_frame(
    frame: pd.DataFrame,
    definition: LayerDef | None,
    catalog: Catalog | None,
    lang: str = "en",
    codes: bool = False,
) -> pd.DataFrame:
    """Attributes of ``frame`` with label headers and (unless ``codes``) domain labels as values.

    Parameters
    ----------
    frame
        Features or query results; a geometry column is dropped.
    definition, catalog
        Where labels come from; without them the raw names and values are kept.
    lang
        "en" or "id".
    codes
        Keep the stored codes (e.g. for re-import) instead of their labels.
    """
    columns = ordered_columns(frame, definition)
    out = pd.DataFrame(index=frame.index)
    headers = _unique_headers(columns, definition, lang)
    for name, header in zip(columns, headers, strict=True):
        col = frame[name]
        out[header] = col if codes else domain_labels(col, definition, catalog, lang)
    return out


def _unique_headers(columns: list[str], definition: LayerDef | None, lang: str) -> list[str]:
    """Labels, with the field name added where two fields would share a header."""
    labels = [field_label(c, definition, lang) for c in columns]
    return [
        f"{label} ({name})" if labels.count(label) > 1 else label
        for name, label in zip(columns, labels, strict=True)
    ]


def export_table(
    frame: pd.DataFrame,
    out_path: Path | str,
    *,
    definition: LayerDef | None = None,
    catalog: Catalog | None = None,
    lang: str = "en",
    codes: bool = False,
    sheet_name: str = "Data",
) -> TableExport:
    """Write ``frame``'s attributes to CSV or XLSX (chosen by the file suffix).

    CSV is written as UTF-8 with a byte-order mark because Excel, which most OPD staff open it
    with, otherwise garbles non-ASCII street names.

    Raises
    ------
    ValueError
        When the suffix is neither .csv nor .xlsx.
    """
    path = Path(out_path)
    suffix = path.suffix.lower()
    if suffix not in TABLE_SUFFIXES:
        msg = translate("Export", "{0}: tables can be written as .csv or .xlsx, not '{1}'")
        raise ValueError(msg.format(path, path.suffix))
    table = labelled_frame(frame, definition, catalog, lang, codes)
    table = _plain_values(table)
    ensure_parent(path)
    if suffix == ".csv":
        table.to_csv(path, index=False, encoding="utf-8-sig")
    else:
        _write_xlsx(table, path, sheet_name)
    return TableExport(path, len(table), list(table.columns))


def _plain_values(table: pd.DataFrame) -> pd.DataFrame:
    """Timezones dropped (Excel has none) and dates without a time shown as dates."""
    out = table.copy()
    for name in out.columns:
        col = out[name]
        if isinstance(col.dtype, pd.DatetimeTZDtype):
            col = col.dt.tz_localize(None)
        if pd.api.types.is_datetime64_any_dtype(col):
            valid = col.dropna()
            if (valid.dt.normalize() == valid).all():
                col = col.dt.date
        out[name] = col
    return out


def _write_xlsx(table: pd.DataFrame, path: Path, sheet_name: str) -> None:
    """One sheet with a bold frozen header row, filters and readable column widths."""
    from openpyxl.styles import Font  # noqa: PLC0415 - only XLSX export needs openpyxl

    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        table.to_excel(writer, sheet_name=sheet_name[:31], index=False)
        sheet = writer.sheets[sheet_name[:31]]
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = sheet.dimensions
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for i, name in enumerate(table.columns, start=1):
            sample = table[name].head(200).astype(str).str.len().max() if len(table) else 0
            sample = 0 if pd.isna(sample) else int(sample)  # an all-NaT date column reads NaN
            width = min(60, max(len(str(name)), sample) + 2)
            sheet.column_dimensions[sheet.cell(1, i).column_letter].width = width
