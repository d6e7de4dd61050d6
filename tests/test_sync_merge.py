"""The three-way merge decision table, for every pair of change kinds and every field case."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from gisdesk.sync.merge import Change, FieldPolicies, Policy, merge

BASE = {"condition": 3, "notes": "ok", "geometry": b"\x01\x01"}


def upd(**new: Any) -> Change:
    return Change("water_mains", "u1", "update", BASE, {**BASE, **new})


def test_sync_merge_different_fields_both_win() -> None:
    result = merge([upd(condition=2)], [upd(notes="leak at joint")])
    assert result.conflicts == []
    [to_hub] = result.to_hub
    [to_local] = result.to_local
    assert to_hub.new == {**BASE, "condition": 2, "notes": "leak at joint"}
    assert to_local.new == to_hub.new


def test_sync_merge_same_field_different_values_is_conflict_hub_value_stands() -> None:
    result = merge([upd(condition=2)], [upd(condition=1)])
    [conflict] = result.unresolved
    assert (conflict.field, conflict.base, conflict.mine, conflict.theirs) == ("condition", 3, 2, 1)
    assert result.to_hub == []  # the hub keeps 1 until a person decides
    [to_local] = result.to_local
    assert to_local.new["condition"] == 1


def test_sync_merge_same_change_on_both_sides_is_not_a_conflict() -> None:
    result = merge([upd(condition=1)], [upd(condition=1)])
    assert result.conflicts == [] and result.to_hub == [] and result.to_local == []


def test_sync_merge_geometry_is_a_field() -> None:
    result = merge([upd(geometry=b"mine")], [upd(geometry=b"theirs")])
    assert [c.field for c in result.conflicts] == ["geometry"]


def test_sync_merge_edit_against_hub_delete_is_conflict_and_feature_returns() -> None:
    theirs = Change("water_mains", "u1", "delete", BASE, None)
    result = merge([upd(condition=2)], [theirs])
    [conflict] = result.conflicts
    assert conflict.kind == "edit_vs_delete" and conflict.mine["condition"] == 2
    [back] = result.to_hub
    assert back.kind == "insert" and back.new["condition"] == 2


def test_sync_merge_my_delete_against_hub_edit_is_conflict_never_silent() -> None:
    mine = Change("water_mains", "u1", "delete", BASE, None)
    result = merge([mine], [upd(notes="repaired")])
    [conflict] = result.conflicts
    assert conflict.kind == "delete_vs_edit"
    assert result.to_hub == []
    [back] = result.to_local
    assert back.kind == "insert" and back.new["notes"] == "repaired"


def test_sync_merge_both_delete_is_quiet() -> None:
    gone = Change("water_mains", "u1", "delete", BASE, None)
    result = merge([gone], [gone])
    assert result.conflicts == [] and result.to_hub == [] and result.to_local == []


def test_sync_merge_policy_keep_both_joins_text_and_records_it() -> None:
    pol = FieldPolicies({"water_mains": {"notes": Policy.KEEP_BOTH}})
    result = merge([upd(notes="mine")], [upd(notes="theirs")], pol)
    assert result.unresolved == []
    [conflict] = result.conflicts
    assert conflict.resolved_by is Policy.KEEP_BOTH
    [to_hub] = result.to_hub
    assert to_hub.new["notes"] == "theirs\n---\nmine"


def test_sync_merge_policy_latest_uses_time_field() -> None:
    pol = FieldPolicies(
        {"water_mains": {"condition": Policy.LATEST}}, {"water_mains": "last_inspected"}
    )
    mine = upd(condition=1, last_inspected="2026-05-02")
    theirs = upd(condition=4, last_inspected="2026-04-01")
    result = merge([mine], [theirs], pol)
    assert result.to_hub[0].new["condition"] == 1
    assert result.conflicts[0].resolved_by is Policy.LATEST


def test_sync_merge_one_sided_changes_pass_through() -> None:
    other = Change("valves", "v9", "insert", None, {"status": "OPEN"})
    result = merge([upd(condition=2)], [other])
    assert [c.uuid for c in result.to_hub] == ["u1"]
    assert [c.uuid for c in result.to_local] == ["v9"]


values = st.sampled_from([1, 2, 3])


@given(m=values, t=values)
def test_sync_merge_no_value_is_lost(m: int, t: int) -> None:
    """Whatever both sides typed ends up in the merged value or in a conflict record."""
    base = {"condition": 3}
    mine = Change("l", "u", "update", base, {"condition": m})
    theirs = Change("l", "u", "update", base, {"condition": t})
    result = merge([mine], [theirs])
    hub_value = result.to_hub[0].new["condition"] if result.to_hub else t
    local_value = result.to_local[0].new["condition"] if result.to_local else m
    kept = {hub_value} | {c.mine for c in result.conflicts} | {c.theirs for c in result.conflicts}
    typed = {v for v in (m, t) if v != 3}  # a side that left the base value typed nothing
    assert typed <= kept
    if m != t and 3 not in (m, t):
        assert len(result.unresolved) == 1
    else:
        assert hub_value == local_value  # no conflict: both sides converge
