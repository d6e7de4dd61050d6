"""Layer export to the formats other offices use: GeoPackage, Shapefile, GeoJSON, KML, FlatGeobuf
and CSV with WKT geometry, written by pyogrio (GDAL).

Each format's quirk is handled here so the file reopens with the same data in GIS Desk, GDAL and
QGIS: shapefile field names are cut to 10 characters (uniquely, and the user is told which), a
``.cpg`` declares UTF-8 so Indonesian names survive, GeoJSON is RFC 7946 (EPSG:4326) and KML and
CSV are written in longitude/latitude because that is what readers of those formats assume.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
import pyogrio

from gisdesk.core.definitions import Catalog
from gisdesk.core.layer import MapLayer
from gisdesk.i18n import translate
from gisdesk.paths import ensure_parent

DRIVERS: dict[str, str] = {
    ".gpkg": "GPKG",
    ".shp": "ESRI Shapefile",
    ".geojson": "GeoJSON",
    ".json": "GeoJSON",
    ".kml": "KML",
    ".fgb": "FlatGeobuf",
    ".csv": "CSV",
}
"""File suffix → GDAL driver."""

LONLAT_DRIVERS = {"GeoJSON", "KML", "CSV"}
"""Formats written in EPSG:4326 whatever the layer's CRS."""

_LAYER_OPTIONS: dict[str, dict[str, str]] = {
    "GeoJSON": {"RFC7946": "YES"},
    "CSV": {"GEOMETRY": "AS_WKT", "CREATE_CSVT": "YES"},
}
_SHAPEFILE_SIDECARS = (".shp", ".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn", ".sbx")
SHAPEFILE_NAME_LENGTH = 10


@dataclass
class LayerExport:
    """What :func:`export_layer` wrote."""

    path: Path
    driver: str
    features: int
    crs: str | None
    renamed: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    has_geometry: bool = True


def driver_for(path: Path) -> str:
    """The GDAL driver for ``path``'s suffix.

    Raises
    ------
    ValueError
        For a suffix GIS Desk does not export to, listing the ones it does.
    """
    driver = DRIVERS.get(path.suffix.lower())
    if driver is None:
        msg = translate("Export", "{0}: cannot export to '{1}' files; use one of {2}")
        raise ValueError(msg.format(path, path.suffix, ", ".join(sorted(DRIVERS))))
    return driver


def shapefile_names(columns: list[str]) -> dict[str, str]:
    """Old → new name for every column longer than 10 characters, unique ignoring case.

    A clash after cutting (``condition_a``/``condition_b``) gets a numbered suffix
    (``condition_``, ``conditio_1``), as GDAL would do, but decided here so the user can be told.
    """
    taken = {c.lower() for c in columns if len(c) <= SHAPEFILE_NAME_LENGTH}
    renamed: dict[str, str] = {}
    for name in columns:
        if len(name) <= SHAPEFILE_NAME_LENGTH:
            continue
        new = name[:SHAPEFILE_NAME_LENGTH]
        n = 1
        while new.lower() in taken:
            suffix = f"_{n}"
            new = name[: SHAPEFILE_NAME_LENGTH - len(suffix)] + suffix
            n += 1
        taken.add(new.lower())
        renamed[name] = new
    return renamed


TABLE_DRIVERS = {"GPKG", "ESRI Shapefile", "CSV"}
"""Formats that can hold a layer without geometry (inspections) as a plain table."""


def _check_prj_clash(path: Path, driver: str) -> None:
    """Refuse a CSV next to a same-named shapefile (or the reverse): they share ``.prj``.

    GDAL writes ``roads.prj`` for ``roads.csv`` too and reads it back for both, so one of the two
    files would silently get the other's CRS.
    """
    other = {"CSV": ".shp", "ESRI Shapefile": ".csv"}.get(driver)
    if other and path.with_suffix(other).exists():
        msg = translate(
            "Export", "{0}: {1} is in the same folder and both would use {2}; GDAL would read "
            "one file with the other's CRS. Choose another file name."
        )
        raise ValueError(msg.format(path, path.with_suffix(other).name,
                                    path.with_suffix(".prj").name))


def _remove_existing(path: Path, driver: str) -> None:
    """Single-file formats are replaced; a GeoPackage keeps its other layers."""
    if driver == "GPKG":
        return
    targets = [path.with_suffix(s) for s in _SHAPEFILE_SIDECARS] if driver == "ESRI Shapefile" \
        else [path]
    for target in targets:
        target.unlink(missing_ok=True)


