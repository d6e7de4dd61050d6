"""Coordinate reference systems: naming them, moving bboxes and data between them.

Everything on the map lives in the project CRS (UTM 51N, EPSG:32651, for Kota Gorontalo). Files
come in whatever CRS their author used; we remember it as ``MapLayer.source_crs`` so saves and
exports can go back to it. Data without a CRS is never guessed into place silently: it stays
where it is, is flagged, and the user sets the CRS with :func:`assign_crs`, which lives in
:mod:`gisdesk.core.crs` (it changes the model) and is re-exported here for the readers.
"""

from __future__ import annotations

from typing import Any

import geopandas as gpd
from pyproj import CRS, Transformer
from pyproj.exceptions import CRSError

from gisdesk.core.crs import assign_crs, crs_to_string, no_crs_problem, parse_crs, to_target
from gisdesk.i18n import translate
from gisdesk.io.geometry_checks import has_nonfinite_coordinates, ids_text

__all__ = [
    "Bbox", "assign_crs", "crs_to_string", "no_crs_problem", "parse_crs", "place", "to_target",
    "transform_bbox",
]

Bbox = tuple[float, float, float, float]


def transform_bbox(bbox: Bbox, src_crs: Any, dst_crs: Any) -> Bbox:
    """Bounds of ``bbox`` (in ``src_crs``) expressed in ``dst_crs``.

    Densifies the edges so a UTM box still covers its curved image in lon/lat.
    """
    if CRS.from_user_input(src_crs) == CRS.from_user_input(dst_crs):
        return bbox
    transformer = Transformer.from_crs(src_crs, dst_crs, always_xy=True)
    return tuple(transformer.transform_bounds(*bbox, densify_pts=21))  # type: ignore[return-value]


def place(frame: gpd.GeoDataFrame, target_crs: Any) -> tuple[gpd.GeoDataFrame, list[str]]:
    """Reproject ``frame`` to ``target_crs`` without ever failing the layer.

    A CRS that cannot be transformed (a local engineering CRS, a broken .prj) leaves the data in
    file coordinates with a note; features that land outside the projection's valid area (their
    coordinates become infinite) lose their shape with a note, instead of breaking the map extent.
    """
    try:
        moved = to_target(frame, target_crs)
    except (CRSError, ValueError, RuntimeError) as exc:
        name = CRS.from_user_input(frame.crs).name if frame.crs is not None else "?"
        return frame, [
            translate("Reader", "its CRS ({name}) cannot be transformed to the project CRS, so "
                      "it is shown in file coordinates [{why}]").format(name=name, why=exc)
        ]
    if moved is frame or len(moved) == 0:
        return moved, []
    bad = has_nonfinite_coordinates(moved.geometry.values)
    if not bad.any():
        return moved, []
    moved = moved.set_geometry(moved.geometry.where(~bad, None))
    ids = ids_text(moved.index[bad].tolist())
    return moved, [
        translate("Reader", "{n} feature(s) lie outside the area the project CRS can show; they "
                  "are kept without a shape (ids {ids})").format(n=int(bad.sum()), ids=ids)
    ]
