"""``gisdesk export-web``: an offline interactive web map (one HTML file) of a data file or a
GIS Desk project, for laptops in meeting rooms without internet.

``gisdesk export-web city.gpkg --layers districts,roads --where "condition <= 2" --lang id \
--title "Jalan kondisi buruk" --out jalan.html``
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from gisdesk.cli import UserError
from gisdesk.i18n import translate

_KIND_ORDER = {"polygon": 0, "mixed": 1, "line": 2, "point": 3, "none": 4}


def register(sub: Any) -> None:
    """Add the ``export-web`` subcommand to the CLI's subparsers."""
    p = sub.add_parser("export-web", help="export an offline interactive web map (HTML)")
    p.add_argument("path", type=Path, help="GeoPackage, Shapefile, GeoJSON... or .gdproj")
    p.add_argument("--out", type=Path, required=True, help="HTML file to write")
    p.add_argument("--layers", help="comma-separated layer names, bottom first (default: all "
                   "visible layers; polygons below lines below points)")
    p.add_argument("--title", help="map title (default: the file name)")
    p.add_argument("--subtitle", help="line under the title, e.g. the OPD and date")
    p.add_argument("--lang", choices=["en", "id"], default="en",
                   help="language of popups, legend and notices")
    p.add_argument("--where", help="filter applied to every layer that has the fields it "
                   "names, e.g. \"condition <= 2\"; other layers are shown whole")
    p.add_argument("--max-features", type=int, default=None,
                   help="per-layer limit (default 20000); larger layers are sampled")
    p.add_argument("--all-scales", action="store_true",
                   help="show every layer at every zoom (default: layers with a scale range, "
                   "e.g. valves, appear only when zoomed in, as on the desktop)")
    p.add_argument("--basemap", help="'osm' or an XYZ tile URL: an online basemap, off until "
                   "ticked in the layer list (default: none, fully offline)")
    p.set_defaults(func=run)


def load_layers(path: Path, names: list[str] | None) -> tuple[list[Any], Any]:
    """Map layers of ``path`` (file or .gdproj) in drawing order, and the catalog."""
    from gisdesk.core.definitions import default_catalog
    from gisdesk.io.errors import ReadError
    from gisdesk.io.readers import open_path

    if not path.exists():
        raise UserError(translate("Export", "file not found: {0}").format(path))
    catalog = default_catalog()
    try:
        if path.suffix.lower() == ".gdproj":
            from gisdesk.io.project_file import load_project

            project, errors = load_project(path, catalog)
            layers = list(project.layers) if names else [lyr for lyr in project.layers
                                                         if lyr.visible]
        else:
            result = open_path(path, catalog=catalog)
            layers = sorted(result.layers, key=lambda lyr: _KIND_ORDER.get(lyr.geometry_kind, 4))
            errors = [str(e) for e in result.errors]
    except ReadError as exc:
        raise UserError(str(exc)) from exc
    for message in errors:
        print(translate("Export", "warning: {0}").format(message))
    if names is None:
        return layers, catalog
    by_name = {lyr.name: lyr for lyr in layers}
    unknown = [n for n in names if n not in by_name]
    if unknown:
        raise UserError(translate("Export", "{0}: no layer named {1} (layers: {2})").format(
            path, ", ".join(unknown), ", ".join(sorted(by_name))))
    return [by_name[n] for n in names], catalog


def apply_where(layers: list[Any], where: str, catalog: Any) -> list[Any]:
    """Filter the layers that have every field ``where`` names; say which were left whole."""
    from gisdesk.export.layers import filtered_layer
    from gisdesk.query.expression import Expression, ExpressionError

    try:
        wanted = Expression(where).referenced_fields
    except ExpressionError as exc:
        raise UserError(translate("Export", "bad --where expression: {0}").format(exc)) from exc
    out, matched = [], 0
    for layer in layers:
        if not wanted <= set(layer.frame.columns):
            print(translate("Export", "note: --where not applied to layer '{0}' (it lacks {1})")
                  .format(layer.name, ", ".join(sorted(wanted - set(layer.frame.columns)))))
            out.append(layer)
            continue
        try:
            out.append(filtered_layer(layer, where, catalog))
        except ExpressionError as exc:
            msg = translate("Export", "layer '{0}': bad --where expression: {1}")
            raise UserError(msg.format(layer.name, exc)) from exc
        matched += 1
    if not matched:
        raise UserError(translate("Export", "no layer has the fields named in --where: {0}")
                        .format(", ".join(sorted(wanted))))
    return out


def run(args: argparse.Namespace) -> int:
    """Load, filter and write the web map; returns the exit code."""
    from gisdesk.export.webmap import DEFAULT_MAX_FEATURES, export_web_map

    names = [n.strip() for n in args.layers.split(",") if n.strip()] if args.layers else None
    layers, catalog = load_layers(args.path, names)
    if args.where:
        layers = apply_where(layers, args.where, catalog)
    max_features = args.max_features or DEFAULT_MAX_FEATURES
    if max_features <= 0:
        raise UserError(translate("Export", "--max-features must be positive"))
    try:
        result = export_web_map(layers, args.out, title=args.title or args.path.stem,
                                subtitle=args.subtitle, lang=args.lang,
                                max_features=max_features, basemap=args.basemap,
                                catalog=catalog, scale_ranges=not args.all_scales)
    except (ValueError, OSError) as exc:
        raise UserError(str(exc)) from exc
    for message in result.messages:
        print(translate("Export", "note: {0}").format(message))
    shown = sum(s.shown for s in result.layers)
    print(translate("Export", "wrote {0}: {1} layers, {2} features, {3:.1f} MB").format(
        result.path, len(result.layers), shown, result.size_bytes / 1e6))
    return 0
