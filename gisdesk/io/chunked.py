"""Reading one layer in pieces, so big files report progress and can be cancelled.

The fast path streams Arrow record batches from GDAL (pyogrio ``open_arrow``). GDAL's Arrow
stream refuses curved geometries and text it cannot decode, so a second path reads the same
layer in row windows through pyogrio's feature-by-feature reader, which linearises curves.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import pyarrow as pa
import pyogrio
from geopandas.array import from_shapely
from pyogrio.raw import open_arrow

from gisdesk.i18n import translate
from gisdesk.io.errors import ReadCancelled
from gisdesk.io.geometry_checks import decode_wkb

Progress = Callable[[float], None]
Cancel = Callable[[], bool]
BATCH_ROWS = 20_000


@dataclass
class Request:
    """What to read: a GDAL source and layer, with optional filters and callbacks."""

    source: str | bytes
    layer: str | int
    options: dict[str, str] = field(default_factory=dict)
    bbox: tuple[float, float, float, float] | None = None
    where: str | None = None
    total: int = -1
    progress: Progress | None = None
    cancel: Cancel | None = None
    read_geometry: bool = True
    batch_rows: int = BATCH_ROWS

    def tick(self, done: int) -> None:
        """Check for cancellation, then report progress (a fraction in 0..1)."""
        if self.cancel is not None and self.cancel():
            raise ReadCancelled(str(self.layer))
        if self.progress is not None:
            self.progress(min(done / self.total, 1.0) if self.total > 0 else 0.0)


@dataclass
class Result:
    """The features read, their CRS and geometry type, and which shapes were not understood."""

    frame: gpd.GeoDataFrame | pd.DataFrame
    crs: str | None
    geometry_type: str
    unreadable: np.ndarray
    notes: list[str] = field(default_factory=list)


def read_arrow(req: Request) -> Result:
    """Stream the layer as Arrow batches (fast path). Raises what pyogrio raises."""
    batches: list[pa.RecordBatch] = []
    done = 0
    req.tick(0)
    with open_arrow(
        req.source, layer=req.layer, bbox=req.bbox, where=req.where, batch_size=req.batch_rows,
        use_pyarrow=True, return_fids=True, read_geometry=req.read_geometry, **req.options,
    ) as (meta, reader):
        schema = reader.schema
        for batch in reader:
            batches.append(batch)
            done += batch.num_rows
            req.tick(done)
    table, notes = _recode(pa.Table.from_batches(batches, schema=schema), meta.get("encoding"))
    geom_col = meta["geometry_name"] or "wkb_geometry"
    wkb = None
    if geom_col in table.column_names:
        wkb = table.column(geom_col).to_numpy(zero_copy_only=False)
        table = table.drop_columns([geom_col])
    fid = meta["fid_column"]
    index = None
    if fid in table.column_names:  # the index straight from Arrow, not via set_index
        index = pd.Index(table.column(fid).to_numpy(), name="fid")
        table = table.drop_columns([fid])
    df = table.to_pandas()
    if index is not None:
        df.index = index
    if wkb is None:
        return Result(df, meta["crs"], "None", np.zeros(len(df), bool), notes)
    geoms, unreadable = decode_wkb(wkb)
    # The geometry column goes in as a GeometryArray (no intermediate GeoSeries to align).
    df["geometry"] = from_shapely(geoms, crs=meta["crs"])
    frame = gpd.GeoDataFrame(df, geometry="geometry")
    return Result(frame, meta["crs"], meta["geometry_type"] or "Unknown", unreadable, notes)


def read_windows(req: Request, *, encoding: str | None = None) -> Result:
    """Read the layer in row windows without Arrow (curves are linearised by GDAL here)."""
    parts: list[pd.DataFrame] = []
    done = 0
    req.tick(0)
    while True:
        part = pyogrio.read_dataframe(
            req.source, layer=req.layer, bbox=req.bbox, where=req.where, encoding=encoding,
            skip_features=done, max_features=req.batch_rows, use_arrow=False,
            on_invalid="ignore", fid_as_index=True, read_geometry=req.read_geometry,
            **req.options,
        )
        parts.append(part)
        done += len(part)
        req.tick(done)
        if len(part) < req.batch_rows:
            break
    frame = pd.concat(parts) if len(parts) > 1 else parts[0]
    if isinstance(frame, gpd.GeoDataFrame):
        frame = gpd.GeoDataFrame(frame, geometry=frame.geometry.name, crs=parts[0].crs)
    crs = frame.crs.to_string() if isinstance(frame, gpd.GeoDataFrame) and frame.crs else None
    return Result(frame, crs, _geometry_type(frame), np.zeros(len(frame), bool))


def _recode(table: pa.Table, encoding: str | None) -> tuple[pa.Table, list[str]]:
    """Make every text column valid Unicode, decoding what GDAL passed through as raw bytes.

    When GDAL knows the code page (.cpg, DBF LDID) it converts text to UTF-8 and reports UTF-8.
    When it only assumes one (a DBF without either: ISO-8859-1) the Arrow stream carries the raw
    bytes and reports that code page, so we decode them here. A file that claims UTF-8 but is not
    (a Shift_JIS GeoJSON) would crash whoever displays the text later: bad bytes become U+FFFD.
    Text that decodes to C1 control characters was almost surely in another code page: say so.
    """
    utf8 = not encoding or encoding.replace("-", "").upper() == "UTF8"
    codec = "utf-8" if utf8 else str(encoding)
    notes: list[str] = []
    for i, column in enumerate(table.columns):
        if not pa.types.is_string(column.type) and not pa.types.is_large_string(column.type):
            continue
        if utf8 and _valid_utf8(column):
            continue
        raw = column.cast(pa.large_binary()).to_pylist()
        text = [None if b is None else b.decode(codec, errors="replace") for b in raw]
        table = table.set_column(i, table.field(i).with_type(pa.large_string()),
                                 pa.array(text, pa.large_string()))
        if utf8:
            notes.append(translate(
                "Reader", "some text is not valid UTF-8 although the format requires it; "
                "unreadable characters are shown as � — re-save the file as UTF-8"))
        elif any(t and _C1.search(t) for t in text):
            notes.append(translate(
                "Reader", "text was decoded as {encoding} (the file does not say its code page) "
                "and looks wrong; add a .cpg file naming the right one (e.g. UTF-8, CP1252, "
                "SHIFT_JIS)").format(encoding=encoding))
    return table, list(dict.fromkeys(notes))


def _valid_utf8(column: pa.ChunkedArray) -> bool:
    try:
        column.validate(full=True)
    except pa.ArrowInvalid:
        return False
    return True


_C1 = re.compile("[\x80-\x9f]")


def _geometry_type(frame: Any) -> str:
    if not isinstance(frame, gpd.GeoDataFrame) or len(frame) == 0:
        return "None" if not isinstance(frame, gpd.GeoDataFrame) else "Unknown"
    kinds = frame.geom_type.dropna().unique()
    return str(kinds[0]) if len(kinds) == 1 else "Unknown"
