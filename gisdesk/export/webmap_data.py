"""One map layer turned into the compact JSON the web-map runtime draws.

Per layer the page holds: GeoJSON geometries in EPSG:4326 (6 decimals, about 0.1 m), one row of
already-labelled attribute strings per feature, and a class index into a short list of styles.
Repeating neither keys nor styles per feature keeps a city-sized map a few megabytes, and
building it with shapely's vectorised ``to_geojson`` keeps export fast.

Layers above ``max_features`` keep an evenly spaced subset (so the map still covers the whole
city) and say so; dense line and polygon layers are simplified to a tolerance tied to their
extent, well below what a screen shows at street level.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from gisdesk.core.definitions import Catalog
from gisdesk.core.layer import MapLayer
from gisdesk.export.tables import labelled_frame, ordered_columns
from gisdesk.export.webmap_style import LegendEntry, web_style

SIMPLIFY_ABOVE_VERTICES = 150_000
"""Layers with more vertices than this are simplified before export."""

SIMPLIFY_FRACTION = 1 / 8000
"""Simplification tolerance as a fraction of the layer extent (12 km city → 1.5 m)."""

COORD_DECIMALS = 6

MAX_MAP_LABELS = 1_000
"""Polygon layers with more features than this get no permanent labels (DOM cost)."""


@dataclass
class LayerPayload:
    """A layer ready for the page, with what was left out or simplified on the way."""

    name: str
    title: str
    kind: str
    total: int
    shown: int
    bounds: tuple[float, float, float, float]
    script_json: str
    legend: list[LegendEntry] = field(default_factory=list)
    simplified_m: float | None = None
    empty_geometries: int = 0
    min_scale: float | None = None
    max_scale: float | None = None


def geometry_kind(frame: gpd.GeoDataFrame) -> str:
    """'point', 'line' or 'polygon' from the data; mixed layers draw as polygons (fills hide)."""
    types = set(frame.geom_type.dropna().str.replace("Multi", "").unique())
    if types == {"Point"}:
        return "point"
    if types == {"LineString"}:
        return "line"
    return "polygon"


def to_lonlat(frame: gpd.GeoDataFrame, layer_name: str) -> gpd.GeoDataFrame:
    """``frame`` in EPSG:4326; frames without a CRS must already be longitude/latitude.

    Raises
    ------
    ValueError
        For a layer without a CRS whose coordinates cannot be degrees.
    """
    if frame.crs is None:
        minx, miny, maxx, maxy = frame.total_bounds
        if minx < -180 or maxx > 180 or miny < -90 or maxy > 90:
            raise ValueError(
                f"layer '{layer_name}' has no CRS and its coordinates are not longitude/latitude; "
                "set its CRS before exporting a web map"
            )
        return frame
    return frame if frame.crs.to_epsg() == 4326 else frame.to_crs(4326)


def _limit(frame: gpd.GeoDataFrame, max_features: int) -> gpd.GeoDataFrame:
    """An evenly spaced subset of at most ``max_features`` rows, in original order."""
    if len(frame) <= max_features:
        return frame
    keep = np.unique(np.linspace(0, len(frame) - 1, max_features).round().astype(np.int64))
    return frame.iloc[keep]


def _simplify(frame: gpd.GeoDataFrame, kind: str) -> tuple[gpd.GeoDataFrame, float | None]:
    """Simplified copy of a dense line/polygon layer (in its own, metric, CRS) and the tolerance."""
    geoms = frame.geometry.to_numpy()
    if kind == "point" or int(shapely.get_num_coordinates(geoms).sum()) <= SIMPLIFY_ABOVE_VERTICES:
        return frame, None
    if frame.crs is not None and frame.crs.is_geographic:
        frame = frame.to_crs(frame.estimate_utm_crs())
        geoms = frame.geometry.to_numpy()
    minx, miny, maxx, maxy = frame.total_bounds
    tolerance = max(maxx - minx, maxy - miny) * SIMPLIFY_FRACTION
    simple = shapely.simplify(geoms, tolerance, preserve_topology=True)
    return frame.set_geometry(gpd.GeoSeries(simple, index=frame.index, crs=frame.crs)), tolerance


def _popup_rows(frame: pd.DataFrame, layer: MapLayer, catalog: Catalog | None,
                lang: str) -> tuple[list[str], list[list[str | None]]]:
    """Field labels and, per feature, display strings (domain labels, units, short numbers)."""
    key = layer.definition.key if layer.definition else None
    shown = frame.drop(columns=[key]) if key in frame else frame  # UUIDs mean nothing to people
    table = labelled_frame(shown, layer.definition, catalog, lang)
    columns = [_display(table[c]) for c in table.columns]
    if not columns:
        return [], [[] for _ in range(len(frame))]
    rows = [list(r) for r in zip(*columns, strict=True)]
    return list(table.columns), rows


def _display(col: pd.Series) -> list[str | None]:
    """Strings for a popup: dates without midnight times, floats without float noise."""
    if pd.api.types.is_datetime64_any_dtype(col):
        valid = col.dropna()
        fmt = "%Y-%m-%d" if (valid.dt.normalize() == valid).all() else "%Y-%m-%d %H:%M"
        text = col.dt.strftime(fmt)
    elif pd.api.types.is_float_dtype(col):
        text = col.map(lambda v: format(v, ".6g"), na_action="ignore")
    else:
        text = col.map(str, na_action="ignore")
    return text.astype(object).where(col.notna(), None).tolist()


def _geojson_array(geoms: np.ndarray) -> str:
    """A JSON array of GeoJSON geometries with coordinates rounded to :data:`COORD_DECIMALS`."""
    rounded = shapely.transform(geoms, lambda xy: np.round(xy, COORD_DECIMALS))
    return "[" + ",".join(shapely.to_geojson(rounded).tolist()) + "]"


def prepare_layer(layer: MapLayer, catalog: Catalog | None, lang: str, max_features: int,
                  other_label: str, scale_ranges: bool = True) -> LayerPayload | None:
    """The page data for ``layer``, or None when it has no drawable geometry.

    With ``scale_ranges`` the definition's scale range goes into the page, which hides the
    layer outside it (valves are unreadable specks on a whole-city view).
    """
    if not layer.is_spatial or len(layer.frame) == 0:
        return None
    frame = layer.frame
    valid = frame.geometry.notna().to_numpy() & ~frame.geometry.is_empty.to_numpy()
    total = len(frame)
    frame = frame[valid]
    if len(frame) == 0:
        return None
    kind = geometry_kind(frame)
    frame = _limit(frame, max_features)
    frame, tolerance = _simplify(frame, kind)
    frame = to_lonlat(frame, layer.name)
    sub = MapLayer(layer.name, frame, layer.definition)
    style = web_style(sub, catalog, kind, lang, other_label)
    fields, rows = _popup_rows(frame, layer, catalog, lang)
    label_index = _label_index(frame, layer)
    title = layer.title_in(lang)
    scale = layer.definition.scale_range if layer.definition and scale_ranges else None
    min_scale, max_scale = (scale.min_scale, scale.max_scale) if scale else (None, None)
    meta = {"title": title, "kind": kind, "fields": fields, "rows": rows,
            "label_index": label_index, "styles": style.styles,
            "cls": style.class_of.tolist(), "min_scale": min_scale, "max_scale": max_scale,
            "labels": map_labels(frame, layer, kind)}
    body = json.dumps(meta, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    script = body[:-1] + ',"geoms":' + _geojson_array(frame.geometry.to_numpy()) + "}"
    bounds = tuple(float(b) for b in frame.total_bounds)
    return LayerPayload(layer.name, title, kind, total, len(frame), bounds,  # type: ignore[arg-type]
                        script.replace("</", "<\\/"), style.legend, tolerance,
                        int((~valid).sum()), min_scale, max_scale)


def map_labels(frame: gpd.GeoDataFrame, layer: MapLayer, kind: str) -> dict | None:
    """Permanent labels for an area layer with a labeling rule (kelurahan names), or None.

    Placed at ``point_on_surface`` so a crescent-shaped kelurahan still has its name inside it.
    Only polygons: names along roads need the desktop label engine, not a web page.
    """
    rule = layer.definition.labeling if layer.definition else None
    if rule is None or kind != "polygon" or rule.field not in frame or len(frame) > MAX_MAP_LABELS:
        return None
    text = frame[rule.field]
    keep = text.notna().to_numpy()
    points = shapely.point_on_surface(frame.geometry.to_numpy()[keep])
    latlon = np.round(np.column_stack([shapely.get_y(points), shapely.get_x(points)]),
                      COORD_DECIMALS)
    return {"latlon": latlon.tolist(), "text": text[keep].astype(str).tolist(),
            "max_scale": rule.max_scale, "color": rule.color, "size": rule.size}


def _label_index(frame: pd.DataFrame, layer: MapLayer) -> int | None:
    """Position of the label field among the popup fields (its value titles the popup)."""
    label_field = layer.definition.label_field if layer.definition else None
    key = layer.definition.key if layer.definition else None
    columns = [c for c in ordered_columns(frame, layer.definition) if c != key]
    return columns.index(label_field) if label_field in columns else None
