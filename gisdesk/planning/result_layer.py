"""The programme as a map layer: a declarative definition that colours assets by risk class.

The definition is data (like the files in ``layers/``), so the renderer, legend and table
treat the result like any asset layer: categorized on ``risk_class`` from green (very low)
to dark red (very high), labelled in English and Indonesian.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any

import geopandas as gpd

from gisdesk.core.definitions import Catalog, Domain, FieldDef, LayerDef
from gisdesk.core.layer import MapLayer

RESULT_LAYER = "risk_programme"
RISK_CLASS_DOMAIN = "risk_class"
"""Name of the coded-value domain of ``risk_class`` (1 very low … 5 very high)."""

_CLASSES: list[tuple[int, str, str, str]] = [
    (1, "#1a9850", "Very low risk", "Risiko sangat rendah"),
    (2, "#91cf60", "Low risk", "Risiko rendah"),
    (3, "#fee08b", "Medium risk", "Risiko sedang"),
    (4, "#fc8d59", "High risk", "Risiko tinggi"),
    (5, "#b2182b", "Very high risk", "Risiko sangat tinggi"),
]

_FIELDS: list[dict[str, Any]] = [
    {"name": "uuid", "type": "uuid", "label": {"en": "Asset UUID", "id": "UUID aset"}},
    {"name": "asset_id", "type": "text", "label": {"en": "Asset code", "id": "Kode aset"}},
    {"name": "rank", "type": "integer", "label": {"en": "Rank", "id": "Peringkat"}},
    {"name": "year", "type": "integer", "label": {"en": "Programme year", "id": "Tahun program"}},
    {"name": "risk", "type": "real", "label": {"en": "Risk (1-25)", "id": "Risiko (1-25)"}},
    {"name": "risk_class", "type": "integer", "label": {"en": "Risk class", "id": "Kelas risiko"},
     "domain": RISK_CLASS_DOMAIN},
    {"name": "likelihood", "type": "real",
     "label": {"en": "Likelihood (1-5)", "id": "Kemungkinan (1-5)"}},
    {"name": "consequence", "type": "real",
     "label": {"en": "Consequence (1-5)", "id": "Dampak (1-5)"}},
    {"name": "condition_score", "type": "real",
     "label": {"en": "Condition score (1-5)", "id": "Skor kondisi (1-5)"}},
    {"name": "age_score", "type": "real",
     "label": {"en": "Age score (1-5)", "id": "Skor umur (1-5)"}},
    {"name": "defects", "type": "integer",
     "label": {"en": "Recent defects", "id": "Kerusakan terbaru"}},
    {"name": "customers", "type": "integer",
     "label": {"en": "Customers cut off", "id": "Pelanggan terputus"}},
    {"name": "critical_nearby", "type": "integer",
     "label": {"en": "Critical buildings nearby", "id": "Bangunan penting di dekatnya"}},
    {"name": "cost", "type": "real",
     "label": {"en": "Replacement cost", "id": "Biaya penggantian"}, "unit": "Rp"},
]


def risk_definition(geometry: str = "LineString") -> LayerDef:
    """The definition of the result layer for assets of the given geometry type."""
    width = {"LineString": 3, "Polygon": 1}.get(geometry, 1)
    return LayerDef.model_validate({
        "name": RESULT_LAYER,
        "title": {"en": "Risk programme", "id": "Program risiko"},
        "geometry": geometry,
        "key": "uuid",
        "label_field": "asset_id",
        "fields": _FIELDS,
        "symbology": {
            "type": "categorized", "field": "risk_class",
            "classes": [{"value": v, "symbol": {"color": c, "width": width, "size": 7},
                         "label": {"en": en, "id": id_}} for v, c, en, id_ in _CLASSES],
            "other": {"color": "#999999", "width": 1},
        },
        "labeling": {"field": "rank", "max_scale": 3000, "size": 7},
    })


def risk_class_domain() -> Domain:
    """Risk classes as a coded-value domain, so tables show "High risk", not 4."""
    return Domain.model_validate({
        "type": "integer", "title": {"en": "Risk class", "id": "Kelas risiko"},
        "values": [{"code": v, "label": {"en": en, "id": id_}, "color": c}
                   for v, c, en, id_ in _CLASSES],
    })


def programme_catalog(catalog: Catalog) -> Catalog:
    """``catalog`` plus the risk-class domain (a copy: the project's catalog is not changed)."""
    return dataclasses.replace(catalog, domains={**catalog.domains,
                                                 RISK_CLASS_DOMAIN: risk_class_domain()})


def programme_definition(assets: LayerDef | None, columns: Iterable[str],
                         geometry: str = "LineString") -> LayerDef:
    """The definition of a programme table: the asset layer's fields and the risk fields.

    A ranked table of mains mixes the mains' own columns (material, diameter, condition) with
    the risk columns; exports label both, so every header is in the chosen language and coded
    values (material "DI", condition 2, risk class 4) read as their domain labels. Fields are
    in ``columns`` order (the table's order); the risk fields win a name both define.
    """
    risk = risk_definition(geometry)
    own = {f.name: f for f in (assets.fields if assets is not None else [])}
    ordered: list[FieldDef] = [risk.field("uuid")]
    for name in columns:
        fdef = risk.field(name) or own.get(name)
        if fdef is not None and fdef.name not in {f.name for f in ordered}:
            ordered.append(fdef)
    return risk.model_copy(update={"fields": ordered, "label_field": "asset_id"})


def risk_layer(assets: gpd.GeoDataFrame, name: str = RESULT_LAYER) -> MapLayer:
    """A temporary map layer of the ranked assets (no file source until saved)."""
    kinds = set(assets.geom_type.dropna().str.replace("Multi", "")) if len(assets) else set()
    geometry = kinds.pop() if len(kinds) == 1 else "LineString"
    if "uuid" not in assets.columns or "asset_id" not in assets.columns:
        definition = None
    else:
        definition = risk_definition(geometry)
    return MapLayer(name=name, frame=assets, definition=definition)
