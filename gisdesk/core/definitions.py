"""Declarative layer definitions: the schema and its loader.

A city describes each asset layer in ``layers/<name>/layer.yaml`` (fields, domains, symbology,
form layout, inspection template) and shared coded-value domains once in
``layers/_shared/domains.yaml``. Everything else in GIS Desk — forms, validation, styling, labels,
exports — reads these objects, so a new asset type needs a folder, not code.

Definitions are validated on load. A broken definition is reported with the file, the field and
what is wrong, and the other layers still load: one typo must not stop the whole department.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from gisdesk import paths

SCHEMA_VERSION = 1
"""Current version of the definition format; older files are migrated in :func:`_migrate`."""

FieldType = Literal["uuid", "text", "integer", "real", "date", "datetime", "boolean"]
GeometryType = Literal["Point", "LineString", "Polygon", "None"]
Color = Annotated[str, Field(pattern=r"^#[0-9A-Fa-f]{6}([0-9A-Fa-f]{2})?$")]
_NAME = r"^[a-z][a-z0-9_]*$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(_Strict):
    """A user-visible text in English and Bahasa Indonesia."""

    en: str = Field(min_length=1)
    id: str = Field(min_length=1)

    def get(self, lang: str) -> str:
        """Return the text in ``lang`` ("en" or "id"), English for anything else."""
        return self.id if lang == "id" else self.en


class CodedValue(_Strict):
    """One allowed value of a domain with its labels (and optional longer description)."""

    code: int | str
    label: Text
    description: Text | None = None
    color: Color | None = None


class Domain(_Strict):
    """A coded-value list shared by fields (condition 1–5, materials, OPD owners, …)."""

    type: Literal["integer", "text"]
    title: Text
    values: list[CodedValue] = Field(min_length=1)

    @model_validator(mode="after")
    def _codes_unique_and_typed(self) -> Domain:
        codes = [v.code for v in self.values]
        if len(set(codes)) != len(codes):
            raise ValueError("domain codes must be unique")
        want = int if self.type == "integer" else str
        wrong = [c for c in codes if not isinstance(c, want)]
        if wrong:
            raise ValueError(f"codes {wrong} are not of the domain type '{self.type}'")
        return self

    def label(self, code: Any, lang: str) -> str | None:
        """Label of ``code`` in ``lang``, or None when the code is not in the domain."""
        for value in self.values:
            if value.code == code:
                return value.label.get(lang)
        return None

    def codes(self) -> list[int | str]:
        """All allowed codes in definition order."""
        return [v.code for v in self.values]


class FieldDef(_Strict):
    """One attribute of a layer and the rules its values must follow."""

    name: str = Field(pattern=_NAME)
    type: FieldType
    label: Text
    required: bool = False
    readonly: bool = False
    default: Any = None
    min: float | None = None
    max: float | None = None
    unit: str | None = None
    domain: str | None = None
    multiline: bool = False
    max_length: int | None = Field(default=None, gt=0)

    @model_validator(mode="after")
    def _range_ok(self) -> FieldDef:
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"min ({self.min}) is greater than max ({self.max})")
        if (self.min is not None or self.max is not None) and self.type not in (
            "integer",
            "real",
        ):
            raise ValueError("min/max apply only to integer and real fields")
        return self


class Symbol(_Strict):
    """How one class of features is drawn. Sizes are in screen pixels (points for print)."""

    color: Color = "#3366cc"
    stroke: Color | None = None
    width: float = Field(default=1.0, ge=0, le=50)
    size: float = Field(default=6.0, ge=0, le=100)
    shape: Literal["circle", "square", "triangle", "diamond", "cross"] = "circle"
    dash: Literal["solid", "dash", "dot"] = "solid"
    opacity: float = Field(default=1.0, ge=0, le=1)


class SymbolClass(_Strict):
    """A category of a categorized symbology; the label defaults to the domain label."""

    value: int | str
    symbol: Symbol
    label: Text | None = None


class Symbology(_Strict):
    """Single symbol, or categorized on one field (e.g. condition on a 5-class ramp).

    With ``from_domain: true`` the classes come from the field's domain (its codes, labels and
    colours) drawn with ``symbol`` as the template, so the condition ramp is defined once.
    """

    type: Literal["single", "categorized"] = "single"
    field: str | None = None
    symbol: Symbol = Symbol()
    classes: list[SymbolClass] = []
    from_domain: bool = False
    other: Symbol | None = None

    @model_validator(mode="after")
    def _categorized_has_field(self) -> Symbology:
        if self.type == "categorized" and (
            not self.field or not (self.classes or self.from_domain)
        ):
            raise ValueError(
                "categorized symbology needs 'field' and classes (or from_domain: true)"
            )
        return self


class Labeling(_Strict):
    """Map labels: which field, and below which scale denominator they appear."""

    field: str
    max_scale: float = Field(default=5000, gt=0)
    size: float = Field(default=8, gt=0)
    color: Color = "#202020"
    along_line: bool = False


class ScaleRange(_Strict):
    """The layer is drawn only between these scale denominators (None = no limit)."""

    min_scale: float | None = Field(default=None, gt=0)
    max_scale: float | None = Field(default=None, gt=0)

    def visible_at(self, denominator: float) -> bool:
        """True when a map at 1:``denominator`` should draw the layer."""
        if self.max_scale is not None and denominator > self.max_scale:
            return False
        return not (self.min_scale is not None and denominator < self.min_scale)


class FormGroup(_Strict):
    """A titled group of fields in the generated feature form, in display order."""

    title: Text
    fields: list[str] = Field(min_length=1)


class InspectionTemplate(_Strict):
    """What an inspection of this asset type records: allowed defects and the interval."""

    defects_domain: str = "defect"
    interval_months: int = Field(default=12, gt=0, le=240)


class SyncRules(_Strict):
    """How sync resolves a field both sides changed differently (default: ask a person).

    ``theirs``/``mine`` pick a side, ``keep_both`` joins two texts, ``latest`` takes the value
    from the side whose ``time_field`` (e.g. last_inspected) is later. The losing value is kept
    in a conflict record on the hub either way.
    """

    policies: dict[str, Literal["conflict", "theirs", "mine", "keep_both", "latest"]] = {}
    time_field: str | None = None


class LayerDef(_Strict):
    """One asset layer (or the non-spatial inspections table)."""

    schema_version: int = SCHEMA_VERSION
    name: str = Field(pattern=_NAME)
    title: Text
    geometry: GeometryType
    key: str = "uuid"
    label_field: str | None = None
    owner: str | None = None
    fields: list[FieldDef] = Field(min_length=1)
    symbology: Symbology = Symbology()
    labeling: Labeling | None = None
    scale_range: ScaleRange = ScaleRange()
    form: list[FormGroup] = []
    inspection: InspectionTemplate | None = None
    network: Literal["pressurised", "gravity"] | None = None
    sync: SyncRules = SyncRules()

    @model_validator(mode="after")
    def _references_resolve(self) -> LayerDef:
        names = [f.name for f in self.fields]
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise ValueError(f"field names repeated: {', '.join(dupes)}")
        known = set(names)
        key = self.field(self.key)
        if key is None or key.type != "uuid":
            raise ValueError(f"key field '{self.key}' must be a declared field of type uuid")
        refs = [("label_field", self.label_field), ("symbology.field", self.symbology.field)]
        if self.labeling:
            refs.append(("labeling.field", self.labeling.field))
        refs += [(f"form group '{g.title.en}'", n) for g in self.form for n in g.fields]
        refs += [("sync.policies", n) for n in self.sync.policies]
        refs.append(("sync.time_field", self.sync.time_field))
        for where, ref in refs:
            if ref is not None and ref not in known:
                raise ValueError(f"{where} names unknown field '{ref}'")
        return self

    def field(self, name: str) -> FieldDef | None:
        """The field called ``name``, or None."""
        return next((f for f in self.fields if f.name == name), None)

    @property
    def field_names(self) -> list[str]:
        """Field names in definition order."""
        return [f.name for f in self.fields]

    @property
    def is_spatial(self) -> bool:
        """False for plain tables such as inspections."""
        return self.geometry != "None"


@dataclass(frozen=True)
class DefinitionError:
    """A problem found while loading definitions, phrased for the person who edits the file."""

    path: Path
    location: str
    message: str

    def __str__(self) -> str:
        where = f" (at {self.location})" if self.location else ""
        return f"{self.path}{where}: {self.message}"


@dataclass
class Catalog:
    """All valid layer definitions and shared domains, plus what failed to load."""

    domains: dict[str, Domain] = field(default_factory=dict)
    layers: dict[str, LayerDef] = field(default_factory=dict)
    errors: list[DefinitionError] = field(default_factory=list)
    files: dict[str, Path] = field(default_factory=dict)
    """The ``layer.yaml`` each layer was loaded from (Layer Properties shows which one won)."""

    def domain_for(self, layer: LayerDef, field_name: str) -> Domain | None:
        """The domain that constrains ``field_name`` of ``layer``, if any."""
        fdef = layer.field(field_name)
        if fdef is None or fdef.domain is None:
            return None
        return self.domains.get(fdef.domain)

    def symbol_classes(self, layer: LayerDef) -> list[SymbolClass]:
        """Resolved classes of a categorized symbology, with labels filled from the domain."""
        sym = layer.symbology
        if sym.type != "categorized" or sym.field is None:
            return []
        domain = self.domain_for(layer, sym.field)
        if sym.from_domain and domain is not None:
            return [
                SymbolClass(
                    value=v.code,
                    symbol=sym.symbol.model_copy(update={"color": v.color or sym.symbol.color}),
                    label=v.label,
                )
                for v in domain.values
            ]
        out = []
        for cls in sym.classes:
            label = cls.label
            if label is None and domain is not None:
                match = next((v.label for v in domain.values if v.code == cls.value), None)
                label = match
            out.append(cls.model_copy(update={"label": label}) if label else cls)
        return out

    def match(self, layer_name: str) -> LayerDef | None:
        """Definition for a data layer name, ignoring case (``Water_Mains`` → water_mains)."""
        return self.layers.get(layer_name.lower())


_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader when PyYAML has it: ~10x faster, and the catalog loads at every start."""


