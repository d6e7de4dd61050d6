"""``gisdesk trace``: valve isolation, drain traces and network checks, headless.

``gisdesk trace city.gpkg --isolate-at 506170,60001`` lists the valves to close, the mains that go
dry and the buildings that lose water; ``--downstream-of X,Y`` / ``--upstream-of X,Y`` follow the
drains; ``--check`` reports disconnected pieces, dangling ends and near-misses.
"""


from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from gisdesk.cli import UserError
from gisdesk.i18n import translate


def register(sub: Any) -> None:
    """Add the ``trace`` subcommand to the CLI's subparsers."""
    p = sub.add_parser("trace", help="valve isolation, upstream/downstream drain traces, "
                       "network checks")
    p.add_argument("path", type=Path, help="GeoPackage holding the network layers")
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--isolate-at", metavar="X,Y", help="a break on a main: valves to close")
    what.add_argument("--downstream-of", metavar="X,Y", help="drains downstream of a point")
    what.add_argument("--upstream-of", metavar="X,Y", help="drains upstream of a point")
    what.add_argument("--check", action="store_true", help="network data-quality report")
    p.add_argument("--point-crs", help="CRS of X,Y (default: the network layer's own)")
    p.add_argument("--mains-layer", default="water_mains", help="default water_mains")
    p.add_argument("--valves-layer", default="valves", help="default valves ('' for none)")
    p.add_argument("--buildings-layer", default="buildings", help="default buildings ('' none)")
    p.add_argument("--service-field", help="buildings field holding the key (uuid) of the main "
                   "that serves them (default: each building's nearest main)")
    p.add_argument("--sources-layer", help="point layer of sources/reservoirs (default: the "
                   "free end of the widest main)")
    p.add_argument("--drains-layer", default="drains", help="default drains")
    p.add_argument("--network", choices=["mains", "drains"], default="mains",
                   help="network that --check examines (default mains)")
    p.add_argument("--tolerance", type=float, default=0.01,
                   help="metres within which line ends join (default 0.01)")
    p.add_argument("--valve-tolerance", type=float, default=1.0,
                   help="metres within which a valve sits on a main (default 1)")
    p.add_argument("--near-miss", type=float, default=1.0,
                   help="metres: unconnected ends this close are near-misses (default 1)")
    p.add_argument("--json", action="store_true", help="print JSON instead of tables")
    p.add_argument("--out", type=Path,
                   help="write the listed features: a .gpkg gets one layer per list (valves to "
                        "close, dry mains, affected buildings…); .csv/.json get one file per "
                        "list, named <name>_<list>.csv")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Build the network, run the requested analysis and report it; returns the exit code."""
    from gisdesk.query.metric import CRSMissingError

    try:
        if args.isolate_at:
            return _isolation(args)
        if args.check:
            return _check(args)
        return _flow(args)
    except (CRSMissingError, ValueError) as exc:
        raise UserError(f"{args.path}: {exc}") from exc


def parse_point(text: str, option: str) -> tuple[float, float]:
    """``"x,y"`` as two floats, or a UserError naming the option."""
    try:
        x, y = (float(part) for part in text.split(","))
    except ValueError:
        msg = translate("Trace", "{0} expects X,Y (two numbers separated by a comma), got '{1}'")
        raise UserError(msg.format(option, text)) from None
    return x, y


def _optional_layer(path: Path, name: str | None) -> Any:
    """The layer if the file has it, else None (optional inputs like valves)."""
    import pyogrio

    from gisdesk.commands.query import load_layer

    if not name:
        return None
    names = {str(n).lower() for n in pyogrio.list_layers(path)[:, 0]}
    return load_layer(path, name) if name.lower() in names else None


def _point(args: argparse.Namespace, text: str, option: str, network: Any) -> tuple[float, float]:
    """The point in the network layer's own CRS."""
    x, y = parse_point(text, option)
    if args.point_crs:
        from pyproj import Transformer

        x, y = Transformer.from_crs(args.point_crs, network.source_crs,
                                    always_xy=True).transform(x, y)
    return x, y


def _isolation(args: argparse.Namespace) -> int:
    from gisdesk.commands.query import load_layer
    from gisdesk.network.graph import build_network
    from gisdesk.network.isolation import (
        isolate,
        serving_mains,
        serving_mains_by_attribute,
        source_nodes,
    )

    mains = load_layer(args.path, args.mains_layer)
    valves = _optional_layer(args.path, args.valves_layer)
    buildings = _optional_layer(args.path, args.buildings_layer)
    sources = load_layer(args.path, args.sources_layer) if args.sources_layer else None
    network = build_network(mains.frame, args.tolerance,
                            valves.frame if valves is not None else None,
                            args.valve_tolerance, name=args.mains_layer)
    diameters = (mains.frame["diameter_mm"].to_numpy(dtype=float)
                 if "diameter_mm" in mains.frame.columns else None)
    feeds = source_nodes(network, sources.frame if sources is not None else None, diameters)
    served = serving_mains(network, buildings.frame) if buildings is not None else None
    if served is not None and args.service_field:
        key = mains.definition.key if mains.definition else "uuid"
        served = serving_mains_by_attribute(buildings.frame, args.service_field, mains.frame,
                                            key, fallback=served)
    x, y = _point(args, args.isolate_at, "--isolate-at", network)
    result = isolate(network, x, y, feeds, served,
                     buildings.frame.index.to_numpy() if buildings is not None else None)
    sections = {
        "valves_to_close": _rows(valves, result.valves_to_close),
        "dry_mains": _rows(mains, result.dry_mains),
        "affected_buildings": _rows(buildings, result.affected_buildings),
    }
    broken = _rows(mains, [result.broken_main])
    headline = translate("Trace", "break {0:.1f} m from the nearest main").format(
        result.distance_to_main_m)
    return _report(args, {"broken_main": broken, **sections}, result.to_dict(), headline)


