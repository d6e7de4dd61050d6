"""Checks on geometries as they are read: what to keep, what to flag, what to tell the user.

Real files carry null, empty, invalid and exotic geometries. None of them may stop a layer from
opening, and none may vanish silently: features are always kept (an asset without a shape still
has its attributes, and saving must not delete it), and each kind of trouble becomes one short
note in ``MapLayer.problems`` with a count and the first few feature ids.
"""

from __future__ import annotations

from collections.abc import Sequence

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from gisdesk.i18n import translate

FIRST_IDS = 5
"""How many example feature ids a problem note lists."""


def ids_text(ids: Sequence[object]) -> str:
    """"3, 8, 12 …" — the first few ids of affected features."""
    shown = ", ".join(str(i) for i in list(ids)[:FIRST_IDS])
    return shown + (" …" if len(ids) > FIRST_IDS else "")


def decode_wkb(wkb: Sequence[bytes | None]) -> tuple[np.ndarray, np.ndarray]:
    """Geometries from WKB, plus a mask of those present in the file but not understood.

    Unclosed rings are closed (shapely's ``on_invalid="fix"``); geometry types GEOS does not know
    (TIN, MultiPatch) come back as None and are flagged in the mask instead of failing the layer.
    """
    raw = np.asarray(wkb, dtype=object)
    geoms = shapely.from_wkb(raw, on_invalid="fix")
    present = ~pd.isna(raw)
    return geoms, present & shapely.is_missing(geoms)


def note_unreadable(frame: gpd.GeoDataFrame, mask: np.ndarray, geometry_type: str) -> list[str]:
    """Problem note for features whose geometry type GIS Desk cannot draw."""
    if not mask.any():
        return []
    ids = frame.index[mask].tolist()
    return [
        translate(
            "Reader",
            "{n} feature(s) have shapes GIS Desk cannot draw (layer type {kind}; e.g. a line "
            "with one point, MultiPatch or TIN); their attributes are loaded without a shape "
            "(ids {ids})",
        ).format(n=int(mask.sum()), kind=geometry_type or "unknown", ids=ids_text(ids))
    ]


def clean_geometries(
    frame: gpd.GeoDataFrame, skip: np.ndarray | None = None
) -> tuple[gpd.GeoDataFrame, list[str]]:
    """Normalise odd geometries in place of the frame's column and describe what was found.

    * empty geometries (and points with NaN coordinates) become None: there is nothing to draw;
    * GeometryCollections holding one kind of part become the matching Multi* geometry;
    * invalid geometries (self-intersections, bow-ties) are kept as they are and reported.

    ``skip`` marks features already reported as unreadable, so they are not counted twice.
    """
    if frame.geometry.name not in frame or len(frame) == 0:
        return frame, []
    geoms = np.asarray(frame.geometry.values, dtype=object)
    notes: list[str] = []
    collapsed = _collapse_collections(geoms)
    nan_coords = has_nonfinite_coordinates(collapsed)
    empty = shapely.is_empty(collapsed) | nan_coords
    missing = shapely.is_missing(collapsed) | empty
    if skip is not None:
        missing &= ~skip
    if collapsed is not geoms or empty.any():  # most files: nothing to change, no new column
        geoms = np.where(empty, None, collapsed)
        frame = frame.set_geometry(gpd.GeoSeries(geoms, index=frame.index, crs=frame.crs))
    if missing.any():
        ids = frame.index[missing].tolist()
        notes.append(
            translate(
                "Reader",
                "{n} feature(s) have no geometry (null, empty or NaN coordinates); they are kept "
                "in the table but not drawn (ids {ids})",
            ).format(n=int(missing.sum()), ids=ids_text(ids))
        )
    invalid = ~missing & ~shapely.is_missing(geoms) & ~shapely.is_valid(geoms)
    if invalid.any():
        ids = frame.index[invalid].tolist()
        notes.append(
            translate(
                "Reader",
                "{n} feature(s) have invalid geometry (e.g. self-intersecting rings); they are "
                "kept and drawn as they are — check them with Layer ▸ Validate (ids {ids})",
            ).format(n=int(invalid.sum()), ids=ids_text(ids))
        )
    mixed = shapely.get_type_id(geoms) == shapely.GeometryType.GEOMETRYCOLLECTION
    if mixed.any():
        ids = frame.index[mixed].tolist()
        notes.append(
            translate(
                "Reader",
                "{n} feature(s) mix points, lines and polygons in one shape (GeometryCollection); "
                "tools that need one kind of shape skip them (ids {ids})",
            ).format(n=int(mixed.sum()), ids=ids_text(ids))
        )
    return frame, notes


def _collapse_collections(geoms: np.ndarray) -> np.ndarray:
    """A GeometryCollection of one kind of part becomes the matching Multi* geometry.

    Returns ``geoms`` itself when it holds no collection, a changed copy otherwise."""
    type_ids = shapely.get_type_id(geoms)
    found = np.flatnonzero(type_ids == shapely.GeometryType.GEOMETRYCOLLECTION)
    if not len(found):
        return geoms  # the same array: callers know nothing changed
    out = geoms.copy()
    for i in found:
        parts = shapely.get_parts(geoms[i])
        kinds = {p.geom_type.removeprefix("Multi") for p in parts}
        if len(kinds) != 1 or len(parts) == 0:
            continue
        flat = shapely.get_parts(parts)
        maker = {
            "Point": shapely.multipoints,
            "LineString": shapely.multilinestrings,
            "Polygon": shapely.multipolygons,
        }.get(kinds.pop())
        if maker is not None:
            out[i] = maker(flat)
    return out


def has_nonfinite_coordinates(geoms: np.ndarray) -> np.ndarray:
    """True where a geometry has a NaN/inf coordinate (GDAL reads corrupt points this way)."""
    coords, index = shapely.get_coordinates(geoms, return_index=True)
    bad = np.zeros(len(geoms), dtype=bool)
    if len(coords):
        rows = ~np.isfinite(coords).all(axis=1)
        bad[np.unique(index[rows])] = True
    return bad
