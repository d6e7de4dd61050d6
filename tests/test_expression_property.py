"""Property tests: vectorised evaluation agrees with a plain Python row-by-row reading."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from gisdesk.query.expression import filter_mask

_values = st.one_of(st.none(), st.integers(min_value=-50, max_value=50))
_ops = st.sampled_from(["=", "<>", "<", "<=", ">", ">="])


def _cmp(a: float | None, op: str, b: float) -> bool | None:
    if a is None:
        return None
    return {"=": a == b, "<>": a != b, "<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b}[op]


def _and(x: bool | None, y: bool | None) -> bool | None:
    if x is False or y is False:
        return False
    return None if x is None or y is None else True


def _or(x: bool | None, y: bool | None) -> bool | None:
    if x is True or y is True:
        return True
    return None if x is None or y is None else False


@settings(max_examples=60, deadline=None)
@given(
    a=st.lists(_values, min_size=1, max_size=30),
    b_seed=st.integers(0, 2**31),
    op1=_ops,
    op2=_ops,
    k1=st.integers(-50, 50),
    k2=st.integers(-50, 50),
    joiner=st.sampled_from(["AND", "OR"]),
    negate=st.booleans(),
)
def test_expression_property_matches_row_by_row(*, a, b_seed, op1, op2, k1, k2, joiner, negate):
    rng = np.random.default_rng(b_seed)
    b = [None if rng.random() < 0.2 else int(rng.integers(-50, 50)) for _ in a]
    frame = pd.DataFrame({"a": pd.array(a, dtype="Int64"), "b": pd.array(b, dtype="Int64")})
    text = f'"a" {op1} {k1} {joiner} "b" {op2} {k2}'
    if negate:
        text = f"NOT ({text})"
    got = filter_mask(text, frame)
    combine = _and if joiner == "AND" else _or
    for i, (x, y) in enumerate(zip(a, b, strict=True)):
        truth = combine(_cmp(x, op1, k1), _cmp(y, op2, k2))
        if negate and truth is not None:
            truth = not truth
        assert bool(got[i]) == (truth is True), (text, x, y)


@settings(max_examples=40, deadline=None)
@given(
    values=st.lists(st.floats(-1e6, 1e6, allow_nan=False), min_size=1, max_size=30),
    k=st.floats(-1e3, 1e3, allow_nan=False).filter(lambda v: abs(v) > 1e-3),
)
def test_expression_property_arithmetic_matches_python(values, k):
    frame = pd.DataFrame({"x": values})
    got = filter_mask(f'("x" * 2 - {k!r}) / {k!r} > 1', frame)
    expected = [((v * 2 - k) / k) > 1 for v in values]
    assert got.tolist() == expected


@settings(max_examples=40, deadline=None)
@given(
    names=st.lists(st.text(alphabet="abAB%_. ", max_size=6), min_size=1, max_size=20),
    prefix=st.text(alphabet="abAB", min_size=0, max_size=2),
)
def test_expression_property_like_prefix_matches_startswith(names, prefix):
    frame = pd.DataFrame({"name": names})
    got = filter_mask(f"\"name\" LIKE '{prefix}%'", frame)
    assert got.tolist() == [n.startswith(prefix) for n in names]
    got_ci = filter_mask(f"\"name\" ILIKE '{prefix}%'", frame)
    assert got_ci.tolist() == [n.lower().startswith(prefix.lower()) for n in names]
