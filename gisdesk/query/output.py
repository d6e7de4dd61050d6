"""Query results out of the program: a text table, JSON, CSV or a GeoPackage layer.

Shared by ``gisdesk query`` and ``gisdesk trace`` (and scripts), so every answer can be taken
out the same way.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd

from gisdesk.i18n import translate
from gisdesk.paths import ensure_parent


def plain(value: Any) -> Any:
    """A JSON-friendly version of a cell: numpy scalars, NaN/NaT as None, dates as ISO text."""
    if isinstance(value, np.generic):
        value = value.item()
    if value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, pd.Timestamp | dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, bytes | bytearray):
        return value.hex()
    if pd.api.types.is_scalar(value) and pd.isna(value):
        return None
    return value


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as dictionaries of plain values, without the geometry column."""
    table = _attributes(frame)
    return [{str(k): plain(v) for k, v in row.items()} for row in table.to_dict(orient="records")]


def to_json(data: Any) -> str:
    """Indented JSON that accepts numpy and pandas values."""
    return json.dumps(data, default=plain, ensure_ascii=False, indent=2)


def format_table(frame: pd.DataFrame, limit: int | None = 50) -> str:
    """A fixed-width text table of the attributes (first ``limit`` rows, then "... more")."""
    table = _attributes(frame)
    shown = table if limit is None else table.head(limit)
    columns = [str(c) for c in shown.columns]
    cells = [[_cell(v) for v in row] for row in shown.itertuples(index=False)]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)) for r in cells]
    if limit is not None and len(table) > limit:
        more = translate("Query", "... {0} more rows (use --json or --out for all)")
        lines.append(more.format(len(table) - limit))
    return "\n".join(lines)


def write_result(frame: pd.DataFrame, out: Path, layer_name: str = "result") -> Path:
    """Write ``frame`` to ``.csv`` (attributes only), ``.gpkg`` or ``.json``.

    Raises
    ------
    ValueError
        For another extension, or a GeoPackage requested for a table without geometry.
    """
    suffix = Path(out).suffix.lower()
    if suffix not in (".csv", ".json", ".gpkg"):
        msg = translate("Query", "{0}: unsupported output type '{1}' (use .csv, .gpkg or .json)")
        raise ValueError(msg.format(out, suffix))
    if suffix == ".gpkg" and (not isinstance(frame, gpd.GeoDataFrame)
                              or frame.geometry.name not in frame.columns):
        raise ValueError(translate("Query", "{0}: this result has no geometry; write a .csv")
                         .format(out))
    out = ensure_parent(out)
    if suffix == ".csv":
        _attributes(frame).to_csv(out, index=False)
    elif suffix == ".json":
        out.write_text(to_json(records(frame)), encoding="utf-8")
    else:
        try:
            frame.to_file(out, layer=layer_name, driver="GPKG", engine="pyogrio")
        except Exception as exc:  # GDAL errors come in many classes; all mean "not written"
            msg = translate("Export", "Cannot write layer '{0}' to {1}: {2}")
            raise ValueError(msg.format(layer_name, out, exc)) from exc
    return out


def id_columns(frame: pd.DataFrame, preferred: Sequence[str | None]) -> list[str]:
    """The first of ``preferred`` columns present (label field, key), for compact listings."""
    return [c for c in preferred if c and c in frame.columns][:1]


def _attributes(frame: pd.DataFrame) -> pd.DataFrame:
    if isinstance(frame, gpd.GeoDataFrame) and frame.geometry.name in frame.columns:
        return pd.DataFrame(frame.drop(columns=frame.geometry.name))
    return frame


def _cell(value: Any) -> str:
    value = plain(value)
    if value is None:
        return "NULL"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return f"{value:.2f}"
    return str(value).replace("\n", " ")[:40]
