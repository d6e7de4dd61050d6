"""Recording inspections: append-only child records of any asset, linked by the asset's UUID.

An inspection never changes after it is written (field crews sync without conflicts that way);
what changes is the asset's ``condition`` and ``last_inspected``, which always follow its latest
inspection. Both happen in one command so undo takes back both. Photos are attached as files;
the inspection's ``photos`` field names them and the store copies them into the GeoPackage at
save time, so they travel (and later sync) with the data.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import numpy as np
import pandas as pd

from gisdesk.core import edits_frame as rows
from gisdesk.core.definitions import LayerDef
from gisdesk.core.edits import Command, EditContext, FeatureRef, field_error, new_uuid
from gisdesk.core.layer import MapLayer
from gisdesk.core.validation import coerce_record, describe_feature
from gisdesk.i18n import translate

INSPECTIONS = "inspections"
"""Name of the inspections layer (and table) in a project."""
_CTX = "Inspections"
DEFECT_SEPARATOR = ";"
"""Between the defect codes of one inspection ("CRACK;LEAK"), as the inspections definition's
``defects`` field says. One separator for every writer (the form, the sample generator) because
the code check below splits on it alone; readers for display and risk also accept ",", so files
written by older versions still read."""
PHOTO_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp", ".heic", ".tif", ".tiff"})
"""Photo files an inspection may carry (copied into the GeoPackage when saved)."""


def _add_months(day: dt.date, months: int) -> dt.date:
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    for dom in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, dom)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _defects_text(value: Any) -> str | None:
    """A list of defect codes (the inspection form's ticks) as stored text."""
    if value is None:
        return None
    if isinstance(value, list | tuple | set):
        return DEFECT_SEPARATOR.join(str(v) for v in value)
    return str(value)


def defect_codes(value: Any) -> list[str]:
    """The codes in a stored ``defects`` value (empty for none), split on the separator."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return []
    return [c.strip() for c in str(value).split(DEFECT_SEPARATOR) if c.strip()]


def latest_inspection(inspections: MapLayer, asset_uuid: str) -> dict[str, Any] | None:
    """The asset's most recent inspection (by date; the last recorded wins a tie), or None."""
    frame = inspections.frame
    if len(frame) == 0 or "asset_uuid" not in frame:
        return None
    mine = frame[(frame["asset_uuid"] == asset_uuid).to_numpy(dtype=bool, na_value=False)]
    if len(mine) == 0:
        return None
    dates = pd.to_datetime(mine["inspected_on"], errors="coerce").to_numpy()
    order = sorted(range(len(mine)), key=lambda i: (not pd.isna(dates[i]), dates[i], i))
    latest = mine.iloc[order[-1]]
    return {col: rows.py_value(latest[col]) for col in mine.columns}


@dataclass(kw_only=True)
class AddInspection(Command):
    """Append an inspection of an asset and bring the asset's condition up to date."""

    kind: ClassVar[str] = "add_inspection"
    layer: str = INSPECTIONS
    asset_layer: str
    asset_uuid: str
    values: dict[str, Any] = field(default_factory=dict)
    uuid: str = field(default_factory=new_uuid)
    photo_files: list[str] = field(default_factory=list)
    photo_ids: list[str] = field(default_factory=list)
    old_asset: dict[str, Any] = field(default_factory=dict)

    def text(self, ctx: EditContext | None = None) -> str:
        """History line: "Inspect JLN-0012"."""
        return translate("Inspections", "Inspect {feature}").format(
            feature=self._feature(ctx, self.asset_layer, self.asset_uuid))

    def permission_layers(self) -> list[str]:
        """Inspecting needs the right to edit the asset's layer, not the inspections table."""
        return [self.asset_layer]

    def touched(self) -> list[FeatureRef]:
        """The new inspection and the inspected asset."""
        return [(self.layer, self.uuid), (self.asset_layer, self.asset_uuid)]

    def _record(self, ctx: EditContext, adef: LayerDef, who: str) -> dict[str, Any]:
        record: dict[str, Any] = {
            "inspected_on": dt.date.today().isoformat(),
            "inspector": ctx.profile.name,
            **self.values,
            "uuid": self.uuid,
            "asset_uuid": self.asset_uuid,
            "asset_layer": self.asset_layer,
        }
        record["defects"] = _defects_text(record.get("defects"))
        template = adef.inspection
        if template and record.get("defects"):
            domain = ctx.catalog.domains.get(template.defects_domain)
            codes = [str(c) for c in domain.codes()] if domain else []
            bad = [c for c in defect_codes(record["defects"]) if c not in codes]
            if bad:
                msg = translate("Inspections",
                    "unknown defect codes {bad}; allowed: {codes}").format(
                    bad=", ".join(bad), codes=", ".join(codes)
                )
                raise field_error(self.layer, who, "defects", msg)
        record["photos"] = self._photo_refs(record.get("photos"), who)
        if template and record.get("next_due") is None and isinstance(record["inspected_on"], str):
            try:
                day = dt.date.fromisoformat(record["inspected_on"][:10])
            except ValueError:
                return record  # the date check in coerce_record names the field
            record["next_due"] = _add_months(day, template.interval_months).isoformat()
        return record

    def _photo_refs(self, given: Any, who: str) -> str | None:
        """The ``photos`` text: given references plus ``<photo uuid>/<file name>`` per file."""
        bad = [f for f in self.photo_files
               if not Path(f).is_file() or Path(f).suffix.lower() not in PHOTO_SUFFIXES]
        if bad:
            msg = translate("Inspections",
                "not an image file that can be attached: {files}").format(
                files=", ".join(str(f) for f in bad))
            raise field_error(self.layer, who, "photos", msg)
        if len(self.photo_ids) != len(self.photo_files):
            self.photo_ids = [new_uuid() for _ in self.photo_files]
        parts = [p for p in str(given or "").split(";") if p]
        for pid, path in zip(self.photo_ids, self.photo_files, strict=True):
            ref = f"{pid}/{Path(path).name}"
            if ref not in parts:
                parts.append(ref)
        return ";".join(parts) or None

    def photo_note(self) -> dict[str, str]:
        """What the store needs to copy the photo files into the GeoPackage at save time."""
        files = [[pid, str(Path(f).resolve())] for pid, f in
                 zip(self.photo_ids, self.photo_files, strict=True)]
        return {"photo_files": json.dumps(files)} if files else {}

    def do(self, ctx: EditContext) -> None:
        """Validate the inspection, append it, and update the asset's condition."""
        insp, idef = ctx.layer(self.layer), ctx.definition(self.layer)
        asset, adef = ctx.layer(self.asset_layer), ctx.definition(self.asset_layer)
        rows.require(asset, self.asset_uuid)
        row = rows.get_row(asset, self.asset_uuid) or {}
        who = describe_feature(adef, row)
        clean = coerce_record(idef, self._record(ctx, adef, who), ctx.catalog, who)
        self.values = {k: v for k, v in clean.items() if k not in ("uuid", "asset_uuid")}
        self.old_asset = {f: row.get(f) for f in ("condition", "last_inspected") if adef.field(f)}
        rows.insert_row(insp, clean)
        self._follow_latest(insp, asset)
        if self.photo_files:
            ctx.notes[(self.layer, self.uuid)] = self.photo_note()

    def _follow_latest(self, insp: MapLayer, asset: MapLayer) -> None:
        latest = latest_inspection(insp, self.asset_uuid)
        if latest is None:
            return
        updates = {
            "condition": latest.get("condition"),
            "last_inspected": latest.get("inspected_on"),
        }
        for name in self.old_asset:
            rows.set_cell(asset, self.asset_uuid, name, updates[name])

    def undo(self, ctx: EditContext) -> None:
        """Remove the inspection and restore the asset's previous condition and date."""
        rows.delete_row(ctx.layer(self.layer), self.uuid)
        ctx.notes.pop((self.layer, self.uuid), None)
        asset = ctx.layer(self.asset_layer)
        for name, value in self.old_asset.items():
            rows.set_cell(asset, self.asset_uuid, name, value)


def _dates(frame: pd.DataFrame, column: str) -> pd.Series:
    """``column`` as ``datetime64[ns]`` (NaT where missing or unreadable), even when empty.

    Typed explicitly because pandas types an empty or all-missing column as object/float, and
    mapping assets through such a column is what used to raise TypeError for a layer without
    any inspections.
    """
    if column not in frame:
        return pd.Series(pd.NaT, index=frame.index, dtype="datetime64[ns]")
    return pd.to_datetime(frame[column], errors="coerce").astype("datetime64[ns]")


def _latest_dates(inspections: MapLayer, layer_name: str) -> pd.DataFrame:
    """Date and ``next_due`` of each asset's latest inspection, indexed by asset UUID.

    "Latest" follows :func:`latest_inspection`: by date, an undated inspection counts as the
    oldest and the last recorded wins a tie. The result is typed (and simply empty) when the
    layer has no inspections at all, or the table lacks the linking columns.
    """
    frame = inspections.frame
    if {"asset_layer", "asset_uuid"} <= set(frame.columns):
        mine = frame[(frame["asset_layer"] == layer_name).to_numpy(dtype=bool, na_value=False)]
        mine = mine[mine["asset_uuid"].notna().to_numpy(dtype=bool)]
    else:
        mine = frame.iloc[0:0]
    table = pd.DataFrame({
        "uuid": (mine["asset_uuid"].astype(str).to_numpy(dtype=object) if "asset_uuid" in mine
                 else np.empty(0, dtype=object)),
        "_on": _dates(mine, "inspected_on").to_numpy(),
        "next_due": _dates(mine, "next_due").to_numpy(),
    })
    table = table.sort_values("_on", kind="stable", na_position="first")
    return table.drop_duplicates("uuid", keep="last").set_index("uuid")


def inspection_status(asset: MapLayer, inspections: MapLayer, today: dt.date) -> pd.DataFrame:
    """Per asset: latest inspection date, next due date and days overdue (for the overdue view).

    The due date is the latest inspection's ``next_due``, else its date plus the layer's
    interval; assets never inspected (including every asset of a layer without any
    inspections) have ``last_inspected`` NaT and are due today. Rows are sorted most overdue
    first.
    """
    key = rows.key_of(asset)
    months = asset.definition.inspection.interval_months if (
        asset.definition and asset.definition.inspection) else 12
    latest = _latest_dates(inspections, asset.name).reindex(
        asset.frame[key].astype(str).to_numpy(dtype=object))
    now = pd.Timestamp(today)
    out = pd.DataFrame({"uuid": asset.frame[key].to_numpy()})
    out["last_inspected"] = latest["_on"].to_numpy(dtype="datetime64[ns]")
    fallback = out["last_inspected"] + pd.DateOffset(months=months)
    due = pd.Series(latest["next_due"].to_numpy(dtype="datetime64[ns]"), index=out.index)
    out["next_due"] = due.fillna(fallback).fillna(now).astype("datetime64[ns]")
    out["days_overdue"] = (now - out["next_due"]).dt.days.clip(lower=0).astype(np.int64)
    return out.sort_values("days_overdue", ascending=False, kind="stable").reset_index(drop=True)
