"""``gisdesk export-report``: the summary report (HTML with inline charts) of a city's assets.

``gisdesk export-report city.gpkg --lang id --out laporan.html``
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from gisdesk.cli import UserError
from gisdesk.i18n import translate


def register(sub: Any) -> None:
    """Add the ``export-report`` subcommand to the CLI's subparsers."""
    p = sub.add_parser("export-report", help="write the summary report (HTML with charts)")
    p.add_argument("path", type=Path, help="GeoPackage or .gdproj holding the asset layers")
    p.add_argument("--out", type=Path, required=True, help="HTML file to write")
    p.add_argument("--lang", choices=["en", "id"], default="en")
    p.add_argument("--title", help="report title (default: 'Asset condition summary')")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Load the layers and write the report; returns the exit code."""
    from gisdesk.commands.export_web import load_layers  # here: keeps --help fast
    from gisdesk.export.report import export_report

    if args.out.suffix.lower() not in (".html", ".htm"):
        raise UserError(translate("Export", "--out must end in .html: {0}").format(args.out))
    layers, catalog = load_layers(args.path, None)
    try:
        result = export_report(layers, args.out, catalog, args.lang, source=args.path.name,
                               title=args.title)
    except (OSError, KeyError, ValueError) as exc:
        raise UserError(str(exc)) from exc
    print(translate("Export", "wrote {0}: {1} asset layers, {2} months of inspections").format(
        result.path, len(result.layers), result.months))
    return 0
