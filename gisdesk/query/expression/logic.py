"""SQL's three-valued logic on value masks, and LIKE patterns as regular expressions.

``data`` is kept False where ``null`` is True, which is what lets AND/OR decide "FALSE AND NULL"
(false) and "TRUE OR NULL" (true) with plain boolean array operations.
"""

from __future__ import annotations

import re

import numpy as np

from gisdesk.query.expression.values import Val


def like_to_regex(pattern: str) -> str:
    r"""Translate a LIKE pattern: ``%`` any run, ``_`` one character, ``\%``/``\_`` literal."""
    out: list[str] = []
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and i + 1 < len(pattern):
            out.append(re.escape(pattern[i + 1]))
            i += 2
            continue
        out.append(".*" if ch == "%" else "." if ch == "_" else re.escape(ch))
        i += 1
    return "".join(out)


def and_(left: Val, right: Val) -> Val:
    """Three-valued AND."""
    known_false = (~np.asarray(left.data, dtype=bool) & ~np.asarray(left.null)) | (
        ~np.asarray(right.data, dtype=bool) & ~np.asarray(right.null)
    )
    null = np.logical_or(left.null, right.null) & ~known_false
    data = np.asarray(left.data, dtype=bool) & np.asarray(right.data, dtype=bool) & ~null
    return Val(data, null, "bool")


def or_(left: Val, right: Val) -> Val:
    """Three-valued OR."""
    known_true = np.asarray(left.data, dtype=bool) | np.asarray(right.data, dtype=bool)
    null = np.logical_or(left.null, right.null) & ~known_true
    return Val(known_true, null, "bool")


def not_(value: Val) -> Val:
    """Three-valued NOT (NOT NULL stays NULL)."""
    null = np.asarray(value.null, dtype=bool)
    return Val(~np.asarray(value.data, dtype=bool) & ~null, null, "bool")
