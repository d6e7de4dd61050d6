"""Storing changes and revisions as text, the same way on every hub.

A revision's changes are kept as JSON rows (geometry as hex WKB) so that any hub — a SQLite file
in a shared folder or a PostgreSQL server — can answer "what changed since revision N" and "what
happened to this asset over time" without a GIS library.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from gisdesk.sync.merge import Change, Conflict

_BYTES = "$wkb"


def _default(value: Any) -> Any:
    """json.dumps fallback: bytes as hex WKB, anything else (dates) as text.

    Called by the C encoder only for values JSON cannot hold, so plain rows are encoded
    without a Python call per field (the change log of a 10 000-feature push is 20 000 rows).
    """
    if isinstance(value, bytes | bytearray | memoryview):
        return {_BYTES: bytes(value).hex()}
    return str(value)


def _decode(value: Any) -> Any:
    if isinstance(value, dict) and set(value) == {_BYTES}:
        return bytes.fromhex(value[_BYTES])
    return value


def row_to_json(row: dict | None) -> str | None:
    """JSON text of a row (None stays None)."""
    if row is None:
        return None
    return json.dumps(row, sort_keys=True, default=_default)


def row_from_json(text: str | None) -> dict | None:
    """Inverse of :func:`row_to_json`."""
    if text is None:
        return None
    return {k: _decode(v) for k, v in json.loads(text).items()}


def value_to_json(value: Any) -> str:
    """JSON text of one field value or of a whole row (conflict records).

    Bytes at any depth become hex WKB: a whole-feature conflict (an edit against a delete)
    keeps the losing feature's geometry restorable, not as Python's ``b'…'`` text.
    """
    return json.dumps(value, sort_keys=True, default=_default)


def value_from_json(text: str | None) -> Any:
    """Inverse of :func:`value_to_json`."""
    if text is None:
        return None
    value = json.loads(text)
    if isinstance(value, dict) and set(value) != {_BYTES}:
        return {k: _decode(v) for k, v in value.items()}
    return _decode(value)


@dataclass(frozen=True)
class Revision:
    """One sync that reached the hub."""

    number: int
    author: str
    time: str
    summary: str
    sync_id: str


def coalesce(rows: Iterable[tuple[str, str, str | None, str | None]]) -> list[Change]:
    """Fold ordered (layer, uuid, old_json, new_json) rows into one change per feature.

    The first old value and the last new value survive; an insert later deleted vanishes.
    """
    first_old: dict[tuple[str, str], str | None] = {}
    last_new: dict[tuple[str, str], str | None] = {}
    for layer, uuid, old, new in rows:
        key = (layer, uuid)
        if key not in first_old:
            first_old[key] = old
        last_new[key] = new
    out = []
    for key, old_text in first_old.items():
        old, new = row_from_json(old_text), row_from_json(last_new[key])
        if old is None and new is None:
            continue
        kind = "insert" if old is None else ("delete" if new is None else "update")
        out.append(Change(key[0], key[1], kind, old, new))
    return out


def summarise(changes: list[Change], conflicts: list[Conflict]) -> str:
    """"3 updated, 1 added in water_mains; 1 conflict" — the line shown in the history."""
    per_layer: dict[str, dict[str, int]] = {}
    for change in changes:
        counts = per_layer.setdefault(change.layer, {})
        counts[change.kind] = counts.get(change.kind, 0) + 1
    words = {"insert": "added", "update": "updated", "delete": "deleted"}
    parts = [
        ", ".join(f"{n} {words[k]}" for k, n in sorted(counts.items())) + f" in {layer}"
        for layer, counts in sorted(per_layer.items())
    ]
    if conflicts:
        parts.append(f"{len(conflicts)} conflict{'s' if len(conflicts) != 1 else ''}")
    return "; ".join(parts) or "no changes"
