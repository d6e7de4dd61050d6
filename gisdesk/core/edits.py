"""Edit commands: every change to a layer is one of these, with do and undo.

Commands are plain objects (no Qt): the core :class:`~gisdesk.core.edits_session.EditSession`
stacks them for undo/redo, the journal serialises them, and the UI later wraps them in a
QUndoStack. Each command validates against the layer definition in :meth:`Command.do` before it
changes anything, and names the features it touches up front (by UUID) so the session can keep
the saved state of those rows for the audit trail and the GeoPackage writer.
"""

from __future__ import annotations

import math
import uuid as uuidlib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any, ClassVar

import shapely

from gisdesk.core import edits_frame as rows
from gisdesk.core.definitions import Catalog, LayerDef
from gisdesk.core.layer import MapLayer
from gisdesk.core.project import Project
from gisdesk.core.roles import Profile
from gisdesk.core.validation import (
    FieldValueError,
    Problem,
    coerce_record,
    coerce_value,
    defaults,
    describe_feature,
)
from gisdesk.i18n import language, translate

_CTX = "Edits"
FeatureRef = tuple[str, str]
"""(layer name, feature UUID): how the session and the store name a feature."""


def new_uuid() -> str:
    """A fresh feature UUID (random, version 4)."""
    return str(uuidlib.uuid4())


@dataclass
class EditContext:
    """What commands may reach: the project's layers, the catalog and the current user."""

    project: Project
    profile: Profile
    notes: dict[FeatureRef, dict[str, str]] = field(default_factory=dict)

    @property
    def catalog(self) -> Catalog:
        """Definitions and domains the values are checked against."""
        return self.project.catalog

    def layer(self, name: str) -> MapLayer:
        """The project layer ``name``; KeyError with a clear message if it is not loaded."""
        found = self.project.layer(name)
        if found is None:
            raise KeyError(
                translate("Edits", "Layer '{layer}' is not open in the project.").format(layer=name)
            )
        return found

    def definition(self, name: str) -> LayerDef:
        """The definition of layer ``name``; edits need one to be validated."""
        lyr = self.layer(name)
        if lyr.definition is None:
            text = translate("Edits", "Layer '{layer}' has no definition, so it cannot be edited.")
            raise KeyError(text.format(layer=name))
        return lyr.definition


