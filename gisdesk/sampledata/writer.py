"""Write generated layers into a GeoPackage exactly as the layer definitions describe them.

The definition is the contract: every field is written with the storage type its definition type
maps to, in definition order, and values are checked against domains, ranges, lengths and
``required`` before anything is written, so a generator bug is reported naming the layer, the
field and the first bad feature instead of shipping a sample city that breaks other parts.
Fields a city adds to a definition that the generator does not know get their default (or stay
empty), so editing ``layers/`` does not break the sample city.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyogrio
import shapely

from gisdesk.core.definitions import Catalog, FieldDef, LayerDef
from gisdesk.sampledata.plan import CRS

ARROW_TYPES: dict[str, pa.DataType] = {
    "uuid": pa.string(),
    "text": pa.string(),
    "integer": pa.int64(),
    "real": pa.float64(),
    "date": pa.date32(),
    "datetime": pa.timestamp("ms"),
    "boolean": pa.bool_(),
}
"""Arrow type of each definition field type; GDAL stores them as TEXT, INTEGER, REAL, DATE,
DATETIME and BOOLEAN columns of the GeoPackage."""

GEOMETRY_COLUMN = "geom"
GPKG_VERSION = "1.3"  # 1.4 makes GDAL < 3.8 (Debian 12's ogrinfo) warn on open


@dataclass
class LayerData:
    """Generated features of one layer before writing: columns by field name and geometries."""

    name: str
    columns: dict[str, pa.Array | np.ndarray] = field(default_factory=dict)
    geometry: np.ndarray | None = None

    def __len__(self) -> int:
        if self.geometry is not None:
            return len(self.geometry)
        return len(next(iter(self.columns.values()))) if self.columns else 0


class SampleDataError(ValueError):
    """Generated data does not match its layer definition."""


def _as_arrow(values: pa.Array | np.ndarray, fdef: FieldDef, where: str) -> pa.Array:
    want = ARROW_TYPES[fdef.type]
    arr = values if isinstance(values, pa.Array | pa.ChunkedArray) else pa.array(values)
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    if arr.type == want:
        return arr
    try:
        return arr.cast(want)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError) as exc:
        raise SampleDataError(f"{where}: cannot store {arr.type} as {fdef.type}: {exc}") from exc


def _first_bad(mask: pa.Array | np.ndarray) -> int | None:
    bad = np.flatnonzero(np.asarray(pc.fill_null(mask, False)) if isinstance(mask, pa.Array)
                         else mask)
    return int(bad[0]) if len(bad) else None


def _check(arr: pa.Array, fdef: FieldDef, catalog: Catalog, layer: LayerDef) -> None:
    """Raise SampleDataError at the first value the definition does not allow."""
    where = f"layer '{layer.name}', field '{fdef.name}'"
    checks: list[tuple[str, pa.Array | np.ndarray]] = []
    if fdef.required:
        checks.append(("is empty but required", np.asarray(arr.is_null())))
    if fdef.min is not None:
        checks.append((f"is below the minimum {fdef.min}", pc.less(arr, fdef.min)))
    if fdef.max is not None:
        checks.append((f"is above the maximum {fdef.max}", pc.greater(arr, fdef.max)))
    if fdef.max_length is not None:
        checks.append((f"is longer than {fdef.max_length} characters",
                       pc.greater(pc.utf8_length(arr), fdef.max_length)))
    if fdef.type == "uuid":
        checks.append(("is not a 36-character UUID", pc.not_equal(pc.utf8_length(arr), 36)))
    domain = catalog.domain_for(layer, fdef.name)
    if domain is not None:
        allowed = pa.array(domain.codes(), type=arr.type)
        checks.append((f"is not a code of domain '{fdef.domain}'",
                       pc.and_(pc.is_valid(arr), pc.invert(pc.is_in(arr, value_set=allowed)))))
    for problem, mask in checks:
        row = _first_bad(mask)
        if row is not None:
            raise SampleDataError(f"{where}, feature {row}: value {arr[row]} {problem}")


def to_table(data: LayerData, layer: LayerDef, catalog: Catalog) -> pa.Table:
    """Arrow table of ``data`` with the definition's fields in order, validated."""
    extra = sorted(set(data.columns) - set(layer.field_names))
    unfillable = [f.name for f in layer.fields
                  if f.name not in data.columns and f.required and f.default is None]
    if extra or unfillable:
        raise SampleDataError(
            f"layer '{layer.name}': generated fields do not match the definition "
            f"(required without default and not generated: {unfillable or 'none'}; "
            f"generated but not defined: {extra or 'none'})"
        )
    arrays, names = [], []
    for fdef in layer.fields:
        values = data.columns.get(fdef.name)
        if values is None:  # a field a city added to its definition: its default, else empty
            values = pa.nulls(len(data)) if fdef.default is None else pa.array(
                [fdef.default] * len(data))
        arr = _as_arrow(values, fdef, f"layer '{layer.name}', '{fdef.name}'")
        if len(arr) != len(data):
            raise SampleDataError(
                f"layer '{layer.name}', field '{fdef.name}': "
                f"{len(arr)} values for {len(data)} features"
            )
        _check(arr, fdef, catalog, layer)
        arrays.append(arr)
        names.append(fdef.name)
    if layer.is_spatial:
        if data.geometry is None:
            raise SampleDataError(f"layer '{layer.name}': spatial layer without geometries")
        arrays.append(pa.array(shapely.to_wkb(data.geometry), type=pa.binary()))
        names.append(GEOMETRY_COLUMN)
    return pa.Table.from_arrays(arrays, names=names)


def write_layer(path: Path, data: LayerData, layer: LayerDef, catalog: Catalog) -> None:
    """Add ``data`` as layer ``layer.name`` to the GeoPackage at ``path`` (created if absent)."""
    table = to_table(data, layer, catalog)
    spatial = layer.is_spatial
    pyogrio.write_arrow(
        table,
        str(path),
        layer=layer.name,
        driver="GPKG",
        geometry_name=GEOMETRY_COLUMN if spatial else None,
        geometry_type=layer.geometry if spatial else None,
        crs=CRS if spatial else None,
        dataset_options={"VERSION": GPKG_VERSION},
    )
