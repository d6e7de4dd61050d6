"""``gisdesk export-table``: a layer's attributes (or a filtered selection) to CSV or XLSX, with
field labels as headers and domain labels as values in English or Indonesian.

``gisdesk export-table city.gpkg --layer roads --where "condition <= 2" --lang id --out jalan.xlsx``
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from gisdesk.cli import UserError
from gisdesk.i18n import translate


def register(sub: Any) -> None:
    """Add the ``export-table`` subcommand to the CLI's subparsers."""
    p = sub.add_parser("export-table", help="export a layer's attribute table to CSV or XLSX")
    p.add_argument("path", type=Path, help="GeoPackage, Shapefile, GeoJSON... to read")
    p.add_argument("--layer", help="layer inside PATH (default: its only layer)")
    p.add_argument("--out", type=Path, required=True, help=".csv or .xlsx file to write")
    p.add_argument("--lang", choices=["en", "id"], default="en",
                   help="language of headers and domain labels")
    p.add_argument("--codes", action="store_true",
                   help="keep stored codes (e.g. 2) instead of domain labels (e.g. Poor)")
    p.add_argument("--where", help="filter expression, e.g. \"condition <= 2\"")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Read, filter, label and write the table; returns the exit code."""
    from gisdesk.commands.export_layer import read_filtered
    from gisdesk.core.definitions import default_catalog
    from gisdesk.export.tables import export_table

    layer = read_filtered(args.path, args.layer, args.where, target_crs=None)
    try:
        result = export_table(layer.frame, args.out, definition=layer.definition,
                              catalog=default_catalog(), lang=args.lang, codes=args.codes,
                              sheet_name=layer.title_in(args.lang))
    except (ValueError, OSError) as exc:
        raise UserError(str(exc)) from exc
    print(translate("Export", "wrote {0}: {1} rows, {2} columns").format(
        result.path, result.rows, len(result.headers)))
    return 0
