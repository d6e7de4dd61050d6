"""How many assets are in each condition class, per layer and per kelurahan (district).

The condition charts need counts, not rows: these functions reduce a layer to a small table with
numpy (``bincount``-style) so a million-feature layer is summarised in milliseconds and the UI
only draws a handful of bars. Per kelurahan, every asset is placed by one point on it
(a line's midpoint, a polygon's surface point), so a main crossing a boundary is counted
once, in the district that holds that point, and the counts of all districts add up to the
layer's count.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import shapely

from gisdesk.core.definitions import Catalog
from gisdesk.core.layer import MapLayer
from gisdesk.i18n import translate

CONDITION_FIELD = "condition"
CONDITION_DOMAIN = "condition"
DEFAULT_CODES: tuple[int, ...] = (1, 2, 3, 4, 5)
UNKNOWN = "unknown"
"""Column of :func:`condition_by_district` for assets with no condition or a code outside the
domain, so a summary's totals equal the layer's feature count."""


def condition_codes(catalog: Catalog | None) -> list[int]:
    """The condition classes in domain order (1..5 when the catalog has no ``condition`` domain)."""
    domain = catalog.domains.get(CONDITION_DOMAIN) if catalog is not None else None
    if domain is None:
        return list(DEFAULT_CODES)
    return [int(code) for code in domain.codes()]


def _codes_of(layer: MapLayer, field: str) -> np.ndarray:
    """The condition column as float (NaN for missing or non-numeric values)."""
    if field not in layer.frame.columns:
        return np.full(len(layer.frame), np.nan)
    return pd.to_numeric(layer.frame[field], errors="coerce").to_numpy(dtype=float)


def _class_index(values: np.ndarray, codes: Sequence[int]) -> np.ndarray:
    """Position of each value in ``codes``, -1 for missing values and codes outside the domain."""
    lookup = np.asarray(codes, dtype=float)
    out = np.full(len(values), -1, dtype=np.intp)
    for i, code in enumerate(lookup):
        out[values == code] = i
    return out


def condition_counts(
    layer: MapLayer, codes: Sequence[int] = DEFAULT_CODES, field: str = CONDITION_FIELD
) -> pd.Series:
    """Number of features in each condition class (zero classes included).

    Parameters
    ----------
    layer
        The asset layer; features with no condition (never inspected) are not counted, see
        :func:`missing_condition`.
    codes
        The classes to count, in the order the chart shows them.
    field
        The condition column.

    Returns
    -------
    pandas.Series
        Counts indexed by ``codes``.
    """
    idx = _class_index(_codes_of(layer, field), codes)
    counts = np.bincount(idx[idx >= 0], minlength=len(codes))
    return pd.Series(counts, index=list(codes), name=layer.name, dtype=np.int64)


def missing_condition(layer: MapLayer, field: str = CONDITION_FIELD) -> int:
    """How many features have no condition yet (shown next to the chart, not as a bar)."""
    return int(np.isnan(_codes_of(layer, field)).sum())


def _anchor_points(geoms: np.ndarray) -> np.ndarray:
    """One point per asset: a line's midpoint along its length, else a point on its surface.

    (GEOS puts a two-point line's "surface point" on an end, which may lie in the neighbour.)
    """
    lines = np.isin(shapely.get_type_id(geoms), (1, 5))  # LineString, MultiLineString
    out = shapely.point_on_surface(geoms)
    if lines.any():
        out[lines] = shapely.line_interpolate_point(geoms[lines], 0.5, normalized=True)
    return out


def _district_of(assets: MapLayer, districts: MapLayer) -> np.ndarray:
    """For each asset, the row of the first district covering its surface point (-1 if none)."""
    geoms = np.asarray(assets.frame.geometry.values, dtype=object)
    found = np.full(len(geoms), -1, dtype=np.intp)
    present = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
    if not present.any() or len(districts.frame) == 0:
        return found
    zones = districts.frame.geometry
    if assets.frame.crs is not None and zones.crs is not None and zones.crs != assets.frame.crs:
        zones = zones.to_crs(assets.frame.crs)
    points = _anchor_points(geoms[present])
    tree = shapely.STRtree(np.asarray(zones.values, dtype=object))
    point_i, zone_i = tree.query(points, predicate="intersects")
    order = np.lexsort((zone_i, point_i))  # the lowest district row wins a boundary point
    point_i, zone_i = point_i[order], zone_i[order]
    first = np.unique(point_i, return_index=True)[1]
    rows = np.flatnonzero(present)
    found[rows[point_i[first]]] = zone_i[first]
    return found


def condition_by_district(
    assets: MapLayer,
    districts: MapLayer,
    name_field: str = "name",
    codes: Sequence[int] = DEFAULT_CODES,
    field: str = CONDITION_FIELD,
    unknown: bool = False,
) -> pd.DataFrame:
    """Condition counts per kelurahan: one row per district name, one column per class.

    Assets outside every district get a row of their own (labelled "(outside the districts)")
    only when there are any, so nothing silently disappears from the totals.

    Parameters
    ----------
    assets
        The spatial asset layer.
    districts
        The kelurahan polygons (the ``districts`` layer).
    name_field
        Column of ``districts`` naming each kelurahan.
    codes, field
        As in :func:`condition_counts`.
    unknown
        Add an :data:`UNKNOWN` column counting assets with no condition (never inspected) or
        a code outside ``codes``, so every asset is counted and the row sums add up to the
        layer's count — what a report's totals need. The chart leaves it out (no bar for it).

    Returns
    -------
    pandas.DataFrame
        Integer counts, rows in district order, columns ``codes`` (then ``UNKNOWN``).
    """
    if name_field not in districts.frame.columns:
        raise KeyError(
            translate("ConditionStats", "Layer '{layer}' has no field '{field}'.").format(
                layer=districts.name, field=name_field
            )
        )
    names = [str(n) for n in districts.frame[name_field].to_numpy()]
    outside = translate("ConditionStats", "(outside the districts)")
    zone = _district_of(assets, districts)
    cls = _class_index(_codes_of(assets, field), codes)
    columns: list[int | str] = list(codes)
    if unknown:
        cls = np.where(cls >= 0, cls, len(codes))
        columns.append(UNKNOWN)
    keep = cls >= 0
    zone_slot = np.where(zone[keep] >= 0, zone[keep], len(names))
    table = np.zeros((len(names) + 1, len(columns)), dtype=np.int64)
    np.add.at(table, (zone_slot, cls[keep]), 1)
    frame = pd.DataFrame(table, index=[*names, outside], columns=columns)
    frame = frame.groupby(level=0, sort=False).sum()  # districts split into several polygons
    if frame.loc[outside].sum() == 0:
        frame = frame.drop(index=outside)
    return frame
