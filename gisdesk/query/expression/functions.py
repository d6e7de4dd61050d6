"""Built-in functions, each vectorised over whole columns.

A function receives evaluated arguments (:class:`~.values.Val`) and returns one. It reports a
wrong argument by raising :class:`ArgumentError` with the argument's index; the evaluator turns
that into an :class:`~.errors.ExpressionError` underlining that argument.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from gisdesk.i18n import translate
from gisdesk.query.expression.values import Val, as_text, to_date


class ArgumentError(Exception):
    """Argument ``index`` of a call has the wrong kind or value."""

    def __init__(self, message: str, index: int) -> None:
        super().__init__(message)
        self.index = index


@dataclass(frozen=True)
class Function:
    """Arity and implementation of a built-in function."""

    min_args: int
    max_args: int
    impl: Callable[[list[Val]], Val]


def _need(value: Val, kinds: tuple[str, ...], index: int, fname: str) -> None:
    if value.kind not in (*kinds, "null"):
        msg = translate("Expression", "{0}() expects {1} but argument {2} is {3}")
        raise ArgumentError(msg.format(fname, " or ".join(kinds), index + 1, value.kind), index)


def _date_part(part: str) -> Callable[[list[Val]], Val]:
    def impl(args: list[Val]) -> Val:
        value = args[0]
        _need(value, ("date", "text"), 0, part)
        if value.kind == "text":
            value = to_date(value) or Val(np.datetime64("NaT"), True, "date")
        if value.kind == "null":
            return Val(np.nan, True, "number")
        stamps = pd.DatetimeIndex(np.atleast_1d(value.data))
        numbers = getattr(stamps, part).to_numpy(dtype=float, na_value=np.nan)
        null = np.asarray(value.null) | np.isnan(numbers)
        return Val(numbers[0] if value.is_scalar else numbers,
                   bool(null[0]) if value.is_scalar else null, "number")

    return impl


def _now(args: list[Val]) -> Val:
    return Val(np.datetime64(pd.Timestamp.now().floor("s").to_datetime64()), False, "date")


def _text_map(name: str, method: str) -> Callable[[list[Val]], Val]:
    def impl(args: list[Val]) -> Val:
        text = as_text(args[0])
        if text.kind == "null":
            return Val(None, True, "number" if method == "len" else "text")
        series = pd.Series(np.atleast_1d(text.data), dtype=object)
        out = getattr(series.str, method)()
        kind = "number" if method == "len" else "text"
        data = out.to_numpy(dtype=float if kind == "number" else object)
        return Val(data[0] if text.is_scalar else data, text.null, kind)

    impl.__name__ = name
    return impl


def _coalesce(args: list[Val]) -> Val:
    kinds = {a.kind for a in args} - {"null"}
    if len(kinds) > 1:
        msg = translate("Expression", "coalesce() arguments mix kinds: {0}")
        raise ArgumentError(msg.format(", ".join(sorted(kinds))), len(args) - 1)
    kind = kinds.pop() if kinds else "null"
    data, null = args[-1].data, args[-1].null
    for arg in reversed(args[:-1]):
        if arg.kind == "null":
            continue
        data = np.where(arg.null, data, arg.data)
        null = np.logical_and(arg.null, null)
    if np.ndim(data) == 0:
        data, null = data.item() if hasattr(data, "item") else data, bool(null)
    return Val(data, null, kind)


def _numeric(name: str, op: Callable[[np.ndarray, int], np.ndarray]) -> Callable[[list[Val]], Val]:
    def impl(args: list[Val]) -> Val:
        _need(args[0], ("number",), 0, name)
        digits = 0
        if len(args) > 1:
            _need(args[1], ("number",), 1, name)
            if not args[1].is_scalar:
                raise ArgumentError(
                    translate("Expression", "{0}() needs a fixed number of digits").format(name), 1
                )
            digits = int(args[1].data)
        if args[0].kind == "null":
            return Val(np.nan, True, "number")
        return Val(op(np.asarray(args[0].data, dtype=float), digits), args[0].null, "number")

    return impl


def _to_number(name: str, whole: bool) -> Callable[[list[Val]], Val]:
    def impl(args: list[Val]) -> Val:
        value = args[0]
        _need(value, ("number", "text", "bool"), 0, name)
        if value.kind == "null":
            return Val(np.nan, True, "number")
        if value.kind == "text":
            numbers = pd.to_numeric(pd.Series(np.atleast_1d(value.data)), errors="coerce")
            data = numbers.to_numpy(dtype=float)
        else:
            data = np.atleast_1d(np.asarray(value.data, dtype=float))
        if whole:
            data = np.trunc(data)
        null = np.asarray(value.null) | np.isnan(data)
        if value.is_scalar:
            return Val(float(data[0]), bool(null[0]), "number")
        return Val(data, null, "number")

    return impl


def _to_string(args: list[Val]) -> Val:
    return as_text(args[0])


FUNCTIONS: dict[str, Function] = {
    "year": Function(1, 1, _date_part("year")),
    "month": Function(1, 1, _date_part("month")),
    "day": Function(1, 1, _date_part("day")),
    "now": Function(0, 0, _now),
    "lower": Function(1, 1, _text_map("lower", "lower")),
    "upper": Function(1, 1, _text_map("upper", "upper")),
    "length": Function(1, 1, _text_map("length", "len")),
    "coalesce": Function(1, 99, _coalesce),
    "abs": Function(1, 1, _numeric("abs", lambda x, _d: np.abs(x))),
    "round": Function(1, 2, _numeric("round", np.round)),
    "to_int": Function(1, 1, _to_number("to_int", whole=True)),
    "to_real": Function(1, 1, _to_number("to_real", whole=False)),
    "to_string": Function(1, 1, _to_string),
}
"""Every function the language knows, by lower-case name."""
