"""``gisdesk export-layer``: one layer of a data file to GeoPackage, Shapefile, GeoJSON, KML,
FlatGeobuf or CSV (WKT), optionally filtered with a GIS Desk expression.

``gisdesk export-layer city.gpkg --layer roads --where "condition <= 2" --out poor_roads.shp``
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from gisdesk.cli import UserError
from gisdesk.i18n import translate


def register(sub: Any) -> None:
    """Add the ``export-layer`` subcommand to the CLI's subparsers."""
    p = sub.add_parser("export-layer", help="export a layer to GPKG/SHP/GeoJSON/KML/FGB/CSV")
    p.add_argument("path", type=Path, help="GeoPackage, Shapefile, GeoJSON... to read")
    p.add_argument("--layer", help="layer inside PATH (default: its only layer)")
    p.add_argument("--out", type=Path, required=True,
                   help="file to write: .gpkg .shp .geojson .kml .fgb or .csv")
    p.add_argument("--where", help="filter expression, e.g. \"condition <= 2\"")
    p.add_argument("--crs", help="output CRS for .gpkg/.shp/.fgb, e.g. EPSG:32651 "
                   "(default: the file's own; GeoJSON, KML and CSV are always EPSG:4326)")
    p.set_defaults(func=run)


def read_filtered(path: Path, layer: str | None, where: str | None, target_crs: Any) -> Any:
    """The layer ``layer`` of ``path`` matched to its definition, filtered by ``where``.

    Raises
    ------
    UserError
        Missing file, unreadable layer or bad expression, with the file and layer named.
    """
    from gisdesk.core.definitions import default_catalog
    from gisdesk.export.layers import filtered_layer
    from gisdesk.io.errors import ReadError
    from gisdesk.io.readers import read_layer
    from gisdesk.query.expression import ExpressionError

    if not path.exists():
        raise UserError(translate("Export", "file not found: {0}").format(path))
    catalog = default_catalog()
    try:
        map_layer = read_layer(path, layer, catalog=catalog, target_crs=target_crs)
    except ReadError as exc:
        raise UserError(str(exc)) from exc
    if not where:
        return map_layer
    try:
        return filtered_layer(map_layer, where, catalog)
    except ExpressionError as exc:
        msg = translate("Export", "{0} (layer '{1}'): bad --where expression: {2}")
        raise UserError(msg.format(path, map_layer.name, exc)) from exc


def run(args: argparse.Namespace) -> int:
    """Read, filter and write one layer; returns the exit code."""
    from gisdesk.export.layers import export_layer

    layer = read_filtered(args.path, args.layer, args.where, target_crs=None)
    try:
        result = export_layer(layer, args.out, crs=args.crs)
    except (ValueError, OSError) as exc:
        raise UserError(str(exc)) from exc
    for warning in result.warnings:
        print(translate("Export", "warning: {0}").format(warning))
    where = result.crs or translate("Export", "no CRS")
    if not result.has_geometry:
        where = translate("Export", "table without geometry")
    print(translate("Export", "wrote {0}: {1} features ({2}, {3})").format(
        result.path, result.features, result.driver, where))
    return 0
