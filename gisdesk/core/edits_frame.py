"""Row-level access to a layer's frame by UUID, for the edit commands.

Features are found by their UUID key, never by row position: positions shift with every insert
and delete, and they mean nothing to sync or to the file. Rows travel as plain dicts of Python
values (plus the shapely geometry under the frame's geometry column name) so commands can keep
them for undo and the journal can serialise them.
"""

from __future__ import annotations

import datetime as dt
import math
import weakref
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd

from gisdesk.core.layer import MapLayer
from gisdesk.i18n import translate

Row = dict[str, Any]
_INDEX_FROM_ROWS = 50_000
"""Below this many rows a vectorised scan is as fast as keeping a hash index."""


def key_of(layer: MapLayer) -> str:
    """Name of the UUID key column (from the definition, ``uuid`` without one)."""
    return layer.definition.key if layer.definition else "uuid"


def geometry_column(frame: pd.DataFrame) -> str | None:
    """The active geometry column of a GeoDataFrame, None for plain tables."""
    if isinstance(frame, gpd.GeoDataFrame) and frame._geometry_column_name in frame:
        return frame.geometry.name
    return None


_LOOKUPS: dict[int, tuple[weakref.ref[pd.DataFrame], str, pd.Index]] = {}


def _cached_position(frame: pd.DataFrame, key: str, uuid: str) -> int | None:
    """Row position of ``uuid`` from a per-frame hash index, checked against the frame.

    Scanning a million keys costs ~20 ms and an edit looks a feature up several times, so each
    frame gets a key → position index on first use (built again when the frame object is
    replaced, as inserts and deletes do). A hit is verified; a miss returns None.
    """
    entry = _LOOKUPS.get(id(frame))
    if entry is None or entry[0]() is not frame or entry[1] != key:
        for dead in [k for k, v in _LOOKUPS.items() if v[0]() is None]:
            del _LOOKUPS[dead]
        entry = (weakref.ref(frame), key, pd.Index(frame[key]))
        _LOOKUPS[id(frame)] = entry
    try:
        pos = entry[2].get_loc(uuid)
    except KeyError:
        return None
    if isinstance(pos, int | np.integer) and frame[key].iat[pos] == uuid:
        return int(pos)
    raise LookupError("stale or duplicate key index")


def warm_lookup(layer: MapLayer) -> None:
    """Build the key index of a large layer now (e.g. when editing starts), not on first edit."""
    key = key_of(layer)
    if len(layer.frame) >= _INDEX_FROM_ROWS and key in layer.frame.columns:
        _cached_position(layer.frame, key, "")


def locate(layer: MapLayer, uuid: str) -> Any | None:
    """Index label of the feature with ``uuid``, or None when it is not in the layer."""
    frame, key = layer.frame, key_of(layer)
    if key not in frame.columns:
        return None
    if len(frame) >= _INDEX_FROM_ROWS:
        try:
            pos = _cached_position(frame, key, uuid)
            return None if pos is None else frame.index[pos]
        except LookupError:
            _LOOKUPS.pop(id(frame), None)
    hits = np.flatnonzero((frame[key] == uuid).to_numpy(dtype=bool, na_value=False))
    return frame.index[hits[0]] if len(hits) else None


def require(layer: MapLayer, uuid: str) -> Any:
    """Like :func:`locate` but raise KeyError naming layer and UUID when missing."""
    label = locate(layer, uuid)
    if label is None:
        raise KeyError(
            translate("Edits", "Layer '{layer}' has no feature with UUID {uuid}.").format(
                layer=layer.name, uuid=uuid
            )
        )
    return label


def py_value(value: Any) -> Any:
    """A frame cell as a plain Python value (None for every kind of missing)."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.isoformat() if (value.hour or value.minute or value.second) else (
            value.date().isoformat()
        )
    if isinstance(value, dt.date):
        return value.isoformat()
    if hasattr(value, "item") and not hasattr(value, "geom_type"):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def get_row(layer: MapLayer, uuid: str) -> Row | None:
    """The feature with ``uuid`` as a dict (geometry kept as a shapely object), or None."""
    label = locate(layer, uuid)
    if label is None:
        return None
    series = layer.frame.loc[label]
    geom = geometry_column(layer.frame)
    row = {col: (series[col] if col == geom else py_value(series[col])) for col in series.index}
    if layer.definition is not None:  # integer fields read as float when the file has NULLs
        for fdef in layer.definition.fields:
            value = row.get(fdef.name)
            if fdef.type == "integer" and isinstance(value, float) and value.is_integer():
                row[fdef.name] = int(value)
    return row


def position_of(layer: MapLayer, uuid: str) -> int:
    """Row position of ``uuid`` (used only to put an undone delete back where it was)."""
    return int(layer.frame.index.get_loc(require(layer, uuid)))


def _cell(frame: pd.DataFrame, col: str, value: Any) -> Any:
    if value is None:
        return None
    if pd.api.types.is_datetime64_any_dtype(frame[col].dtype):
        return pd.Timestamp(value)
    return value


def set_cell(layer: MapLayer, uuid: str, col: str, value: Any) -> None:
    """Set one attribute (or the geometry) of the feature with ``uuid`` in place."""
    frame = layer.frame
    label = require(layer, uuid)
    if col == geometry_column(frame):
        frame.loc[[label], col] = gpd.GeoSeries([value], index=[label], crs=frame.crs)
        return
    if col == key_of(layer):
        _LOOKUPS.pop(id(frame), None)  # the key column changes: drop its lookup index
    if col not in frame.columns:
        frame[col] = None
    try:
        frame.at[label, col] = _cell(frame, col, value)
    except (TypeError, ValueError):
        # e.g. None into an int64 column, or text into a numeric one: widen the column.
        frame[col] = frame[col].astype(object)
        frame.at[label, col] = value


def _label_for_new(frame: pd.DataFrame) -> Any:
    if len(frame) == 0:
        return 0
    if pd.api.types.is_integer_dtype(frame.index.dtype):
        return int(frame.index.max()) + 1
    return len(frame)


def _one_row_frame(frame: pd.DataFrame, row: Row, label: Any) -> pd.DataFrame:
    data = {col: [_cell(frame, col, row.get(col))] for col in frame.columns if col in row}
    geom = geometry_column(frame)
    if geom is None:
        return pd.DataFrame(data, index=[label])
    data[geom] = [row.get(geom)]
    return gpd.GeoDataFrame(data, index=[label], geometry=geom, crs=frame.crs)


def insert_row(layer: MapLayer, row: Row, position: int | None = None) -> None:
    """Add ``row`` to the layer (at ``position``, default the end), adding missing columns."""
    frame = layer.frame
    geom = geometry_column(frame)
    for col in row:
        if col not in frame.columns and col != geom:
            frame[col] = None  # a defined field the file lacks: keep the value, not drop it
    new = _one_row_frame(frame, row, _label_for_new(frame))
    pos = len(frame) if position is None else max(0, min(position, len(frame)))
    parts = [frame.iloc[:pos], new, frame.iloc[pos:]]
    merged = pd.concat([p for p in parts if len(p)] or [new])
    if geom is not None:
        merged = gpd.GeoDataFrame(merged, geometry=geom, crs=frame.crs)
    layer.frame = merged


def delete_row(layer: MapLayer, uuid: str) -> None:
    """Remove the feature with ``uuid``."""
    layer.frame = layer.frame.drop(index=require(layer, uuid))
