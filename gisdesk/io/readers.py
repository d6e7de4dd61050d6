"""Opening vector files as map layers: the entry points the app and the CLI use.

``list_layers`` says what a file holds without reading features; ``read_layer`` reads one layer,
reprojected to the project CRS and matched to its declarative definition; ``open_path`` reads
every layer of a file and collects per-layer errors so one bad layer never stops the others.
Everything here is Qt-free; the UI runs these in a worker and passes ``progress``/``cancel``.
"""

from __future__ import annotations

import warnings
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import geopandas as gpd
import pyogrio

from gisdesk.core.definitions import Catalog
from gisdesk.core.layer import DataSource, MapLayer
from gisdesk.i18n import translate
from gisdesk.io import chunked
from gisdesk.io.discovery import find_layer, layers_of
from gisdesk.io.errors import ReadCancelled, ReadError, explain
from gisdesk.io.formats import Dataset
from gisdesk.io.gc_pause import gc_paused
from gisdesk.io.gdal_options import captured_warnings, with_retries
from gisdesk.io.geometry_checks import clean_geometries, note_unreadable
from gisdesk.io.reproject import (
    assign_crs,
    crs_to_string,
    no_crs_problem,
    place,
    transform_bbox,
)

__all__ = [
    "DEFAULT_CRS", "LayerInfo", "OpenResult", "ReadCancelled", "ReadError", "assign_crs",
    "list_layers", "open_path", "read_layer",
]

DEFAULT_CRS = "EPSG:32651"
"""Project CRS of Kota Gorontalo: WGS 84 / UTM zone 51N."""


@dataclass
class LayerInfo:
    """What a layer holds, read from the file's metadata (no features are loaded)."""

    name: str
    geometry_type: str
    feature_count: int | None
    crs: str | None
    fields: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


class OpenResult(NamedTuple):
    """Every layer of a file that could be read, and one ReadError per layer that could not."""

    layers: list[MapLayer]
    errors: list[ReadError]


def list_layers(path: Path | str) -> list[LayerInfo]:
    """Describe every layer in ``path``.

    Raises
    ------
    ReadError
        When the file cannot be opened at all, or holds no layers.
    """
    path = Path(path)
    out = []
    for dataset, name in layers_of(path):
        try:
            out.append(_info_of(dataset, name))
        except Exception as exc:  # a bad layer is described, not fatal
            reason, hint = explain(exc)
            out.append(LayerInfo(name, "Unknown", None, None, problems=[_join(reason, hint)]))
    return out


def read_layer(
    path: Path | str,
    layer: str | None = None,
    *,
    target_crs: Any = DEFAULT_CRS,
    bbox: tuple[float, float, float, float] | None = None,
    catalog: Catalog | None = None,
    where: str | None = None,
    progress: chunked.Progress | None = None,
    cancel: chunked.Cancel | None = None,
    batch_rows: int = chunked.BATCH_ROWS,
) -> MapLayer:
    """Read one layer of ``path`` into a MapLayer in ``target_crs``.

    Parameters
    ----------
    path, layer
        The file and the layer inside it (None = the first layer).
    target_crs
        The project CRS; data is reprojected into it unless the file has no CRS.
    bbox
        (minx, miny, maxx, maxy) in ``target_crs``: only features intersecting it are read, so
        the app can load what is on screen first.
    catalog
        Layer definitions; the layer name is matched against them (case-insensitive).
    where
        An OGR SQL attribute filter written by the program — never pass raw user text.
    progress, cancel
        ``progress(fraction)`` is called after each batch; when ``cancel()`` returns True the
        read stops with :class:`ReadCancelled`.
    batch_rows
        Features per batch: the granularity of progress and cancellation.

    Raises
    ------
    ReadError
        The message names the file and layer, the reason, and what to do.
    ReadCancelled
        When ``cancel`` asked to stop.
    """
    dataset, name = find_layer(Path(path), layer)
    return _read_entry(dataset, name, target_crs=target_crs, bbox=bbox, catalog=catalog,
                       where=where, progress=progress, cancel=cancel, batch_rows=batch_rows)


