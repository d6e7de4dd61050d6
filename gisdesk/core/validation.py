"""Check attribute values against a layer definition before they reach the model or a file.

Every edit path (form, table cell, CLI, journal replay) funnels values through
:func:`coerce_value` so a value that breaks the definition is refused in the core, with a message
naming the layer, the feature and the field and saying what would be allowed. Values come back
in a canonical Python form (``int``, ``float``, ``str``, ``bool``, ISO date strings) so the undo
stack, the journal and the GeoPackage writer all see the same thing.
"""

from __future__ import annotations

import datetime as dt
import math
import uuid as uuidlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from gisdesk.core.definitions import Catalog, FieldDef, LayerDef
from gisdesk.i18n import QT_TRANSLATE_NOOP, language, translate

_CTX = "Validation"


@dataclass(frozen=True)
class Problem:
    """One refused value: where it is and what is wrong with it."""

    layer: str
    feature: str
    field: str
    message: str

    def __str__(self) -> str:
        return translate("Validation",
            "Layer '{layer}', feature {feature}, field '{field}': {msg}").format(
            layer=self.layer, feature=self.feature or "(new)", field=self.field, msg=self.message
        )


class FieldValueError(ValueError):
    """Raised when one or more values break the definition; ``problems`` lists them all."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))


def describe_feature(layer: LayerDef, row: Mapping[str, Any]) -> str:
    """Name a feature for people: its label (e.g. asset code) and its UUID."""
    key = row.get(layer.key)
    label = row.get(layer.label_field) if layer.label_field else None
    if label not in (None, "") and key:
        return f"{label} ({key})"
    return str(key or label or "")


def _is_missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    if isinstance(value, str) and value.strip() == "":
        return True
    return value is pd.NA or value is pd.NaT


def _to_int(value: Any) -> int:
    if isinstance(value, bool):
        raise TypeError
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        return int(value.strip())
    if hasattr(value, "item"):  # numpy scalar
        return _to_int(value.item())
    raise TypeError


def _to_float(value: Any) -> float:
    if isinstance(value, bool):
        raise TypeError
    if isinstance(value, int | float):
        out = float(value)
    elif isinstance(value, str):
        out = float(value.strip())
    elif hasattr(value, "item"):
        return _to_float(value.item())
    else:
        raise TypeError
    if not math.isfinite(out):
        raise ValueError
    return out


def _to_date(value: Any) -> str:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return dt.date.fromisoformat(value.strip()[:10]).isoformat()
    raise TypeError


def _to_datetime(value: Any) -> str:
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, str):
        return dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00")).isoformat()
    raise TypeError


def _to_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in ("true", "false", "1", "0"):
        return value.strip().lower() in ("true", "1")
    if hasattr(value, "item"):
        return _to_bool(value.item())
    raise TypeError


def _to_uuid(value: Any) -> str:
    return str(uuidlib.UUID(str(value).strip()))


def _to_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    raise TypeError


_CONVERTERS = {
    "uuid": _to_uuid,
    "text": _to_text,
    "integer": _to_int,
    "real": _to_float,
    "date": _to_date,
    "datetime": _to_datetime,
    "boolean": _to_bool,
}

_TYPE_HINTS = {  # marked for lupdate; translated when the message is made
    "uuid": QT_TRANSLATE_NOOP("Validation", "a UUID such as 123e4567-e89b-12d3-a456-426614174000"),
    "text": QT_TRANSLATE_NOOP("Validation", "text"),
    "integer": QT_TRANSLATE_NOOP("Validation", "a whole number"),
    "real": QT_TRANSLATE_NOOP("Validation", "a number"),
    "date": QT_TRANSLATE_NOOP("Validation", "a date YYYY-MM-DD"),
    "datetime": QT_TRANSLATE_NOOP("Validation", "a date and time YYYY-MM-DDTHH:MM:SS"),
    "boolean": QT_TRANSLATE_NOOP("Validation", "true or false"),
}


def _check_rules(fdef: FieldDef, value: Any, catalog: Catalog) -> str | None:
    """Return what is wrong with an already-typed value, or None."""
    if fdef.min is not None and value < fdef.min:
        text = translate("Validation", "{value} is below the minimum {min}")
        return text.format(value=value, min=fdef.min)
    if fdef.max is not None and value > fdef.max:
        text = translate("Validation", "{value} is above the maximum {max}")
        return text.format(value=value, max=fdef.max)
    if fdef.max_length is not None and isinstance(value, str) and len(value) > fdef.max_length:
        return translate("Validation", "text is {n} characters long; at most {max} allowed").format(
            n=len(value), max=fdef.max_length
        )
    if fdef.domain is not None:
        domain = catalog.domains.get(fdef.domain)
        if domain is not None and value not in domain.codes():
            allowed = ", ".join(f"{v.code} ({v.label.get(language())})" for v in domain.values)
            text = translate("Validation",
                "{value!r} is not in the list '{domain}'; allowed: {allowed}")
            return text.format(value=value, domain=fdef.domain, allowed=allowed)
    return None


def coerce_value(
    layer: LayerDef, field_name: str, value: Any, catalog: Catalog, feature: str = ""
) -> Any:
    """Return ``value`` in canonical form for ``field_name``, or raise :class:`FieldValueError`.

    Missing values (None, NaN, blank text) become None, which is refused for required fields.
    """
    fdef = layer.field(field_name)
    if fdef is None:
        msg = translate("Validation", "no such field in the layer definition")
        raise FieldValueError([Problem(layer.name, feature, field_name, msg)])
    if _is_missing(value):
        if fdef.required:
            msg = translate("Validation", "a value is required")
            raise FieldValueError([Problem(layer.name, feature, field_name, msg)])
        return None
    try:
        typed = _CONVERTERS[fdef.type](value)
    except (TypeError, ValueError, AttributeError):
        msg = translate("Validation", "{value!r} is not {expected}").format(
            value=value, expected=translate("Validation", _TYPE_HINTS[fdef.type])
        )
        raise FieldValueError([Problem(layer.name, feature, field_name, msg)]) from None
    wrong = _check_rules(fdef, typed, catalog)
    if wrong:
        raise FieldValueError([Problem(layer.name, feature, field_name, wrong)])
    return typed


def coerce_record(
    layer: LayerDef, record: Mapping[str, Any], catalog: Catalog, feature: str = ""
) -> dict[str, Any]:
    """Coerce every defined field of ``record``; raise one error listing every bad field.

    Fields missing from ``record`` count as empty, so required fields must be present.
    """
    out: dict[str, Any] = {}
    problems: list[Problem] = []
    for fdef in layer.fields:
        try:
            out[fdef.name] = coerce_value(layer, fdef.name, record.get(fdef.name), catalog, feature)
        except FieldValueError as exc:
            problems.extend(exc.problems)
    if problems:
        raise FieldValueError(problems)
    return out


def defaults(layer: LayerDef) -> dict[str, Any]:
    """Default values of a new feature, from the definition (fields without one are absent)."""
    return {f.name: f.default for f in layer.fields if f.default is not None}
