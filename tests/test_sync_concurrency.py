"""Several workstations against one hub: simultaneous syncs, many orders, nothing lost.

Two processes syncing to the same folder hub at the same moment must serialise on the hub's
lock (not corrupt it); and for any interleaving of edits and syncs by three working copies,
every value anyone typed ends up either in the hub or in a conflict record the hub keeps.
"""

from __future__ import annotations

import itertools
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pyogrio
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_sync_hubs import U1, U2, U3, write_mains

from gisdesk.io.gpkg_store_blob import register_functions
from gisdesk.sync.folder_hub import FolderHub
from gisdesk.sync.working_copy import WorkingCopy

KEYS = {"water_mains": "uuid"}
UUIDS = [U1, U2, U3]
FIELDS = ["asset_id", "notes"]  # fields without a merge policy: same-field clashes conflict


def edit(path: Path, uuid: str, field: str, value: str) -> None:
    with sqlite3.connect(path) as conn:
        register_functions(conn)
        conn.execute(f'UPDATE water_mains SET "{field}" = ? WHERE uuid = ?', (value, uuid))
    conn.close()


def hub_values(hub: FolderHub) -> dict[tuple[str, str], str]:
    frame = pyogrio.read_dataframe(hub.data, layer="water_mains").set_index("uuid")
    return {(u, f): frame.loc[u, f] for u in UUIDS for f in FIELDS}


def test_sync_concurrency_two_processes_at_once_both_land(tmp_path: Path) -> None:
    hub = FolderHub.init(tmp_path / "hub", write_mains(tmp_path / "src.gpkg"), KEYS, "adm")
    copies = [WorkingCopy.checkout(hub, tmp_path / name) for name in ("a", "b")]
    edit(copies[0].data, U1, "notes", "valve replaced (a)")
    edit(copies[1].data, U2, "notes", "leak repaired (b)")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "gisdesk", "sync", str(copy.folder), "--author", name],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for copy, name in zip(copies, ("ani", "budi"), strict=True)
    ]
    outputs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    with sqlite3.connect(hub.data) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    values = hub_values(hub)
    assert values[(U1, "notes")] == "valve replaced (a)"
    assert values[(U2, "notes")] == "leak repaired (b)"
    revisions = hub.log(10)
    assert sorted(r.author for r in revisions) == ["adm", "ani", "budi"]
    assert len({r.number for r in revisions}) == 3  # no revision number handed out twice


# A scenario: a list of steps, each either (copy, uuid, field) = an edit with a fresh value,
# or (copy, None, field) = that copy syncs.
step = st.tuples(
    st.integers(0, 2),
    st.one_of(st.none(), st.sampled_from(UUIDS)),
    st.sampled_from(FIELDS),
)


class Oracle:
    """What the decision table promises, per field, for fields without a policy.

    A copy's value goes up when the hub still has the value the copy started from; the hub's
    comes down when the copy did not touch the field; both differing is a conflict, the hub
    value stands and the copy's value is kept in a conflict record.
    """

    def __init__(self, start: dict[tuple[str, str], str], copies: int) -> None:
        self.hub = dict(start)
        self.base = [dict(start) for _ in range(copies)]
        self.local = [dict(start) for _ in range(copies)]
        self.conflicts: list[str] = []  # the values that lost

    def sync(self, i: int) -> None:
        for key, mine in self.local[i].items():
            base, theirs = self.base[i][key], self.hub[key]
            if mine != base and theirs == base:
                self.hub[key] = mine
            elif mine not in {base, theirs}:
                self.conflicts.append(mine)
        self.base[i] = dict(self.hub)
        self.local[i] = dict(self.hub)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(steps=st.lists(step, min_size=1, max_size=14))
def test_sync_concurrency_any_order_matches_the_decision_table(
    tmp_path_factory: pytest.TempPathFactory, steps: list[tuple[int, str | None, str]]
) -> None:
    root = tmp_path_factory.mktemp("orders")
    hub = FolderHub.init(root / "hub", write_mains(root / "src.gpkg"), KEYS, "adm")
    copies = [WorkingCopy.checkout(hub, root / f"c{i}") for i in range(3)]
    oracle = Oracle(hub_values(hub), len(copies))
    counter = itertools.count()
    schedule = [*steps, *((i, None, "") for _ in range(2) for i in range(3))]  # all converge
    for index, uuid, field in schedule:
        if uuid is None:
            copies[index].sync(f"user{index}")
            oracle.sync(index)
            assert hub_values(hub) == oracle.hub
        else:
            value = f"v{next(counter)}-c{index}"
            edit(copies[index].data, uuid, field, value)
            oracle.local[index][(uuid, field)] = value

    lost = [json.loads(r["mine"]) for r in hub.conflicts() if r["mine"]]
    assert sorted(lost) == sorted(oracle.conflicts)  # every conflict detected, none invented
    for copy in copies:
        frame = pyogrio.read_dataframe(copy.data, layer="water_mains").set_index("uuid")
        assert {(u, f): frame.loc[u, f] for u in UUIDS for f in FIELDS} == oracle.hub
