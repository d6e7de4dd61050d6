"""Summaries by area: "per kelurahan, km of road by condition", "buildings per kelurahan".

Lines are clipped to each area so a road crossing a boundary counts in both, by the length on
each side; points and polygons count once, in the area holding their representative point.
Lengths are kilometres and areas square metres in a metric CRS chosen from the areas layer.
"""

from __future__ import annotations

from typing import Literal

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from gisdesk.core.cancel import Cancel, Progress, check, chunks
from gisdesk.i18n import translate
from gisdesk.query.metric import metric_crs, to_metric

Measure = Literal["auto", "count", "length_km", "area_m2"]


def summarise_by_area(
    areas: gpd.GeoDataFrame,
    features: gpd.GeoDataFrame,
    area_field: str,
    *,
    category: str | None = None,
    measure: Measure = "auto",
    names: tuple[str, str] = ("areas", "features"),
    cancel: Cancel | None = None,
    progress: Progress | None = None,
) -> pd.DataFrame:
    """One row per area (named by ``area_field``), one column per ``category`` value.

    Parameters
    ----------
    measure
        ``auto`` picks km for lines and a count for points and polygons.
    category
        Optional field of ``features`` to split the totals by (e.g. ``condition``); NULLs
        land in a column named "(none)". Without it the single column is ``total``.
    cancel, progress
        Checked and reported between chunks of ``features`` (see :mod:`gisdesk.core.cancel`).

    Returns
    -------
    DataFrame indexed by area name, areas without features included with 0, plus a ``total``
    column when split by category.
    """
    if area_field not in areas.columns:
        msg = translate("Query", "Layer '{0}' has no field '{1}'. Fields: {2}")
        fields = ", ".join(c for c in areas.columns if c != areas.geometry.name)
        raise ValueError(msg.format(names[0], area_field, fields))
    if category is not None and category not in features.columns:
        msg = translate("Query", "Layer '{0}' has no field '{1}'. Fields: {2}")
        fields = ", ".join(c for c in features.columns if c != features.geometry.name)
        raise ValueError(msg.format(names[1], category, fields))
    crs = metric_crs(areas, names[0])
    zones = to_metric(areas, names[0], crs)
    items = to_metric(features, names[1], crs)
    check(cancel)
    if measure == "auto":
        kinds = set(items.geom_type.dropna().str.replace("Multi", ""))
        measure = "length_km" if kinds == {"LineString"} else "count"
    area_pos, item_pos, amount = _measure(zones, items, measure, cancel, progress)
    labels = areas[area_field].to_numpy()[area_pos]
    cats = (
        _category_values(items[category])[item_pos]
        if category
        else np.full(len(item_pos), "total", dtype=object)
    )
    table = (
        pd.DataFrame({"area": labels, "category": cats, "amount": amount})
        .pivot_table(index="area", columns="category", values="amount", aggfunc="sum",
                     fill_value=0)
        .reindex(pd.unique(areas[area_field]), fill_value=0)
    )
    table.columns.name = None
    table.index.name = area_field
    if category:
        table["total"] = table.sum(axis=1)
    elif "total" not in table.columns:
        table["total"] = 0
    return table


def _category_values(values: pd.Series) -> np.ndarray:
    """Category labels: whole floats (integers read with NULLs) shown as integers, NULL named."""
    if pd.api.types.is_float_dtype(values) and (values.dropna() % 1 == 0).all():
        values = values.astype("Int64")
    return values.astype(object).where(values.notna(), "(none)").to_numpy()


def _measure(
    zones: gpd.GeoDataFrame, items: gpd.GeoDataFrame, measure: str,
    cancel: Cancel | None = None, progress: Progress | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(area position, feature position, amount)`` for every feature part inside an area."""
    zone_geoms = np.asarray(zones.geometry.values)
    item_geoms = np.asarray(items.geometry.values)
    tree = shapely.STRtree(zone_geoms)
    found = [_measure_chunk(tree, zone_geoms, item_geoms[part], measure, part.start)
             for part in chunks(len(item_geoms), cancel, progress)]
    if not found:
        return np.zeros(0, dtype=np.intp), np.zeros(0, dtype=np.intp), np.zeros(0)
    area_pos, item_pos, amount = (np.concatenate(column) for column in zip(*found, strict=True))
    return area_pos, item_pos, amount


def _measure_chunk(
    tree: shapely.STRtree, zone_geoms: np.ndarray, item_geoms: np.ndarray, measure: str,
    offset: int,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """:func:`_measure` for one chunk of features; ``offset`` is the chunk's first position."""
    if measure == "count":
        points = shapely.point_on_surface(item_geoms)
        item_pos, area_pos = tree.query(points, predicate="intersects")
        # a point on a shared boundary touches two areas: keep the first so it counts once
        item_pos, first = np.unique(item_pos, return_index=True)
        return area_pos[first], item_pos + offset, np.ones(len(item_pos))
    item_pos, area_pos = tree.query(item_geoms, predicate="intersects")
    parts = shapely.intersection(item_geoms[item_pos], zone_geoms[area_pos])
    if measure == "length_km":
        return area_pos, item_pos + offset, shapely.length(parts) / 1000.0
    return area_pos, item_pos + offset, shapely.area(parts)
