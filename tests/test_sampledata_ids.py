"""Vectorised identifiers are valid UUID4 strings and zero-padded asset numbers."""

from __future__ import annotations

import uuid

import numpy as np
import pytest

from gisdesk.sampledata.ids import numbered, uuid4_strings


def test_sampledata_ids_uuid4_strings_parse_as_version4() -> None:
    values = uuid4_strings(np.random.default_rng(1), 500).to_pylist()
    parsed = [uuid.UUID(v) for v in values]
    assert all(p.version == 4 and p.variant == uuid.RFC_4122 for p in parsed)
    assert [str(p) for p in parsed] == values
    assert len(set(values)) == 500


def test_sampledata_ids_uuid4_strings_reproducible() -> None:
    a = uuid4_strings(np.random.default_rng(7), 50)
    b = uuid4_strings(np.random.default_rng(7), 50)
    c = uuid4_strings(np.random.default_rng(8), 50)
    assert a.equals(b)
    assert not a.equals(c)


def test_sampledata_ids_numbered_zero_pads() -> None:
    assert numbered("PJU-", np.array([1, 42, 9999]), 4).to_pylist() == [
        "PJU-0001", "PJU-0042", "PJU-9999"]


def test_sampledata_ids_numbered_rejects_overflow() -> None:
    with pytest.raises(ValueError, match="PJU-"):
        numbered("PJU-", np.array([10_000]), 4)
