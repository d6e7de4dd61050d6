"""Column values as the evaluator sees them: data, a null mask and a kind.

SQL's NULL does not fit numpy, so every value carries a separate boolean ``null`` mask; ``data``
is meaningless where ``null`` is True (and kept False there for booleans, which the three-valued
AND/OR rely on). Scalars stay scalars so ``"x" > 2`` costs one vectorised comparison.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

KINDS = ("number", "text", "bool", "date", "null")


@dataclass
class Val:
    """An evaluated (sub)expression: array or scalar ``data``, ``null`` mask and ``kind``."""

    data: Any
    null: Any
    kind: str

    @property
    def is_scalar(self) -> bool:
        """True when the value is the same for every row."""
        return np.ndim(self.data) == 0


def literal(value: object) -> Val:
    """The value of a literal written in the expression."""
    if value is None:
        return Val(None, True, "null")
    if isinstance(value, bool):
        return Val(value, False, "bool")
    if isinstance(value, int | float):
        return Val(float(value), False, "number")
    if isinstance(value, pd.Timestamp):
        return Val(value.to_datetime64(), False, "date")
    return Val(str(value), False, "text")


def from_column(series: pd.Series) -> Val:
    """Convert a data-frame column, choosing the kind from its dtype.

    Integers become float64 (NaN-able, exact up to 2**53) so NULLs of nullable integer columns
    survive; text nulls become "" in ``data`` so comparisons never meet None.
    """
    null = series.isna().to_numpy()
    dtype = series.dtype
    if pd.api.types.is_bool_dtype(dtype):
        return Val(series.to_numpy(dtype=bool, na_value=False), null, "bool")
    if pd.api.types.is_numeric_dtype(dtype):
        return Val(series.to_numpy(dtype=float, na_value=np.nan), null, "number")
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return Val(_naive_datetimes(series), null, "date")
    first = series[~null].iloc[0] if (~null).any() else None
    if isinstance(first, dt.date):
        converted = pd.to_datetime(series, errors="coerce")
        return Val(_naive_datetimes(converted), converted.isna().to_numpy(), "date")
    data = series.to_numpy(dtype=object, na_value="")
    return Val(data, null, "text")


def _naive_datetimes(series: pd.Series) -> np.ndarray:
    if getattr(series.dtype, "tz", None) is not None:
        series = series.dt.tz_convert("UTC").dt.tz_localize(None)
    return series.to_numpy(dtype="datetime64[ns]")


def to_date(value: Val) -> Val | None:
    """A text value read as dates (ISO strings), or None when it does not parse."""
    if value.is_scalar:
        try:
            stamp = pd.Timestamp(str(value.data))
        except ValueError:
            return None
        return Val(stamp.to_datetime64(), value.null, "date")
    parsed = pd.to_datetime(pd.Series(value.data), errors="coerce", format="ISO8601")
    return Val(parsed.to_numpy(dtype="datetime64[ns]"), np.asarray(parsed.isna()), "date")


def as_text(value: Val) -> Val:
    """Numbers, booleans and dates written as text (QGIS-style: 3.0 prints as 3)."""
    if value.kind in ("text", "null"):
        return value
    series = pd.Series(np.atleast_1d(value.data))
    if value.kind == "number":
        text = _numbers_as_text(series)
    elif value.kind == "date":
        text = pd.Series(pd.to_datetime(series)).dt.strftime("%Y-%m-%d %H:%M:%S")
        text = text.str.removesuffix(" 00:00:00")
    else:
        text = series.map({True: "true", False: "false"})
    data = text.to_numpy(dtype=object)
    return Val(data[0] if value.is_scalar else data, value.null, "text")


def _numbers_as_text(series: pd.Series) -> pd.Series:
    """Whole numbers without the '.0' that float64 storage would add."""
    whole = np.isfinite(series) & (series == np.round(series))
    out = series.astype(str).astype(object)
    out[whole] = series[whole].astype("int64").astype(str)
    out[~np.isfinite(series)] = ""
    return out


def broadcast(value: Val, n: int) -> tuple[np.ndarray, np.ndarray]:
    """``(data, null)`` as arrays of length ``n``."""
    data = value.data
    if value.is_scalar:
        dtype = object if value.kind in ("text", "null") else None
        data = np.full(n, data, dtype=dtype)
    null = np.broadcast_to(np.asarray(value.null, dtype=bool), (n,))
    return data, null
