"""Metres whatever the layer's CRS: pick a metric CRS and reproject when needed.

Planners ask for "within 50 m" and "km of road" on data that may come in WGS 84 degrees. Layers
already in a projected CRS measured in metres are used as they are; anything else (geographic,
feet) is reprojected to the UTM zone that covers the data, which pyproj chooses from the extent.
"""

from __future__ import annotations

import geopandas as gpd
from pyproj import CRS

from gisdesk.i18n import translate


class CRSMissingError(ValueError):
    """A layer has no coordinate reference system, so distances would be meaningless."""


def require_crs(frame: gpd.GeoDataFrame, name: str = "layer") -> CRS:
    """The frame's CRS, or a clear error naming the layer when it has none."""
    crs = getattr(frame, "crs", None)
    if crs is None:
        msg = translate(
            "Query",
            "Layer '{0}' has no coordinate reference system (CRS); set one before measuring "
            "distances, lengths or areas",
        )
        raise CRSMissingError(msg.format(name))
    return CRS.from_user_input(crs)


def is_metric(crs: CRS) -> bool:
    """True for a projected CRS whose axes are in metres."""
    if not crs.is_projected:
        return False
    units = {axis.unit_name.lower() for axis in crs.axis_info}
    return units <= {"metre", "meter", "m"}


def metric_crs(frame: gpd.GeoDataFrame, name: str = "layer") -> CRS:
    """The CRS to measure ``frame`` in: its own when metric, else the UTM zone of its extent."""
    crs = require_crs(frame, name)
    if is_metric(crs):
        return crs
    if len(frame) == 0 or frame.geometry.is_empty.all():
        return CRS.from_epsg(3857)  # nothing to measure; any metric CRS will do
    try:
        return frame.estimate_utm_crs()
    except RuntimeError:  # beyond UTM's reach (polar data): equidistant around the data
        lon, lat = frame.to_crs(4326).geometry.union_all().centroid.coords[0]
        return CRS.from_proj4(f"+proj=aeqd +lat_0={lat} +lon_0={lon} +datum=WGS84 +units=m")


def to_metric(
    frame: gpd.GeoDataFrame, name: str = "layer", crs: CRS | None = None
) -> gpd.GeoDataFrame:
    """``frame`` in ``crs`` (default: :func:`metric_crs`); no copy when already there."""
    source = require_crs(frame, name)
    target = crs if crs is not None else metric_crs(frame, name)
    return frame if source.equals(target) else frame.to_crs(target)