def _prepared(frame: gpd.GeoDataFrame, driver: str, crs: Any) -> pd.DataFrame:
    """``frame`` in the CRS the format needs (or ``crs``), geometry column named ``geometry``.

    A layer without any geometry (e.g. inspections) becomes a plain table.
    """
    if frame.geometry.isna().all():
        return pd.DataFrame(frame.drop(columns=frame.geometry.name))
    target = "EPSG:4326" if driver in LONLAT_DRIVERS else crs
    if target is not None and frame.crs is not None:
        frame = frame.to_crs(target)
    if frame.geometry.name != "geometry":
        frame = frame.rename_geometry("geometry")
    return frame


def export_layer(
    layer: MapLayer | gpd.GeoDataFrame,
    out_path: Path | str,
    *,
    layer_name: str | None = None,
    crs: Any = None,
) -> LayerExport:
    """Write one layer to ``out_path``; the format follows the file suffix.

    Parameters
    ----------
    layer
        A map layer or a GeoDataFrame.
    out_path
        ``.gpkg`` (the layer is added or replaced, other layers stay), ``.shp``, ``.geojson``,
        ``.kml``, ``.fgb`` or ``.csv``; other existing files are replaced.
    layer_name
        Layer name inside the file; defaults to the map layer's name or the file stem.
    crs
        Output CRS for GeoPackage, Shapefile and FlatGeobuf (default: the data's own).

    Raises
    ------
    ValueError
        Unknown suffix, or GDAL refused the data; the message names the file and layer.
    """
    path = Path(out_path)
    driver = driver_for(path)
    frame = layer.frame if isinstance(layer, MapLayer) else layer
    name = layer_name or (layer.name if isinstance(layer, MapLayer) else path.stem)
    frame = _prepared(frame, driver, crs)
    if isinstance(frame, gpd.GeoDataFrame):
        _check_prj_clash(path, driver)
    elif driver not in TABLE_DRIVERS:
        msg = translate("Export", "{0}: layer '{1}' has no geometry; export it as .gpkg, .csv "
                        "(or a table as .xlsx)")
        raise ValueError(msg.format(path, name))
    renamed: dict[str, str] = {}
    warnings: list[str] = []
    if driver == "ESRI Shapefile":
        renamed = shapefile_names([c for c in frame.columns if c != "geometry"])
        frame = frame.rename(columns=renamed)
        if renamed:
            pairs = ", ".join(f"{old} -> {new}" for old, new in renamed.items())
            msg = translate("Export", "{0}: shapefile field names are cut to 10 characters: {1}")
            warnings.append(msg.format(path.name, pairs))
    ensure_parent(path)
    _remove_existing(path, driver)
    options: dict[str, Any] = {"layer_options": _LAYER_OPTIONS.get(driver, {})}
    if driver == "ESRI Shapefile":
        options["encoding"] = "UTF-8"
    try:
        pyogrio.write_dataframe(frame, path, layer=name, driver=driver, **options)
    except Exception as exc:  # GDAL errors come in many classes; all mean "not written"
        msg = translate("Export", "Cannot write layer '{0}' to {1}: {2}")
        raise ValueError(msg.format(name, path, exc)) from exc
    crs_of = getattr(frame, "crs", None)
    out_crs = crs_of.to_string() if crs_of is not None else None
    return LayerExport(path, driver, len(frame), out_crs, renamed, warnings,
                       isinstance(frame, gpd.GeoDataFrame))


def filtered_layer(layer: MapLayer, where: str, catalog: Catalog | None) -> MapLayer:
    """A copy of ``layer`` holding only the features matching the expression ``where``.

    The expression is parsed by GIS Desk's own language (never SQL or ``eval``).

    Raises
    ------
    gisdesk.query.expression.ExpressionError
        When the text is not a valid condition for this layer.
    """
    from gisdesk.query.expression import filter_mask  # noqa: PLC0415 - only filters need it

    mask = filter_mask(where, layer.frame, layer.definition, catalog, layer.name)
    return MapLayer(layer.name, layer.frame[mask], layer.definition, layer.source,
                    layer.source_crs, layer.visible, layer.opacity, list(layer.problems),
                    declared_crs=layer.declared_crs)