def _read_yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_SAFE_LOADER)


def _pydantic_errors(path: Path, exc: ValidationError, data: Any) -> list[DefinitionError]:
    out = []
    for err in exc.errors():
        loc = _readable_location(err["loc"], data)
        out.append(DefinitionError(path, loc, err["msg"].removeprefix("Value error, ")))
    return out


def _readable_location(loc: tuple[Any, ...], data: Any) -> str:
    """Turn ('fields', 3, 'min') into "fields[3] 'diameter_mm' → min" so people find the line."""
    parts: list[str] = []
    node = data
    for step in loc:
        if isinstance(step, int) and isinstance(node, list):
            name = node[step].get("name") if 0 <= step < len(node) and isinstance(
                node[step], dict
            ) else None
            parts.append(f"[{step}]" + (f" '{name}'" if name else ""))
            node = node[step] if 0 <= step < len(node) else None
        else:
            parts.append(f" → {step}" if parts else str(step))
            node = node.get(step) if isinstance(node, dict) else None
    return "".join(parts)


def _migrate(data: dict[str, Any]) -> dict[str, Any]:
    """Bring an older definition up to :data:`SCHEMA_VERSION` (none older exist yet)."""
    version = data.get("schema_version", SCHEMA_VERSION)
    if not isinstance(version, int) or version > SCHEMA_VERSION:
        raise ValueError(
            f"schema_version {version!r} is newer than this GIS Desk understands "
            f"({SCHEMA_VERSION}); upgrade GIS Desk"
        )
    return data


