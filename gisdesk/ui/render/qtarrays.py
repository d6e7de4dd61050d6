"""Fill Qt geometry containers straight from numpy arrays.

Building a ``QPainterPath`` with one ``moveTo``/``lineTo`` call per vertex costs about a
microsecond of Python per vertex, which is seconds for a city. Qt can deserialise a path or a
polygon from a ``QDataStream`` instead, so we lay the bytes out with numpy (in the host byte
order, which the stream is told to use) and let Qt read them in one call. The trick is the one
pyqtgraph's ``arrayToQPath`` uses; we keep our own copy so the renderer does not import
pyqtgraph (and its global configuration) in a worker thread.
"""

from __future__ import annotations

import sys

import numpy as np
from PySide6.QtCore import QByteArray, QDataStream, QIODevice
from PySide6.QtGui import QPainterPath, QPolygonF

_LITTLE = sys.byteorder == "little"
_PATH_ELEMENT = np.dtype([("c", "<i4" if _LITTLE else ">i4"), ("x", "=f8"), ("y", "=f8")])
_WINDING_FILL = 1


def _reader(data: QByteArray) -> QDataStream:
    """A stream over ``data``; the caller keeps ``data`` alive while reading (Qt borrows it)."""
    stream = QDataStream(data, QIODevice.OpenModeFlag.ReadOnly)
    stream.setByteOrder(
        QDataStream.ByteOrder.LittleEndian if _LITTLE else QDataStream.ByteOrder.BigEndian
    )
    return stream


def path_from_runs(xy: np.ndarray, starts: np.ndarray) -> QPainterPath:
    """One path holding many polylines/rings, each starting a new subpath.

    Parameters
    ----------
    xy : (n, 2) float array
        Vertices of all runs back to back, in pixel coordinates.
    starts : int array
        Index in ``xy`` where each run begins (sorted, first is 0). Rings that repeat their
        first vertex at the end come out closed, which is what polygon fills and outlines need.

    Returns
    -------
    QPainterPath
        With non-zero winding filling: overlapping rings all fill, and holes stay holes
        because :mod:`prepared` winds them against their exterior.
    """
    n = len(xy)
    path = QPainterPath()
    if n == 0:
        return path
    header = np.array([n], dtype=np.int32 if _LITTLE else ">i4")
    body = np.empty(n, dtype=_PATH_ELEMENT)
    body["c"] = 1
    body["c"][starts] = 0
    body["x"] = xy[:, 0]
    body["y"] = xy[:, 1]
    trailer = np.array([0, _WINDING_FILL], dtype=np.int32 if _LITTLE else ">i4")
    data = QByteArray(header.tobytes() + body.tobytes() + trailer.tobytes())
    _reader(data) >> path
    return path


def polygon_from_points(xy: np.ndarray) -> QPolygonF:
    """A ``QPolygonF`` of ``xy`` for ``drawPoints`` (many pixels in one call)."""
    poly = QPolygonF()
    if len(xy) == 0:
        return poly
    header = np.array([len(xy)], dtype=np.uint32 if _LITTLE else ">u4")
    body = np.ascontiguousarray(xy, dtype="=f8")
    data = QByteArray(header.tobytes() + body.tobytes())
    _reader(data) >> poly
    return poly
