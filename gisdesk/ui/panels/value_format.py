"""Attribute values as people read them: domain labels, units, local number format.

Shared by the identify panel (and usable by any table or form): a stored code ``2`` in a
``condition`` field reads "Poor" / "Buruk", a diameter reads "150 mm", a length "1.234,5" in
Indonesian. Missing values read as an empty string, never "nan" or "None".
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import QCoreApplication, QLocale

from gisdesk.core.definitions import Catalog, Domain, FieldDef, LayerDef
from gisdesk.ui.i18n import format_date, locale_for

_GROUP_FROM = 10_000
"""Numbers below this print without a thousands separator, so years read 2015, not 2.015."""


def is_missing(value: Any) -> bool:
    """True for None, NaN, NaT and pandas NA."""
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # arrays and other non-scalars are values, not gaps
        return False


def format_scalar(value: Any, lang: str | None = None) -> str:
    """A raw value (no definition) in the language's number format."""
    if is_missing(value):
        return ""
    if isinstance(value, bool | np.bool_):
        return yes_no(bool(value))
    locale = locale_for(lang)
    if isinstance(value, int | np.integer):
        return _integer(int(value), locale)
    if isinstance(value, float | np.floating):
        return _real(float(value), locale)
    if isinstance(value, dt.date):
        return format_date(value, lang)  # "5 Mar 2024": day, named month, year; no 05/03 mix-up
    return str(value)


def _integer(value: int, locale: QLocale) -> str:
    if abs(value) < _GROUP_FROM:
        return str(value).replace("-", locale.negativeSign())
    return locale.toString(value)


def _real(value: float, locale: QLocale) -> str:
    if math.isfinite(value) and value.is_integer() and abs(value) < 1e15:
        return _integer(int(value), locale)
    if abs(value) < _GROUP_FROM:
        locale = QLocale(locale)
        locale.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
    return locale.toString(value, "f", QLocale.FloatingPointPrecisionOption.FloatingPointShortest)


def yes_no(value: bool) -> str:
    """Translated Yes / No."""
    if value:
        return QCoreApplication.translate("ValueFormat", "Yes")
    return QCoreApplication.translate("ValueFormat", "No")


def format_codes(value: Any, domain: Domain | None, lang: str) -> str:
    """A list of codes ("CRACK;LEAK", also comma-separated) as their labels: "Retak, Bocor".

    Unknown codes are kept as they are, so nothing recorded disappears from view.
    """
    if is_missing(value):
        return ""
    codes = [c.strip() for c in re.split(r"[;,]", str(value)) if c.strip()]
    if domain is None:
        return ", ".join(codes)
    return ", ".join(domain.label(c, lang) or c for c in codes)


def defects_domain(catalog: Catalog, asset_layer: Any) -> Domain | None:
    """The defect domain of an inspected asset layer (its inspection template's, else "defect")."""
    definition = catalog.match(str(asset_layer)) if asset_layer else None
    template = definition.inspection if definition is not None else None
    return catalog.domains.get(template.defects_domain if template else "defect")


def domain_code(value: Any, integer_domain: bool) -> Any:
    """``value`` as the domain stores it (pandas turns integer columns with gaps into floats)."""
    if integer_domain and isinstance(value, float) and value.is_integer():
        return int(value)
    if hasattr(value, "item"):
        return value.item()
    return value


def format_field(value: Any, fdef: FieldDef, catalog: Catalog, layer: LayerDef,
                 lang: str) -> str:
    """``value`` of field ``fdef``: the domain label when coded, else formatted, plus unit."""
    if is_missing(value):
        return ""
    domain = catalog.domain_for(layer, fdef.name)
    if domain is not None:
        code = domain_code(value, domain.type == "integer")
        label = domain.label(code, lang)
        return label if label is not None else str(code)
    if fdef.type == "boolean":
        return yes_no(bool(value))
    if fdef.type in ("date", "datetime") and isinstance(value, str):
        return format_date(value, lang)  # GeoPackages store dates as ISO text
    text = format_scalar(value, lang)
    return f"{text} {fdef.unit}" if fdef.unit and text else text


def attribute_rows(row: pd.Series, definition: LayerDef | None, catalog: Catalog,
                   lang: str) -> list[tuple[str, str]]:
    """(label, value) pairs for one feature, in definition order then any extra columns.

    Columns the definition does not know (or every column of an undefined layer) are shown
    under their raw names with raw values, so nothing in the data is hidden.
    """
    out: list[tuple[str, str]] = []
    known: set[str] = set()
    if definition is not None:
        for fdef in definition.fields:
            if fdef.name in row.index:
                out.append((fdef.label.get(lang), format_field(row[fdef.name], fdef, catalog,
                                                               definition, lang)))
                known.add(fdef.name)
    skip = {"geometry"} | known
    geometry_name = getattr(row, "_geometry_column_name", None)
    if geometry_name:
        skip.add(geometry_name)
    for column in row.index:
        if column not in skip and not _is_geometry(row[column]):
            out.append((str(column), format_scalar(row[column], lang)))
    return out


def _is_geometry(value: Any) -> bool:
    return hasattr(value, "geom_type") and hasattr(value, "wkb")