def load_domains(path: Path) -> tuple[dict[str, Domain], list[DefinitionError]]:
    """Load the shared domains file; each broken domain is reported and skipped."""
    domains: dict[str, Domain] = {}
    errors: list[DefinitionError] = []
    try:
        data = _read_yaml(path) or {}
    except (OSError, yaml.YAMLError) as exc:
        return domains, [DefinitionError(path, "", f"cannot read domains file: {exc}")]
    if not isinstance(data, dict):
        return domains, [DefinitionError(path, "", "expected a mapping of domain names")]
    for name, body in data.items():
        if not re.match(_NAME, str(name)):
            errors.append(DefinitionError(path, str(name), "domain names are lower_snake_case"))
            continue
        try:
            domains[name] = Domain.model_validate(body)
        except ValidationError as exc:
            for err in _pydantic_errors(path, exc, body):
                errors.append(DefinitionError(path, f"{name} → {err.location}", err.message))
    return domains, errors


def load_layer(
    path: Path, domains: dict[str, Domain]
) -> tuple[LayerDef | None, list[DefinitionError]]:
    """Load one ``layer.yaml``; returns (None, errors) when it is broken."""
    try:
        data = _migrate(_read_yaml(path) or {})
    except (OSError, yaml.YAMLError, ValueError, AttributeError) as exc:
        return None, [DefinitionError(path, "", f"cannot read layer definition: {exc}")]
    if not isinstance(data, dict):
        return None, [DefinitionError(path, "", "expected a mapping at the top level")]
    try:
        layer = LayerDef.model_validate(data)
    except ValidationError as exc:
        return None, _pydantic_errors(path, exc, data)
    errors = _check_domains(path, layer, domains)
    return (None, errors) if errors else (layer, [])


