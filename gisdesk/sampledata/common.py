"""Attributes every asset layer shares: key, asset number, owner, install year, notes."""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from gisdesk.sampledata.ids import numbered, uuid4_strings

ASSET_NOTES = (
    "Data dari survei lapangan 2021", "Lokasi perlu diverifikasi", "Aset hasil serah terima",
    "Diperbaiki setelah banjir", "Dekat pasar, lalu lintas padat", "Usulan rehabilitasi",
)
_NOTE_SHARE = 0.03


def asset_notes(rng: np.random.Generator, n: int) -> pa.Array:
    """Mostly empty; a few assets carry a short remark as office staff leave them."""
    pick_note = rng.integers(0, len(ASSET_NOTES), n)
    notes = np.where(rng.random(n) < _NOTE_SHARE, np.asarray(ASSET_NOTES)[pick_note], None)
    return pa.array(notes, type=pa.string())


def asset_columns(
    rng: np.random.Generator, n: int, prefix: str, owner: str, install_year: np.ndarray
) -> dict[str, pa.Array | np.ndarray]:
    """The shared columns; ``condition`` and ``last_inspected`` come later from inspections."""
    return {
        "uuid": uuid4_strings(rng, n),
        "asset_id": numbered(prefix, np.arange(1, n + 1), 7),
        "owner_opd": pa.array(np.full(n, owner)),
        "install_year": np.asarray(install_year, dtype=np.int64),
        "notes": asset_notes(rng, n),
    }


def pick(rng: np.random.Generator, choices: tuple, weights: tuple, n: int) -> np.ndarray:
    """``n`` draws from ``choices`` with the given relative ``weights``."""
    p = np.asarray(weights, dtype=float)
    return np.asarray(choices)[rng.choice(len(choices), size=n, p=p / p.sum())]


def years_between(rng: np.random.Generator, first: np.ndarray | int, last: np.ndarray | int,
                  n: int) -> np.ndarray:
    """Uniform integer years from ``first`` to ``last`` inclusive (arrays broadcast)."""
    first = np.broadcast_to(first, n)
    last = np.broadcast_to(last, n)
    return (first + np.floor(rng.random(n) * (last - first + 1))).astype(np.int64)
