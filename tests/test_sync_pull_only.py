"""A sync that only receives writes no revision: the hub's history shows real changes only,
and two workstations stop moving the head for each other (their next syncs are no-ops)."""

from __future__ import annotations

from pathlib import Path

from test_sync_hubs import U1, hub, read, sql  # noqa: F401 - `hub` is a fixture

from gisdesk.sync.hubs import Hub
from gisdesk.sync.working_copy import WorkingCopy


def test_sync_pull_only_adds_no_revision_and_settles(
    hub: Hub, tmp_path: Path  # noqa: F811 - the fixture imported above
) -> None:
    a = WorkingCopy.checkout(hub, tmp_path / "a")
    b = WorkingCopy.checkout(hub, tmp_path / "b")
    sql(a.data, "UPDATE water_mains SET notes = 'valve stuck' WHERE uuid = ?", (U1,))
    pushed = a.sync("ani")
    assert len(pushed.pushed) == 1
    head = hub.head()
    revisions = len(hub.log(limit=1000))

    pulled = b.sync("budi")
    assert [c.uuid for c in pulled.pulled] == [U1] and pulled.pushed == []
    assert read(b.data).loc[U1, "notes"] == "valve stuck"
    assert hub.head() == head and len(hub.log(limit=1000)) == revisions
    assert pulled.revision == head

    # both are now at the head: the next syncs have nothing to do
    assert a.sync("ani").up_to_date and b.sync("budi").up_to_date
