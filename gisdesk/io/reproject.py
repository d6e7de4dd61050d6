"""Coordinate reference systems: naming them, moving bboxes and data between them.

Everything on the map lives in the project CRS (UTM 51N, EPSG:32651, for Kota Gorontalo). Files
come in whatever CRS their author used; we remember it as ``MapLayer.source_crs`` so saves and
exports can go back to it. Data without a CRS is never guessed into place silently: it stays
where it is, is flagged, and the user sets the CRS with :func:`assign_crs`.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import geopandas as gpd
from pyproj import CRS, Transformer
from pyproj.exceptions import CRSError

from gisdesk.core.layer import MapLayer
from gisdesk.i18n import translate
from gisdesk.io.geometry_checks import has_nonfinite_coordinates, ids_text

Bbox = tuple[float, float, float, float]


def no_crs_problem() -> str:
    """The note attached to layers whose file carries no CRS."""
    return translate("Reader", "no CRS — set it with Layer ▸ Set CRS")


def crs_to_string(crs: Any) -> str | None:
    """Short, stable text for a CRS: "EPSG:4326" when an authority code matches, else WKT.

    Custom CRSs (a QGIS "unnamed" Lambert, an old .prj) have no code; their WKT keeps them exact.
    The authority search scans the PROJ database (a second for custom CRSs), so results for
    text input are cached: a folder of shapefiles usually shares one .prj.
    """
    if crs is None:
        return None
    if isinstance(crs, str):
        return _crs_text_to_string(crs)
    return _describe(CRS.from_user_input(crs))


@lru_cache(maxsize=256)
def _crs_text_to_string(text: str) -> str:
    return _describe(CRS.from_user_input(text))


def _describe(crs: CRS) -> str:
    code = crs.to_authority(min_confidence=90)
    if code is not None:
        return f"{code[0]}:{code[1]}"
    return crs.to_wkt()


def transform_bbox(bbox: Bbox, src_crs: Any, dst_crs: Any) -> Bbox:
    """Bounds of ``bbox`` (in ``src_crs``) expressed in ``dst_crs``.

    Densifies the edges so a UTM box still covers its curved image in lon/lat.
    """
    if CRS.from_user_input(src_crs) == CRS.from_user_input(dst_crs):
        return bbox
    transformer = Transformer.from_crs(src_crs, dst_crs, always_xy=True)
    return tuple(transformer.transform_bounds(*bbox, densify_pts=21))  # type: ignore[return-value]


def to_target(frame: gpd.GeoDataFrame, target_crs: Any) -> gpd.GeoDataFrame:
    """``frame`` in ``target_crs``; frames without a CRS are returned unchanged."""
    if frame.crs is None or target_crs is None:
        return frame
    if CRS.from_user_input(frame.crs) == CRS.from_user_input(target_crs):
        return frame
    return frame.to_crs(target_crs)


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


def parse_crs(crs: Any) -> CRS:
    """A pyproj CRS from user text ("EPSG:4326", "4326", WKT, PROJ), with a clear error."""
    text = str(crs).strip()
    try:
        return CRS.from_user_input(int(text) if text.isdigit() else crs)
    except CRSError as exc:
        raise ValueError(
            translate("Reader", "'{crs}' is not a coordinate reference system GIS Desk knows "
                      "(try a code such as EPSG:4326): {why}").format(crs=crs, why=exc)
        ) from exc


def assign_crs(layer: MapLayer, crs: Any, target_crs: Any = "EPSG:32651") -> MapLayer:
    """Declare the CRS of a layer whose file had none, and move it to the project CRS.

    The coordinates are taken as being in ``crs`` (no transformation), then reprojected to
    ``target_crs``. The "no CRS" problem note is removed and ``source_crs`` remembers ``crs`` so
    a later save writes it into the file.

    Parameters
    ----------
    layer
        The layer to fix; changed in place and returned.
    crs
        The CRS the coordinates really are in (anything pyproj accepts).
    target_crs
        The project CRS.
    """
    parsed = parse_crs(crs)
    frame = layer.frame
    if frame.crs is not None and layer.source_crs is not None:
        # Already placed: undo the earlier reprojection by going back to the file's CRS first.
        frame = frame.to_crs(layer.source_crs)
    frame = frame.set_crs(parsed, allow_override=True)
    layer.frame = to_target(frame, target_crs)
    layer.source_crs = crs_to_string(parsed)
    layer.problems = [p for p in layer.problems if p != no_crs_problem()]
    layer.touch()
    return layer
