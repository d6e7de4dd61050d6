"""``gisdesk info PATH``: what a vector file holds — layers, counts, geometry types, CRS, problems.

Reads only metadata by default, so it answers instantly even for big files; ``--check`` reads
every feature and adds what the reader finds (null/invalid/unsupported geometries). Exit code 2
with a message naming the file when it cannot be read.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from gisdesk.cli import UserError
from gisdesk.i18n import translate


def register(sub: Any) -> None:
    """Add the ``info`` subcommand to the CLI's subparsers."""
    p = sub.add_parser("info", help="list the layers of a vector file (counts, types, CRS)")
    p.add_argument("path", type=Path, help="GeoPackage, Shapefile, GeoJSON, KML, CSV, zip...")
    p.add_argument("--json", action="store_true", help="print machine-readable JSON")
    p.add_argument(
        "--check", action="store_true",
        help="read every feature and report geometry problems too (slower)",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the layers of ``args.path``; returns the exit code."""
    from gisdesk.io.errors import ReadError  # imported here: keeps --help instant
    from gisdesk.io.readers import list_layers

    try:
        infos = [asdict(info) for info in list_layers(args.path)]
        if args.check:
            _add_read_problems(args.path, infos)
    except ReadError as exc:
        raise UserError(str(exc)) from exc
    if args.json:
        json.dump({"path": str(args.path), "layers": infos}, sys.stdout, indent=2,
                  ensure_ascii=False)
        print()
    else:
        print(format_table(args.path, infos))
    return 0


def _add_read_problems(path: Path, infos: list[dict[str, Any]]) -> None:
    """Read each layer and merge the reader's problem notes (or its error) into ``infos``."""
    from gisdesk.io.errors import ReadError
    from gisdesk.io.readers import read_layer

    for info in infos:
        try:
            layer = read_layer(path, info["name"], target_crs=None)
        except ReadError as exc:
            info["problems"].append(exc.reason)
            continue
        info["problems"] = list(dict.fromkeys(info["problems"] + layer.problems))


def format_table(path: Path, infos: list[dict[str, Any]]) -> str:
    """A plain-text table for the terminal, one row per layer, problems indented below."""
    header = (
        translate("Info", "layer"), translate("Info", "geometry"),
        translate("Info", "features"), translate("Info", "CRS"), translate("Info", "fields"),
    )
    rows = [
        (
            i["name"], i["geometry_type"],
            "?" if i["feature_count"] is None else str(i["feature_count"]),
            _short_crs(i["crs"]), str(len(i["fields"])),
        )
        for i in infos
    ]
    widths = [max(len(r[c]) for r in [header, *rows]) for c in range(len(header))]
    lines = [f"{path}: " + translate("Info", "{n} layer(s)").format(n=len(infos))]
    lines.append("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    for row, info in zip(rows, infos, strict=True):
        lines.append("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip())
        lines.extend(f"    ! {problem}" for problem in info["problems"])
    return "\n".join(lines)


def _short_crs(crs: str | None) -> str:
    if crs is None:
        return translate("Info", "none")
    return crs if len(crs) <= 24 else translate("Info", "custom (WKT)")