def _check_domains(
    path: Path, layer: LayerDef, domains: dict[str, Domain]
) -> list[DefinitionError]:
    errors = []
    for i, fdef in enumerate(layer.fields):
        if fdef.domain is None:
            continue
        where = f"fields[{i}] '{fdef.name}' → domain"
        dom = domains.get(fdef.domain)
        if dom is None:
            errors.append(DefinitionError(path, where, f"unknown domain '{fdef.domain}'"))
        elif (dom.type == "integer") != (fdef.type == "integer") or fdef.type not in (
            "integer",
            "text",
        ):
            errors.append(
                DefinitionError(
                    path, where, f"field type '{fdef.type}' does not match domain type '{dom.type}'"
                )
            )
    sym = layer.symbology
    if sym.from_domain and sym.field and layer.field(sym.field) and not layer.field(
        sym.field
    ).domain:
        errors.append(
            DefinitionError(path, "symbology → from_domain", f"field '{sym.field}' has no domain")
        )
    if layer.inspection and layer.inspection.defects_domain not in domains:
        errors.append(
            DefinitionError(
                path, "inspection → defects_domain",
                f"unknown domain '{layer.inspection.defects_domain}'",
            )
        )
    return errors


def load_catalog(*folders: Path) -> Catalog:
    """Load shared domains and every ``<folder>/<layer>/layer.yaml``.

    Later folders override earlier ones by layer name, so a user's config folder can add or
    replace definitions shipped with the program. Broken definitions land in ``errors``.
    """
    catalog = Catalog()
    for folder in folders:
        shared = folder / "_shared" / "domains.yaml"
        if shared.is_file():
            domains, errors = load_domains(shared)
            catalog.domains.update(domains)
            catalog.errors.extend(errors)
    for folder in folders:
        for path in sorted(folder.glob("*/layer.yaml")):
            layer, errors = load_layer(path, catalog.domains)
            catalog.errors.extend(errors)
            if layer is not None:
                if layer.name != path.parent.name:
                    catalog.errors.append(
                        DefinitionError(
                            path, "name",
                            f"name '{layer.name}' differs from its folder '{path.parent.name}'",
                        )
                    )
                    continue
                catalog.layers[layer.name] = layer
                catalog.files[layer.name] = path
    return catalog


def default_catalog() -> Catalog:
    """Definitions shipped with GIS Desk plus any in the user's config ``layers/`` folder."""
    folders = [paths.layers_dir()]
    user = paths.user_config_dir() / "layers"
    if user.is_dir():
        folders.append(user)
    return load_catalog(*folders)
