"""A layer's coordinate reference system: naming it, and declaring it when the file is wrong.

Everything on the map lives in the project CRS. A file with no CRS (a shapefile without ``.prj``,
a GeoJSON written without one) or with a wrong one is never guessed into place: the user says
which CRS the coordinates are in (Layer ▸ Set CRS, as in QGIS) and :func:`assign_crs` *declares*
it — the coordinates are taken as they are, not transformed — then moves the layer onto the map.
This lives in the core because it changes the model; :mod:`gisdesk.io.reproject` re-exports it
for the readers.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import geopandas as gpd
import numpy as np
import shapely
from pyproj import CRS
from pyproj.exceptions import CRSError

from gisdesk.core.layer import MapLayer
from gisdesk.i18n import translate

SUGGESTED_CRS = ("EPSG:32651", "EPSG:4326", "EPSG:23871", "EPSG:23840", "EPSG:3857")
"""CRSs data about Kota Gorontalo (123.06°E, 0.54°N) usually comes in: WGS 84 / UTM 51N (the
project CRS), lon/lat, DGN95 / UTM 51N (the Indonesian national datum; EPSG:23891 is *ID74 / UTM
51S*, not this), DGN95 / Indonesia TM-3 zone 51.2 (123°–126°E, land-office parcels) and web
Mercator (tiles, web exports)."""


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


@dataclass(frozen=True)
class CrsInfo:
    """What the Set CRS and Properties dialogs show about a CRS."""

    code: str
    """``EPSG:32651``, or the WKT of a CRS without an authority code."""
    name: str
    """pyproj's name, e.g. ``WGS 84 / UTM zone 51N``."""
    geographic: bool
    """True for lon/lat CRSs (degrees)."""


def describe_crs(crs: Any) -> CrsInfo:
    """Code and name of ``crs`` (any text pyproj accepts); ValueError for unknown ones."""
    parsed = parse_crs(crs)
    return CrsInfo(crs_to_string(parsed) or "", parsed.name, parsed.is_geographic)


def known_crs(codes: tuple[str, ...] = SUGGESTED_CRS) -> list[CrsInfo]:
    """The ``codes`` this PROJ database knows, in order (an old PROJ may lack DGN95)."""
    out = []
    for code in codes:
        try:
            out.append(describe_crs(code))
        except ValueError:
            continue
    return out


def to_target(frame: gpd.GeoDataFrame, target_crs: Any) -> gpd.GeoDataFrame:
    """``frame`` in ``target_crs``; frames without a CRS are returned unchanged."""
    if frame.crs is None or target_crs is None:
        return frame
    if CRS.from_user_input(frame.crs) == CRS.from_user_input(target_crs):
        return frame
    return frame.to_crs(target_crs)


def assign_crs(layer: MapLayer, crs: Any, target_crs: Any = "EPSG:32651") -> MapLayer:
    """Declare the CRS of a layer whose file had none (or a wrong one), and move it onto the map.

    The coordinates are taken as being in ``crs`` (no transformation), then reprojected to
    ``target_crs``. The "no CRS" problem note is removed and ``source_crs`` remembers ``crs`` so
    a later save writes edits back in those coordinates.

    Raises ValueError, changing nothing, when ``crs`` is unknown or when the coordinates cannot
    be in it (lon/lat beyond ±180/±90, i.e. metres declared as degrees): the message names the
    layer and the first feature that would leave the map.

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
    raw = frame
    frame = frame.set_crs(parsed, allow_override=True)
    try:
        moved = to_target(frame, target_crs)
    except (CRSError, RuntimeError) as exc:  # pyproj's ProjError is a RuntimeError
        raise ValueError(
            translate("Reader", "Layer '{layer}': {crs} cannot be transformed to the project "
                      "CRS: {why}").format(layer=layer.name, crs=parsed.name, why=exc)
        ) from exc
    _check_finite(layer, raw, moved, parsed)
    layer.frame = moved
    layer.source_crs = crs_to_string(parsed)
    layer.declared_crs = layer.source_crs
    layer.problems = [p for p in layer.problems if p != no_crs_problem()]
    layer.touch()
    return layer


def _check_finite(layer: MapLayer, raw: gpd.GeoDataFrame, moved: gpd.GeoDataFrame,
                  crs: CRS) -> None:
    """Refuse a declaration that sends features to infinity (they cannot be in ``crs``)."""
    if len(moved) == 0 or not isinstance(moved, gpd.GeoDataFrame):
        return
    coords, index = shapely.get_coordinates(moved.geometry.values, return_index=True)
    bad = ~np.isfinite(coords).all(axis=1)
    if not bad.any():
        return
    rows = np.unique(index[bad])
    first = int(rows[0])
    x, y = shapely.get_coordinates(raw.geometry.values[first])[0]
    raise ValueError(
        translate("Reader", "Layer '{layer}': {n} feature(s) cannot be in {crs} — feature "
                  "{feature} has coordinates ({x:.6g}, {y:.6g}), outside what that CRS can "
                  "place. Check which CRS the data was made in.").format(
            layer=layer.name, n=len(rows), crs=f"{crs_to_string(crs)} ({crs.name})",
            feature=moved.index[first], x=x, y=y)
    )