def _flow(args: argparse.Namespace) -> int:
    from gisdesk.commands.query import load_layer
    from gisdesk.network.graph import build_network
    from gisdesk.network.trace import trace_flow

    drains = load_layer(args.path, args.drains_layer)
    network = build_network(drains.frame, args.tolerance, name=args.drains_layer)
    direction = "downstream" if args.downstream_of else "upstream"
    text = args.downstream_of or args.upstream_of
    x, y = _point(args, text, f"--{direction}-of", network)
    found = trace_flow(network, x, y, direction)
    return _report(args, {direction: _rows(drains, found)}, {direction: found})


def _check(args: argparse.Namespace) -> int:
    from gisdesk.commands.query import load_layer
    from gisdesk.network.graph import build_network
    from gisdesk.network.quality import quality_report

    name = args.mains_layer if args.network == "mains" else args.drains_layer
    lines = load_layer(args.path, name)
    valves = _optional_layer(args.path, args.valves_layer) if args.network == "mains" else None
    network = build_network(lines.frame, args.tolerance,
                            valves.frame if valves is not None else None,
                            args.valve_tolerance, name=name)
    report = quality_report(network, args.near_miss)
    sections = {"dangling_ends": _named(lines, report.dangling, ["main"]),
                "near_misses": _named(lines, report.near_misses, ["main", "near_main"])}
    return _report(args, sections, report.to_dict(),
                   headline=translate("Trace", "{0}: {1} connected pieces (mains per piece: {2})")
                   .format(name, report.component_count, report.component_sizes[:10]))


def _named(layer: Any, table: Any, columns: list[str]) -> Any:
    """``table`` with feature index labels in ``columns`` replaced by asset codes."""
    from gisdesk.commands.query import identifier_fields
    from gisdesk.query.output import id_columns

    ids = id_columns(layer.frame, identifier_fields(layer))
    if not ids or table.empty:
        return table
    table = table.copy()
    for column in columns:
        table[column] = layer.frame.loc[table[column], ids[0]].to_numpy()
    return table


def _rows(layer: Any, index_labels: list[Any]) -> Any:
    """The listed features of ``layer`` (geometry kept for --out .gpkg)."""
    import pandas as pd

    if layer is None:
        return pd.DataFrame()
    return layer.frame.loc[index_labels]


def _report(args: argparse.Namespace, sections: dict[str, Any], data: dict[str, Any],
            headline: str | None = None) -> int:
    from gisdesk.query.output import format_table, records, to_json

    written = _write_sections(args.out, sections) if args.out else []
    if args.json:
        payload = {**data, **{f"{k}_rows": records(v) for k, v in sections.items()}}
        print(to_json(payload))
        return 0
    if headline:
        print(headline)
    for title, frame in sections.items():
        print(f"\n{title.replace('_', ' ')}: {len(frame)}")
        if len(frame):
            print(format_table(_brief(frame), limit=args_limit(frame)))
    for path in written:
        print(translate("Trace", "wrote {0}").format(path))
    return 0


def _brief(frame: Any) -> Any:
    """Identifier-like columns only, so tables fit a terminal (JSON and --out have everything)."""
    keep = [c for c in ("asset_id", "name", "diameter_mm", "condition", "node", "x", "y", "main",
                        "near_main", "distance_m") if c in frame.columns]
    brief = frame[keep] if keep else frame
    shown = brief.head(args_limit(brief))
    # a column empty in every printed row says nothing (building names are mostly unset)
    filled = [c for c in brief.columns if shown[c].notna().any()]
    return brief[filled] if filled else brief


def _write_sections(out: Path, sections: dict[str, Any]) -> list[Path]:
    """Each section as a layer of one GeoPackage, or as ``<stem>_<section>.csv/.json`` files."""
    from gisdesk.query.output import write_result

    written: list[Path] = []
    try:
        for name, frame in sections.items():
            if out.suffix.lower() == ".gpkg":
                if len(frame) and "geometry" in getattr(frame, "columns", []):
                    write_result(frame, out, layer_name=name)
                    written.append(out)
            else:
                target = out if len(sections) == 1 else out.with_name(
                    f"{out.stem}_{name}{out.suffix}")
                written.append(write_result(frame, target))
    except (ValueError, OSError) as exc:
        raise UserError(str(exc)) from exc
    return sorted(set(written), key=written.index)


def args_limit(frame: Any) -> int:
    """Rows shown per section in text output."""
    return 30 if len(frame) > 40 else len(frame)