def _encode(value: Any) -> Any:
    if isinstance(value, shapely.Geometry):
        return {"__wkb__": shapely.to_wkb(value, hex=True)}
    if isinstance(value, dict):
        return {k: _encode(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_encode(v) for v in value]
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        if set(value) == {"__wkb__"}:
            return shapely.from_wkb(value["__wkb__"])
        return {k: _decode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_decode(v) for v in value]
    return value


_REGISTRY: dict[str, type[Command]] = {}

CODE_FIELD = "asset_id"
"""The asset-code column every asset layer has (JLN-0012, PJU-0001): the name field crews use."""


def feature_name(ldef: LayerDef | None, row: Mapping[str, Any] | None, uuid: str) -> str:
    """How the undo history names a feature: its asset code ("JLN-0012"), else its label
    (the definition's ``label_field``, e.g. a district's name), else its UUID's first 8 hex.

    The code comes before the label because a road's label is its street name, shared by
    every segment of the street, while the code names the one segment.
    """
    row = row or {}
    for column in (CODE_FIELD, ldef.label_field if ldef is not None else None):
        value = row.get(column) if column else None
        if value is None or (isinstance(value, float) and math.isnan(value)):
            continue
        if str(value).strip():
            return str(value).strip()
    return uuid[:8]


@dataclass(kw_only=True)
class Command:
    """Base of all edit commands. ``id`` ties journal entries to the command they undo."""

    kind: ClassVar[str] = ""
    layer: str
    id: str = field(default_factory=lambda: uuidlib.uuid4().hex)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls.kind:
            _REGISTRY[cls.kind] = cls

    def text(self, ctx: EditContext | None = None) -> str:
        """One line for the undo history, in the current language.

        With ``ctx`` it names fields by their label and features by their asset code
        (:func:`feature_name`); without (no project at hand) by field name and UUID prefix.
        """
        del ctx
        return self.kind

    @staticmethod
    def _feature(ctx: EditContext | None, layer: str, uuid: str,
                 known: Mapping[str, Any] | None = None) -> str:
        """``uuid``'s name for the history: read from the layer, else from ``known`` (the row
        a delete removed, the values an undone add had)."""
        lyr = ctx.project.layer(layer) if ctx is not None else None
        if lyr is None:
            return feature_name(None, known, uuid)
        return feature_name(lyr.definition, rows.get_row(lyr, uuid) or known, uuid)

    @staticmethod
    def _layer_title(ctx: EditContext | None, layer: str) -> str:
        lyr = ctx.project.layer(layer) if ctx is not None else None
        return lyr.title_in(language()) if lyr is not None else layer

    def permission_layers(self) -> list[str]:
        """Layers whose edit right the user needs for this command."""
        return [self.layer]

    def touched(self) -> list[FeatureRef]:
        """Features this command changes (known before :meth:`do` runs)."""
        raise NotImplementedError

    def do(self, ctx: EditContext) -> None:
        """Validate, then apply; on a validation error nothing has changed."""
        raise NotImplementedError

    def undo(self, ctx: EditContext) -> None:
        """Restore exactly what :meth:`do` changed."""
        raise NotImplementedError

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (geometries as hex WKB), including state captured by :meth:`do`."""
        data = {f.name: _encode(getattr(self, f.name)) for f in fields(self)}
        data["kind"] = self.kind
        return data


def command_from_dict(data: dict[str, Any]) -> Command:
    """Rebuild a command written by :meth:`Command.to_dict` (for journal replay)."""
    cls = _REGISTRY.get(data.get("kind", ""))
    if cls is None:
        raise ValueError(f"unknown edit command kind {data.get('kind')!r}")
    names = {f.name for f in fields(cls)}
    return cls(**{k: _decode(v) for k, v in data.items() if k in names})


def field_error(layer: str, feature: str, field_name: str, message: str) -> FieldValueError:
    """The error for one refused value (commands raise it before changing anything)."""
    return FieldValueError([Problem(layer, feature, field_name, message)])


@dataclass(kw_only=True)
class SetAttribute(Command):
    """Change one attribute of one feature."""

    kind: ClassVar[str] = "set_attribute"
    uuid: str
    field: str
    value: Any
    old: Any = None

    def text(self, ctx: EditContext | None = None) -> str:
        """History line: "Set Surface of JLN-0012"."""
        lyr = ctx.project.layer(self.layer) if ctx is not None else None
        fdef = lyr.definition.field(self.field) if lyr and lyr.definition else None
        label = fdef.label.get(language()) if fdef is not None else self.field
        return translate("Edits", "Set {field} of {feature}").format(
            field=label, feature=self._feature(ctx, self.layer, self.uuid))

    def touched(self) -> list[FeatureRef]:
        """The one feature."""
        return [(self.layer, self.uuid)]

    def do(self, ctx: EditContext) -> None:
        """Refuse read-only fields and bad values, then set the value."""
        lyr, ldef = ctx.layer(self.layer), ctx.definition(self.layer)
        row = rows.get_row(lyr, self.uuid)
        if row is None:
            rows.require(lyr, self.uuid)
        who = describe_feature(ldef, row or {})
        fdef = ldef.field(self.field)
        if fdef is not None and fdef.readonly:
            msg = translate("Edits", "the field is read-only")
            raise field_error(self.layer, who, self.field, msg)
        self.value = coerce_value(ldef, self.field, self.value, ctx.catalog, who)
        self.old = row.get(self.field) if row else None
        rows.set_cell(lyr, self.uuid, self.field, self.value)

    def undo(self, ctx: EditContext) -> None:
        """Put the old value back."""
        rows.set_cell(ctx.layer(self.layer), self.uuid, self.field, self.old)


def check_geometry(ldef: LayerDef, geom: Any, feature: str) -> None:
    """Refuse geometry that is missing, of the wrong type, or invalid (e.g. self-intersecting)."""
    if not isinstance(geom, shapely.Geometry) or geom.is_empty:
        raise field_error(ldef.name, feature, "geometry", translate("Edits",
            "a geometry is required"))
    base = geom.geom_type.removeprefix("Multi")
    if base != ldef.geometry:
        msg = translate("Edits", "a {got} cannot go into a {want} layer").format(
            got=geom.geom_type, want=ldef.geometry
        )
        raise field_error(ldef.name, feature, "geometry", msg)
    if base == "LineString" and any(
        len({tuple(xy) for xy in shapely.get_coordinates(part).round(9)}) < 2
        for part in shapely.get_parts(geom)
    ):
        msg = translate("Edits", "a line needs at least two distinct points")
        raise field_error(ldef.name, feature, "geometry", msg)
    if not shapely.is_valid(geom):
        msg = translate("Edits", "invalid geometry: {reason}").format(
            reason=shapely.is_valid_reason(geom)
        )
        raise field_error(ldef.name, feature, "geometry", msg)


def refuse_taken_uuid(layer: MapLayer, ldef: LayerDef, uuid: str, who: str) -> None:
    """A new feature may not reuse a UUID: identity must stay unique."""
    if rows.locate(layer, uuid) is not None:
        msg = translate("Edits", "UUID {uuid} is already used in this layer").format(uuid=uuid)
        raise field_error(ldef.name, who, ldef.key, msg)


@dataclass(kw_only=True)
class AddFeature(Command):
    """Add a feature: definition defaults, then the given values, under a new UUID."""

    kind: ClassVar[str] = "add_feature"
    values: dict[str, Any] = field(default_factory=dict)
    geometry: Any = None
    uuid: str = field(default_factory=new_uuid)

    def text(self, ctx: EditContext | None = None) -> str:
        """History line: "Add PJU-0101 to Streetlights"."""
        return translate("Edits", "Add {feature} to {layer}").format(
            feature=self._feature(ctx, self.layer, self.uuid, self.values),
            layer=self._layer_title(ctx, self.layer))

    def touched(self) -> list[FeatureRef]:
        """The new feature."""
        return [(self.layer, self.uuid)]

    def do(self, ctx: EditContext) -> None:
        """Fill defaults, validate every field and the geometry, append the row."""
        lyr, ldef = ctx.layer(self.layer), ctx.definition(self.layer)
        record = {**defaults(ldef), **self.values, ldef.key: self.uuid}
        who = describe_feature(ldef, record)
        refuse_taken_uuid(lyr, ldef, self.uuid, who)
        clean = coerce_record(ldef, record, ctx.catalog, who)
        geom_col = rows.geometry_column(lyr.frame)
        if ldef.is_spatial:
            check_geometry(ldef, self.geometry, who)
            if geom_col:
                clean[geom_col] = self.geometry
        rows.insert_row(lyr, clean)

    def undo(self, ctx: EditContext) -> None:
        """Remove the added row."""
        rows.delete_row(ctx.layer(self.layer), self.uuid)


@dataclass(kw_only=True)
class DeleteFeature(Command):
    """Delete a feature; the whole row is kept so undo puts it back where it was."""

    kind: ClassVar[str] = "delete_feature"
    uuid: str
    row: dict[str, Any] | None = None
    position: int = 0

    def text(self, ctx: EditContext | None = None) -> str:
        """History line: "Delete PJU-0101 from Streetlights"."""
        return translate("Edits", "Delete {feature} from {layer}").format(
            feature=self._feature(ctx, self.layer, self.uuid, self.row),
            layer=self._layer_title(ctx, self.layer))

    def touched(self) -> list[FeatureRef]:
        """The deleted feature."""
        return [(self.layer, self.uuid)]

    def do(self, ctx: EditContext) -> None:
        """Remember the row and its position, then drop it."""
        lyr = ctx.layer(self.layer)
        self.position = rows.position_of(lyr, self.uuid)
        self.row = rows.get_row(lyr, self.uuid)
        rows.delete_row(lyr, self.uuid)

    def undo(self, ctx: EditContext) -> None:
        """Re-insert the remembered row."""
        rows.insert_row(ctx.layer(self.layer), dict(self.row or {}), self.position)
