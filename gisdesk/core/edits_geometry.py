"""Geometry edit commands: replace a feature's shape, and split a line in two.

Moving a feature and moving, adding or deleting vertices all end in a new geometry for one
feature, so the canvas tools compute that geometry and issue :class:`SetGeometry`; the core only
has to check it (type, validity, a line of at least two points) and keep the old one for undo.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

import numpy as np
import shapely
from shapely.ops import substring

from gisdesk.core import edits_frame as rows
from gisdesk.core.edits import (
    Command,
    EditContext,
    FeatureRef,
    check_geometry,
    field_error,
    new_uuid,
    refuse_taken_uuid,
)
from gisdesk.core.validation import describe_feature
from gisdesk.i18n import translate

_CTX = "Edits"


def _geometry_column(ctx: EditContext, layer: str) -> str:
    col = rows.geometry_column(ctx.layer(layer).frame)
    if col is None:
        raise field_error(layer, "", "geometry", translate("Edits", "the layer has no geometry"))
    return col


@dataclass(kw_only=True)
class SetGeometry(Command):
    """Give a feature a new geometry (in the project CRS)."""

    kind: ClassVar[str] = "set_geometry"
    uuid: str
    geometry: Any
    old: Any = None

    def text(self, ctx: EditContext | None = None) -> str:
        """History line (moving a feature or its vertices): "Change geometry of PJU-0101"."""
        return translate("Edits", "Change geometry of {feature}").format(
            feature=self._feature(ctx, self.layer, self.uuid))

    def touched(self) -> list[FeatureRef]:
        """The reshaped feature."""
        return [(self.layer, self.uuid)]

    def do(self, ctx: EditContext) -> None:
        """Check the new geometry, remember the old one, set it."""
        lyr, ldef = ctx.layer(self.layer), ctx.definition(self.layer)
        col = _geometry_column(ctx, self.layer)
        row = rows.get_row(lyr, self.uuid) or {}
        rows.require(lyr, self.uuid)
        check_geometry(ldef, self.geometry, describe_feature(ldef, row))
        self.old = row.get(col)
        rows.set_cell(lyr, self.uuid, col, self.geometry)

    def undo(self, ctx: EditContext) -> None:
        """Put the old geometry back."""
        col = _geometry_column(ctx, self.layer)
        rows.set_cell(ctx.layer(self.layer), self.uuid, col, self.old)


@dataclass(kw_only=True)
class SplitLine(Command):
    """Split a line where ``point`` projects onto it.

    The original keeps its UUID, its attributes and the first part; the second part becomes a new
    feature with the same attributes and ``new_uuid``. The split is noted (``split_from``) so the
    audit trail and sync can tell a split from an unrelated new feature.
    """

    kind: ClassVar[str] = "split_line"
    uuid: str
    point: Any
    new_uuid: str = field(default_factory=new_uuid)
    old: Any = None

    def text(self, ctx: EditContext | None = None) -> str:
        """History line: "Split line JLN-0012"."""
        return translate("Edits", "Split line {feature}").format(
            feature=self._feature(ctx, self.layer, self.uuid))

    def touched(self) -> list[FeatureRef]:
        """The shortened original and the new piece."""
        return [(self.layer, self.uuid), (self.layer, self.new_uuid)]

    def _pieces(self, line: Any, who: str) -> tuple[Any, Any]:
        if line is None or line.geom_type != "LineString":
            msg = translate("Edits", "only single lines split")
            raise field_error(self.layer, who, "geometry", msg)
        dist = line.project(self.point)
        if dist <= 1e-9 or dist >= line.length - 1e-9:
            msg = translate("Edits", "the split point is at an end of the line")
            raise field_error(self.layer, who, "geometry", msg)
        return substring(line, 0, dist), substring(line, dist, line.length)

    def do(self, ctx: EditContext) -> None:
        """Cut the line, shorten the original, add the second piece as a new feature."""
        lyr, ldef = ctx.layer(self.layer), ctx.definition(self.layer)
        col = _geometry_column(ctx, self.layer)
        rows.require(lyr, self.uuid)
        row = rows.get_row(lyr, self.uuid) or {}
        who = describe_feature(ldef, row)
        refuse_taken_uuid(lyr, ldef, self.new_uuid, who)
        first, second = self._pieces(row.get(col), who)
        for piece in (first, second):
            check_geometry(ldef, piece, who)
        self.old = row.get(col)
        rows.set_cell(lyr, self.uuid, col, first)
        rows.insert_row(lyr, {**row, ldef.key: self.new_uuid, col: second})
        ctx.notes[(self.layer, self.new_uuid)] = {"split_from": self.uuid}

    def undo(self, ctx: EditContext) -> None:
        """Drop the new piece and restore the whole line."""
        lyr = ctx.layer(self.layer)
        rows.delete_row(lyr, self.new_uuid)
        rows.set_cell(lyr, self.uuid, _geometry_column(ctx, self.layer), self.old)
        ctx.notes.pop((self.layer, self.new_uuid), None)


def moved(geometry: Any, dx: float, dy: float) -> Any:
    """``geometry`` shifted by (dx, dy): what the move tool hands to :class:`SetGeometry`."""
    return shapely.transform(geometry, lambda xy: xy + np.array([dx, dy]))