def _read_entry(dataset: Dataset, name: str, **kwargs: Any) -> MapLayer:
    """Read one known layer, turning any library error into a ReadError naming file and layer."""
    try:
        with gc_paused():  # a million geometries: collecting would cost more than reading
            return _read(dataset, name, **kwargs)
    except (ReadCancelled, ReadError):
        raise
    except Exception as exc:
        reason, hint = explain(exc)
        raise ReadError(dataset.path, reason, layer=name, hint=hint) from exc


def open_path(
    path: Path | str,
    *,
    catalog: Catalog | None = None,
    target_crs: Any = DEFAULT_CRS,
    bbox: tuple[float, float, float, float] | None = None,
    empty: Collection[str] = (),
    progress: chunked.Progress | None = None,
    cancel: chunked.Cancel | None = None,
) -> OpenResult:
    """Read every layer of ``path``; layers that fail become entries in ``errors``.

    ``progress`` receives the fraction of the whole file (layers weigh equally). Layers named
    in ``empty`` come with their fields but no features (a big file's first pass leaves out
    what the first map does not show; see :mod:`gisdesk.io.first_pass`).

    Raises
    ------
    ReadError
        Only when the file itself cannot be opened.
    ReadCancelled
        When ``cancel`` asked to stop.
    """
    path = Path(path)
    entries = layers_of(path)
    layers: list[MapLayer] = []
    errors: list[ReadError] = []
    for i, (dataset, name) in enumerate(entries):
        share = _scaled(progress, i, len(entries))
        try:
            layers.append(
                _read_entry(dataset, name, target_crs=target_crs, catalog=catalog,
                            bbox=None if name in empty else bbox,
                            where=_NO_FEATURES if name in empty else None, progress=share,
                            cancel=cancel)
            )
        except ReadError as exc:
            errors.append(exc)
    return OpenResult(layers, errors)


_NO_FEATURES = "0 = 1"
"""An attribute filter no feature passes: the layer's fields and CRS without its features."""


def _scaled(progress: chunked.Progress | None, index: int, count: int) -> chunked.Progress | None:
    if progress is None:
        return None
    return lambda fraction: progress((index + fraction) / count)


def _read_info(dataset: Dataset, name: str, **flags: bool) -> dict[str, Any]:
    """pyogrio's layer metadata, with the dataset's open options and rescue configs."""
    return with_retries(dataset, lambda: pyogrio.read_info(
        dataset.source, layer=dataset.gdal_layer(name), **flags, **dataset.options))


def _info_of(dataset: Dataset, name: str) -> LayerInfo:
    with captured_warnings() as caught:
        info = _read_info(dataset, name, force_feature_count=True)
    crs = crs_to_string(info["crs"]) if info["crs"] else None
    problems = [] if crs or info["geometry_type"] is None else [no_crs_problem()]
    if crs is None and dataset.is_csv and _fits_lonlat(info.get("total_bounds")):
        crs = "EPSG:4326"
        problems = [_assumed_lonlat()]
    fields = {str(f): str(d) for f, d in zip(info["fields"], info["dtypes"], strict=True)}
    count = int(info["features"]) if info["features"] >= 0 else None
    problems += _gdal_warnings(caught)
    return LayerInfo(name, str(info["geometry_type"] or "None"), count, crs, fields, problems)


