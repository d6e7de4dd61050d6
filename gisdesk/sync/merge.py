"""Three-way, per-field merge of local and hub changes: the decision table of sync.

Both sides' changes are computed against the same base (the hub revision the working copy last
synced with). Features are matched by their UUID, never by storage fid. For every feature changed on
both sides, each field (the geometry is the field ``geometry``, compared as WKB) is decided alone:

=============================  =======================================================
base / mine / theirs            decision
=============================  =======================================================
mine == theirs                  take it (both made the same change)
mine == base                    take theirs (only the hub changed it)
theirs == base                  take mine (only I changed it)
all three differ                the field's policy decides, else a conflict
=============================  =======================================================

An edit against a delete is always a conflict: a feature is never deleted silently. Whatever
loses a decision is returned in a :class:`Conflict`, so the hub can keep it and a person can
restore it. This module is pure (no I/O) so the whole table is tested for every pair.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Literal

Row = Mapping[str, Any]
"""A feature's values by field name, geometry under ``"geometry"`` as WKB bytes."""

ChangeKind = Literal["insert", "update", "delete"]


class Policy(StrEnum):
    """How a field resolves when both sides changed it differently (set in the layer definition)."""

    CONFLICT = "conflict"  # ask a person; the hub value stays until resolved
    THEIRS = "theirs"  # the hub wins (mine is kept in the conflict record)
    MINE = "mine"  # the workstation wins (theirs is kept in the conflict record)
    KEEP_BOTH = "keep_both"  # text: both values joined, nothing dropped
    LATEST = "latest"  # the value from the side with the later ``time_field`` wins


@dataclass(frozen=True)
class Change:
    """One feature changed on one side relative to the base."""

    layer: str
    uuid: str
    kind: ChangeKind
    old: Row | None  # base values (None for insert)
    new: Row | None  # values after the change (None for delete)


@dataclass(frozen=True)
class Conflict:
    """A field (or whole feature, ``field=None``) both sides changed differently."""

    layer: str
    uuid: str
    field: str | None
    base: Any
    mine: Any
    theirs: Any
    kind: Literal["field", "edit_vs_delete", "delete_vs_edit"] = "field"
    resolved_by: Policy | None = None
    kept: Any = None  # what both sides hold after the merge (the hub value while unresolved)


@dataclass
class MergeResult:
    """What to write where.

    ``to_hub`` are the changes the hub must apply (mine, merged); ``to_local`` are the changes the
    working copy must apply (theirs, merged). ``conflicts`` lists every decision a side lost,
    including those a policy resolved (``resolved_by`` set), so nothing typed is ever lost.
    """

    to_hub: list[Change] = field(default_factory=list)
    to_local: list[Change] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)

    @property
    def unresolved(self) -> list[Conflict]:
        """Conflicts still waiting for a person."""
        return [c for c in self.conflicts if c.resolved_by is None]


@dataclass(frozen=True)
class FieldPolicies:
    """Per layer and field policies; ``time_field`` orders LATEST (e.g. ``last_inspected``)."""

    policies: Mapping[str, Mapping[str, Policy]] = field(default_factory=dict)
    time_fields: Mapping[str, str] = field(default_factory=dict)

    def for_field(self, layer: str, name: str) -> Policy:
        """The policy of ``layer.name``; CONFLICT when none is configured."""
        return self.policies.get(layer, {}).get(name, Policy.CONFLICT)


def merge(
    mine: list[Change], theirs: list[Change], policies: FieldPolicies | None = None
) -> MergeResult:
    """Merge two change lists made against the same base.

    Parameters
    ----------
    mine, theirs
        Changes of the working copy and of the hub since the common base, one per feature.
    policies
        Per-field resolution policies; without them every true clash is a conflict.
    """
    policies = policies or FieldPolicies()
    result = MergeResult()
    their_index = {(c.layer, c.uuid): c for c in theirs}
    my_keys = set()
    for change in mine:
        key = (change.layer, change.uuid)
        my_keys.add(key)
        other = their_index.get(key)
        if other is None:
            result.to_hub.append(change)
        else:
            _merge_pair(change, other, policies, result)
    result.to_local.extend(c for c in theirs if (c.layer, c.uuid) not in my_keys)
    return result


