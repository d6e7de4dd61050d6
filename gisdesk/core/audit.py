"""The audit trail: who changed which feature, when, where from, and from what to what.

Records are derived at save time from the net change of each feature (its row as last saved
versus its row now), so an edit that was undone before saving leaves no trace and ten edits of
one field show as one old → new pair. The GeoPackage writer stores them in ``gisdesk_audit`` in
the same transaction as the data, so the trail can never disagree with the file.
"""

from __future__ import annotations

import datetime as dt
import socket
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

import shapely

from gisdesk.core.roles import Profile

Action = Literal["insert", "update", "delete", "geometry", "inspection"]
INSPECTIONS_LAYER = "inspections"


@dataclass(frozen=True)
class FeatureChange:
    """The net change of one feature since the last save (a row is None when absent)."""

    layer: str
    uuid: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    geometry_column: str | None = None
    notes: dict[str, str] = field(default_factory=dict)

    @property
    def is_noop(self) -> bool:
        """True when the feature ends as it started (e.g. added then undone)."""
        if self.before is None or self.after is None:
            return self.before is None and self.after is None
        return not changed_fields(self)


@dataclass(frozen=True)
class AuditRecord:
    """One line of the audit trail (values as text; geometry as WKT)."""

    changed_at: str
    user_name: str
    opd: str
    workstation: str
    layer: str
    feature_uuid: str
    action: Action
    field: str | None = None
    old_value: str | None = None
    new_value: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Column name → value, in table order."""
        return asdict(self)


def utc_now() -> str:
    """Current UTC time as GeoPackage-style ISO text (``2026-01-31T08:15:00.123Z``)."""
    now = dt.datetime.now(dt.UTC)
    return now.strftime("%Y-%m-%dT%H:%M:%S.") + f"{now.microsecond // 1000:03d}Z"


def workstation() -> str:
    """This computer's host name, so a change can be traced to a desk."""
    return socket.gethostname()


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, shapely.Geometry) and isinstance(b, shapely.Geometry):
        return bool(shapely.equals_exact(a, b, tolerance=0))
    a, b = (None if v == "" else v for v in (a, b))  # blank text and NULL mean the same
    return a == b


def changed_fields(change: FeatureChange) -> list[str]:
    """Columns whose value differs between ``before`` and ``after`` (both present)."""
    before, after = change.before or {}, change.after or {}
    return [c for c in after if not _same(before.get(c), after.get(c))]


def as_text(value: Any) -> str | None:
    """How a value is written in the trail (None stays NULL)."""
    if value is None:
        return None
    if isinstance(value, shapely.Geometry):
        return shapely.to_wkt(value, rounding_precision=6)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def records_for(
    change: FeatureChange, profile: Profile, when: str, host: str
) -> list[AuditRecord]:
    """Audit lines for one net change: one per insert/delete, one per changed field."""

    def rec(
        action: Action, fld: str | None = None, old: Any = None, new: Any = None
    ) -> AuditRecord:
        return AuditRecord(
            when, profile.name, profile.opd, host, change.layer, change.uuid, action, fld,
            as_text(old), as_text(new),
        )

    if change.is_noop:
        return []
    if change.before is None:
        action: Action = "inspection" if change.layer == INSPECTIONS_LAYER else "insert"
        origin = change.notes.get("split_from")
        if origin:
            return [rec(action, "split_from", origin, change.uuid)]
        return [rec(action)]
    if change.after is None:
        return [rec("delete")]
    out = []
    for name in changed_fields(change):
        kind: Action = "geometry" if name == change.geometry_column else "update"
        out.append(rec(kind, name, change.before.get(name), change.after.get(name)))
    return out


def audit_records(
    changes: list[FeatureChange], profile: Profile, when: str | None = None, host: str | None = None
) -> list[AuditRecord]:
    """Audit lines for a whole save, stamped with one time and this workstation."""
    stamp, desk = when or utc_now(), host or workstation()
    return [r for c in changes for r in records_for(c, profile, stamp, desk)]
