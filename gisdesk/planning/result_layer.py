"""The programme as a map layer: a declarative definition that colours assets by risk class.

The definition is data (like the files in ``layers/``), so the renderer, legend and table
treat the result like any asset layer: categorized on ``risk_class`` from green (very low)
to dark red (very high), labelled in English and Indonesian.
"""

from __future__ import annotations

from typing import Any

import geopandas as gpd

from gisdesk.core.definitions import LayerDef
from gisdesk.core.layer import MapLayer

RESULT_LAYER = "risk_programme"

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
    {"name": "risk_class", "type": "integer", "label": {"en": "Risk class", "id": "Kelas risiko"}},
    {"name": "likelihood", "type": "real",
     "label": {"en": "Likelihood (1-5)", "id": "Kemungkinan (1-5)"}},
    {"name": "consequence", "type": "real",
     "label": {"en": "Consequence (1-5)", "id": "Dampak (1-5)"}},
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


def risk_layer(assets: gpd.GeoDataFrame, name: str = RESULT_LAYER) -> MapLayer:
    """A temporary map layer of the ranked assets (no file source until saved)."""
    kinds = set(assets.geom_type.dropna().str.replace("Multi", "")) if len(assets) else set()
    geometry = kinds.pop() if len(kinds) == 1 else "LineString"
    if "uuid" not in assets.columns or "asset_id" not in assets.columns:
        definition = None
    else:
        definition = risk_definition(geometry)
    return MapLayer(name=name, frame=assets, definition=definition)