def _read(
    dataset: Dataset, name: str, *, target_crs: Any, bbox: Any, catalog: Catalog | None,
    where: str | None, progress: Any, cancel: Any, batch_rows: int = chunked.BATCH_ROWS,
) -> MapLayer:
    with captured_warnings() as caught:
        info = _read_info(dataset, name, force_total_bounds=dataset.is_csv)
        source_crs = crs_to_string(info["crs"]) if info["crs"] else None
        problems: list[str] = []
        if source_crs is None and dataset.is_csv and _fits_lonlat(info.get("total_bounds")):
            source_crs, problems = "EPSG:4326", [_assumed_lonlat()]
        file_bbox = bbox
        if bbox is not None and source_crs and target_crs is not None:
            file_bbox = transform_bbox(bbox, target_crs, source_crs)
        if file_bbox is not None and _inside(info.get("total_bounds"), file_bbox):
            file_bbox = None  # the whole layer is in the area: a complete read, checked as one
        req = chunked.Request(
            dataset.source, dataset.gdal_layer(name), dataset.options, file_bbox, where,
            total=int(info["features"]) if file_bbox is None and where is None else -1,
            progress=progress, cancel=cancel, batch_rows=batch_rows,
        )
        result = _read_features(dataset, req, problems)
        if len(result.frame) == 0 and info["features"] < 0:
            _confirm_empty(dataset, name)
    if req.total >= 0 and len(result.frame) != req.total:
        problems.append(translate(
            "Reader", "the file says it holds {expected} feature(s) but {read} could be read; "
            "compare with the program that made it").format(
                expected=req.total, read=len(result.frame)))
    problems += result.notes + _gdal_warnings(caught)
    frame = _checked_frame(result, str(info["geometry_type"]), problems)
    if source_crs is not None and frame.crs is None:  # a CSV taken as lon/lat
        frame = frame.set_crs(source_crs)
    elif source_crs is None and info["geometry_type"] is not None:
        problems.append(no_crs_problem())
    frame, moved_notes = place(frame, target_crs)
    problems += moved_notes
    if progress is not None:
        progress(1.0)
    return MapLayer(
        name=name, frame=frame, definition=catalog.match(name) if catalog else None,
        source=DataSource(dataset.path, name), source_crs=source_crs, problems=problems,
    )


def _checked_frame(result: chunked.Result, geometry_type: str, problems: list[str]) -> Any:
    """A GeoDataFrame (tables get an empty geometry column) with odd shapes noted."""
    frame = result.frame
    if not isinstance(frame, gpd.GeoDataFrame):
        return gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries([None] * len(frame),
                                                              index=frame.index))
    problems += note_unreadable(frame, result.unreadable, geometry_type)
    frame, notes = clean_geometries(frame, skip=result.unreadable)
    problems += notes
    return frame


def _read_features(dataset: Dataset, req: chunked.Request, problems: list[str]) -> chunked.Result:
    """Arrow first; then the row-window reader; then attributes only, each with a note."""
    try:
        return with_retries(dataset, lambda: chunked.read_arrow(req))
    except ReadCancelled:
        raise
    except Exception:  # the slower reader handles curves and odd encodings
        pass
    try:
        return with_retries(dataset, lambda: chunked.read_windows(req))
    except ReadCancelled:
        raise
    except Exception as exc:
        if not req.read_geometry:
            raise
        reason, _hint = explain(exc)
        req.read_geometry = False
        result = with_retries(dataset, lambda: chunked.read_windows(req))
        problems.append(translate(
            "Reader", "the geometries could not be read ({reason}); attributes are loaded "
            "without shapes").format(reason=reason))
        return result


def _gdal_warnings(caught: list[warnings.WarningMessage]) -> list[str]:
    """GDAL's own warnings about the data (M values dropped, odd fields), once each."""
    seen: dict[str, None] = {}
    for item in caught:
        text = " ".join(str(item.message).split())
        if text:
            seen.setdefault(translate("Reader", "GDAL: {text}").format(text=text[:200]), None)
    return list(seen)[:5]


def _confirm_empty(dataset: Dataset, name: str) -> None:
    """A streaming driver (OSM, GML) may stop at a parse error and just yield nothing; counting
    the features for real surfaces that error instead of showing an empty layer."""
    _read_info(dataset, name, force_feature_count=True)


def _inside(bounds: Any, bbox: tuple[float, float, float, float]) -> bool:
    """Whether the layer extent ``bounds`` (metadata; None when unknown) lies within ``bbox``."""
    if bounds is None or len(bounds) != 4:
        return False
    minx, miny, maxx, maxy = (float(b) for b in bounds)
    return bbox[0] <= minx and bbox[1] <= miny and maxx <= bbox[2] and maxy <= bbox[3]


def _fits_lonlat(bounds: Any) -> bool:
    if bounds is None or len(bounds) != 4:
        return False
    minx, miny, maxx, maxy = (float(b) for b in bounds)
    return -180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90


def _assumed_lonlat() -> str:
    return translate(
        "Reader", "no CRS in the file; the coordinates look like longitude/latitude, so EPSG:4326 "
        "was assumed — change it with Layer ▸ Set CRS if that is wrong")


def _join(reason: str, hint: str | None) -> str:
    return f"{reason}. {hint}" if hint else reason