def _merge_pair(mine: Change, theirs: Change, policies: FieldPolicies, out: MergeResult) -> None:
    if mine.kind == "delete" and theirs.kind == "delete":
        return  # both deleted: nothing left to do on either side
    if mine.kind == "delete" or theirs.kind == "delete":
        _edit_against_delete(mine, theirs, out)
        return
    base = mine.old or {}
    merged_hub: dict[str, Any] = {}
    merged_local: dict[str, Any] = {}
    assert mine.new is not None and theirs.new is not None
    for name in sorted(set(mine.new) | set(theirs.new)):
        b, m, t = base.get(name), mine.new.get(name), theirs.new.get(name)
        winner = _decide(mine, theirs, name, b, m, t, policies, out)
        if winner != t:
            merged_hub[name] = winner
        if winner != m:
            merged_local[name] = winner
    if merged_hub:
        out.to_hub.append(_partial(mine, theirs.new, merged_hub))
    if merged_local:
        out.to_local.append(_partial(theirs, mine.new, merged_local))


def _decide(
    mine: Change, theirs: Change, name: str, b: Any, m: Any, t: Any,
    policies: FieldPolicies, out: MergeResult,
) -> Any:
    """The value a field ends with on both sides; records a Conflict when one side loses."""
    if m in (t, b):
        return t
    if t == b:
        return m
    policy = policies.for_field(mine.layer, name)
    winner = _apply_policy(policy, mine, theirs, m, t, policies)
    resolved = None if policy is Policy.CONFLICT else policy
    out.conflicts.append(
        Conflict(mine.layer, mine.uuid, name, b, m, t, "field", resolved, winner))
    return winner


def _apply_policy(
    policy: Policy, mine: Change, theirs: Change, m: Any, t: Any, policies: FieldPolicies
) -> Any:
    if policy is Policy.MINE:
        return m
    if policy is Policy.KEEP_BOTH and isinstance(m, str) and isinstance(t, str):
        return f"{t}\n---\n{m}"
    if policy is Policy.LATEST:
        time_field = policies.time_fields.get(mine.layer)
        mine_time = (mine.new or {}).get(time_field) if time_field else None
        their_time = (theirs.new or {}).get(time_field) if time_field else None
        if mine_time is not None and (their_time is None or mine_time > their_time):
            return m
    # CONFLICT (and THEIRS, and the fall-backs above): the hub value stands until a person
    # chooses; the local value survives in the conflict record.
    return t


def _edit_against_delete(mine: Change, theirs: Change, out: MergeResult) -> None:
    """Keep the edited feature on both sides and record the delete as a conflict."""
    if mine.kind == "delete":
        assert theirs.new is not None
        out.conflicts.append(
            Conflict(mine.layer, mine.uuid, None, mine.old, None, theirs.new, "delete_vs_edit",
                     kept=theirs.new)
        )
        # My delete loses for now: the hub's edited feature comes back to my working copy.
        out.to_local.append(Change(theirs.layer, theirs.uuid, "insert", None, theirs.new))
    else:
        assert mine.new is not None
        out.conflicts.append(
            Conflict(mine.layer, mine.uuid, None, mine.old, mine.new, None, "edit_vs_delete",
                     kept=mine.new)
        )
        # Their delete loses for now: my edited feature goes back into the hub.
        out.to_hub.append(Change(mine.layer, mine.uuid, "insert", None, mine.new))


def _partial(origin: Change, other_new: Row, updates: dict[str, Any]) -> Change:
    """An update taking the side being written (which holds ``other_new``) to merged values."""
    return Change(origin.layer, origin.uuid, "update", other_new, {**other_new, **updates})
