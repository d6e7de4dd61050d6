"""What an administrator reads back from a hub: conflict records and one asset's history.

Both hubs store conflict records and the change log as JSON text; this module turns them into
plain rows (when, who, layer, asset, field, the value kept, the value set aside) for the command
line and the app, so "no value anybody typed was lost" can be shown, not just claimed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from gisdesk.sync.changelog import row_from_json, value_from_json
from gisdesk.sync.hubs import Hub

_UNKNOWN = object()


@dataclass(frozen=True)
class ConflictEntry:
    """One decision a side lost, as kept on the hub."""

    revision: int
    time: str | None
    author: str
    layer: str
    uuid: str
    field: str | None  # None: the whole feature (an edit against a delete)
    kind: str  # field | edit_vs_delete | delete_vs_edit
    policy: str | None  # the field policy that decided, None: waiting for a person
    base: Any
    mine: Any
    theirs: Any
    kept: Any  # the value both sides hold after the sync
    set_aside: Any  # the value that lost (restorable from here)
    kept_known: bool = True  # False for records made before the kept value was stored


def conflict_entries(hub: Hub, uuid: str | None = None) -> list[ConflictEntry]:
    """Every conflict record of ``hub`` (or of one asset), oldest first."""
    out = []
    for record in hub.conflicts(uuid):
        base = value_from_json(record.get("base"))
        mine = value_from_json(record.get("mine"))
        theirs = value_from_json(record.get("theirs"))
        policy = record.get("resolved_by")
        stored = record.get("kept")
        kept = value_from_json(stored) if stored is not None else _inferred(
            record["kind"], policy, mine, theirs)
        known = kept is not _UNKNOWN
        if not known:
            kept = None
        out.append(ConflictEntry(
            revision=int(record["revision"]), time=record.get("time"),
            author=str(record["author"]), layer=str(record["layer"]), uuid=str(record["uuid"]),
            field=record.get("field"), kind=str(record["kind"]), policy=policy,
            base=base, mine=mine, theirs=theirs, kept=kept,
            set_aside=_set_aside(record["kind"], kept, mine, theirs) if known else None,
            kept_known=known,
        ))
    return out


def _inferred(kind: str, policy: str | None, mine: Any, theirs: Any) -> Any:
    """The kept value of an old record (no ``kept`` column yet), where the policy tells it."""
    if kind == "delete_vs_edit":
        return theirs
    if kind == "edit_vs_delete":
        return mine
    if policy in (None, "conflict", "theirs"):
        return theirs
    if policy == "mine":
        return mine
    if policy == "keep_both" and isinstance(mine, str) and isinstance(theirs, str):
        return f"{theirs}\n---\n{mine}"
    return _UNKNOWN  # "latest" depended on time fields the record does not hold


def _set_aside(kind: str, kept: Any, mine: Any, theirs: Any) -> Any:
    """The losing side: for an edit against a delete, the delete (None); for keep-both,
    nothing (both values are in the kept text)."""
    if kind != "field":
        return None
    if kept == theirs and kept != mine:
        return mine
    if kept == mine and kept != theirs:
        return theirs
    return None


@dataclass(frozen=True)
class AssetChange:
    """One change to one asset in one revision."""

    revision: int
    time: str
    author: str
    layer: str
    kind: str  # insert | update | delete
    fields: dict[str, tuple[Any, Any]]  # field -> (old, new), only the fields that changed


def asset_history(hub: Hub, uuid: str) -> list[AssetChange]:
    """Who changed what of asset ``uuid`` and when, oldest first (from the hub's change log).

    A push may carry only the fields it changed; a field absent from the old row is not shown
    as changed, so partial updates do not read as fields being cleared.
    """
    out = []
    for number, author, kind, old_text, new_text, time, layer in hub.feature_history(uuid):
        old, new = row_from_json(old_text) or {}, row_from_json(new_text) or {}
        if kind == "insert":
            fields = {k: (None, v) for k, v in new.items() if v is not None}
        elif kind == "delete":
            fields = {k: (v, None) for k, v in old.items() if v is not None}
        else:
            fields = {k: (old.get(k), v) for k, v in new.items() if k in old and old[k] != v}
        out.append(AssetChange(int(number), str(time), str(author), str(layer), kind, fields))
    return out
