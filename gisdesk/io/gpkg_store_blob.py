"""GeoPackage geometry blobs, and the SQL functions GDAL's R-tree triggers call.

A GeoPackage geometry is a small header (magic ``GP``, version, flags, SRS id, optional
envelope) followed by standard WKB. Files written by GDAL keep their spatial index current with
triggers that call ``ST_MinX``, ``ST_MaxX``, ``ST_MinY``, ``ST_MaxY`` and ``ST_IsEmpty``; those
functions exist only inside GDAL (or SpatiaLite), so a plain sqlite3 connection must provide them
before it touches a geometry, or every insert and update fails with "no such function".
"""

from __future__ import annotations

import math
import sqlite3
import struct
from collections.abc import Callable
from functools import lru_cache

import shapely

_MAGIC = b"GP"
_ENVELOPE_BYTES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}
Envelope = tuple[float, float, float, float]
"""(min_x, max_x, min_y, max_y): the order the GeoPackage header uses."""


def to_blob(geom: shapely.Geometry | None, srs_id: int) -> bytes | None:
    """Encode ``geom`` as a GeoPackage blob (little endian; XY envelope except for points).

    Points carry no envelope, as GDAL writes them: the envelope would be the point itself.
    """
    if geom is None:
        return None
    flags = 0x01  # little-endian header values
    envelope = b""
    if geom.is_empty:
        flags |= 0x10
    elif geom.geom_type != "Point":
        flags |= 0x02  # envelope type 1: [minx, maxx, miny, maxy]
        minx, miny, maxx, maxy = geom.bounds
        envelope = struct.pack("<4d", minx, maxx, miny, maxy)
    header = _MAGIC + bytes([0, flags]) + struct.pack("<i", srs_id) + envelope
    return header + shapely.to_wkb(geom, byte_order=1, flavor="iso")


def _split(blob: bytes) -> tuple[int, int, int]:
    """(flags, envelope type, WKB offset) of a GeoPackage blob; ValueError if it is not one."""
    if len(blob) < 8 or blob[:2] != _MAGIC:
        raise ValueError("not a GeoPackage geometry blob")
    flags = blob[3]
    env_type = (flags >> 1) & 0x07
    if env_type not in _ENVELOPE_BYTES:
        raise ValueError(f"invalid envelope type {env_type} in GeoPackage geometry blob")
    return flags, env_type, 8 + _ENVELOPE_BYTES[env_type]


@lru_cache(maxsize=256)
def envelope(blob: bytes) -> Envelope | None:
    """Envelope of a blob from its header (or its WKB when the header has none); None if empty.

    Cached because each R-tree trigger calls four or five functions on the same blob.
    """
    flags, env_type, offset = _split(blob)
    if flags & 0x10:
        return None
    if env_type:
        order = "<" if flags & 0x01 else ">"
        return struct.unpack_from(order + "4d", blob, 8)
    geom = shapely.from_wkb(blob[offset:])
    if geom.is_empty:
        return None
    minx, miny, maxx, maxy = geom.bounds
    if any(math.isnan(v) for v in (minx, miny, maxx, maxy)):  # NaN coordinates: an empty point
        return None
    return (minx, maxx, miny, maxy)


def from_blob(blob: bytes | None) -> shapely.Geometry | None:
    """Decode a GeoPackage blob to a shapely geometry (None stays None)."""
    if blob is None:
        return None
    _flags, _env, offset = _split(blob)
    return shapely.from_wkb(blob[offset:])


def _part(index: int) -> Callable[[bytes | None], float | None]:
    def fn(blob: bytes | None) -> float | None:
        if blob is None:
            return None
        env = envelope(bytes(blob))
        return None if env is None else env[index]

    return fn


def _is_empty(blob: bytes | None) -> int | None:
    if blob is None:
        return None
    return 1 if envelope(bytes(blob)) is None else 0


def register_functions(conn: sqlite3.Connection) -> None:
    """Give ``conn`` the ST_* functions GDAL's spatial-index triggers need."""
    for name, index in (("ST_MinX", 0), ("ST_MaxX", 1), ("ST_MinY", 2), ("ST_MaxY", 3)):
        conn.create_function(name, 1, _part(index), deterministic=True)
    conn.create_function("ST_IsEmpty", 1, _is_empty, deterministic=True)
