"""The Selection model: per-layer rows and a changed event only on real changes."""

import pytest

from gisdesk.core.selection import Selection


def test_selection_set_add_remove_toggle():
    sel = Selection()
    seen = []
    sel.changed.connect(seen.append)
    sel.set("valves", [3, 1, 3])
    assert sel.rows("valves").tolist() == [1, 3]
    sel.add("valves", [2])
    sel.remove("valves", [1])
    assert sel.rows("valves").tolist() == [2, 3]
    sel.toggle("valves", [3, 5])
    assert sel.rows("valves").tolist() == [2, 5]
    assert seen == ["valves"] * 4


def test_selection_no_event_when_unchanged_and_counts():
    sel = Selection()
    sel.set("roads", [1, 2])
    sel.set("valves", [7])
    seen = []
    sel.changed.connect(seen.append)
    sel.set("roads", [2, 1])
    assert seen == []
    assert sel.count() == 3
    assert sel.count("roads") == 2
    assert sel.count("nothing") == 0
    assert sorted(sel.layers()) == ["roads", "valves"]


def test_selection_clear_one_or_all():
    sel = Selection()
    sel.set("roads", [1])
    sel.set("valves", [7])
    seen = []
    sel.changed.connect(seen.append)
    sel.clear("roads")
    assert sel.layers() == ["valves"]
    sel.clear()
    assert sel.count() == 0
    assert seen == ["roads", "valves"]
    sel.clear()
    assert seen == ["roads", "valves"]


def test_selection_rows_copy_does_not_leak_state():
    sel = Selection()
    sel.set("roads", [1, 2])
    rows = sel.rows("roads")
    rows[0] = 99
    assert sel.rows("roads").tolist() == [1, 2]


def test_selection_rejects_negative_rows():
    with pytest.raises(ValueError, match="non-negative"):
        Selection().set("roads", [-1])


def test_selection_retain_drops_removed_layers():
    sel = Selection()
    sel.set("roads", [1])
    sel.set("valves", [7, 8])
    seen = []
    sel.changed.connect(seen.append)
    sel.retain(["valves", "drains"])
    assert sel.layers() == ["valves"]
    assert sel.count() == 2
    assert seen == ["roads"]
