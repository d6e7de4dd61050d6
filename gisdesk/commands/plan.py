"""``gisdesk plan``: risk scores and a budgeted replacement programme, headless.

``gisdesk plan city.gpkg --layer water_mains --budget 5000000000 --years 5 --out prog.xlsx``
ranks the mains by risk (likelihood × consequence) and funds them year by year.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from gisdesk.cli import UserError
from gisdesk.i18n import translate


def register(sub: Any) -> None:
    """Add the ``plan`` subcommand to the CLI's subparsers."""
    p = sub.add_parser("plan", help="risk scores and a ranked replacement programme within "
                       "an annual budget")
    p.add_argument("path", type=Path, help="GeoPackage holding the asset layers")
    p.add_argument("--layer", default="water_mains", help="assets to rank (default water_mains)")
    p.add_argument("--budget", type=float, required=True, help="rupiah available per year")
    p.add_argument("--years", type=int, default=5, help="programme horizon (default 5)")
    p.add_argument("--start-year", type=int, help="first programme year (default next year)")
    p.add_argument("--weights", type=Path, help="JSON file of weights and costs (see docs)")
    p.add_argument("--buildings-layer", default="buildings", help="'' to ignore buildings")
    p.add_argument("--valves-layer", default="valves", help="'' to ignore valves")
    p.add_argument("--inspections-layer", default="inspections", help="'' to ignore defects")
    p.add_argument("--min-risk", type=float, default=0.0, help="never fund assets below this")
    p.add_argument("--json", action="store_true", help="print JSON instead of tables")
    p.add_argument("--out", type=Path, help="write the ranked table to .csv or .xlsx")
    p.add_argument("--lang", choices=["en", "id"], default="en",
                   help="language of --out's headers and domain labels (as export-table)")
    p.add_argument("--codes", action="store_true",
                   help="in --out keep stored codes (e.g. DI, 4) instead of domain labels")
    p.add_argument("--limit", type=int, default=30, help="rows shown (default 30)")
    p.set_defaults(func=run)


def load_weights(path: Path | None) -> Any:
    """Weights from a JSON file (a bare object or a project's ``planning`` section)."""
    from gisdesk.planning.weights import RiskWeights

    if path is None:
        return RiskWeights()
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise UserError(f"{path}: {exc.strerror or exc}") from exc
    except json.JSONDecodeError as exc:
        raise UserError(f"{path}: " + translate("Plan", "not valid JSON ({0})").format(exc)) \
            from exc
    if isinstance(data, dict) and isinstance(data.get("planning"), dict):
        data = data["planning"]
    try:
        return RiskWeights.from_dict(data, source=str(path))
    except ValueError as exc:
        raise UserError(str(exc)) from exc


def run(args: argparse.Namespace) -> int:
    """Score, plan and report; returns the exit code."""
    import datetime as dt

    from gisdesk.commands.trace import _optional_layer
    from gisdesk.planning.programme import plan_programme
    from gisdesk.planning.risk import RiskInputs, score_risk
    from gisdesk.planning.table import programme_table
    from gisdesk.query.metric import CRSMissingError

    weights = load_weights(args.weights)
    assets = _layer(args.path, args.layer)
    inputs = RiskInputs(
        assets.frame, args.layer,
        buildings=_frame(_optional_layer(args.path, args.buildings_layer)),
        inspections=_frame(_optional_layer(args.path, args.inspections_layer)),
        valves=_frame(_optional_layer(args.path, args.valves_layer)),
    )
    start = args.start_year or (weights.as_of_year or dt.date.today().year) + 1
    try:
        scored = score_risk(inputs, weights)
        programme = plan_programme(scored, args.budget, args.years, start, args.min_risk)
    except (CRSMissingError, ValueError) as exc:
        raise UserError(f"{args.path} ({args.layer}): {exc}") from exc
    table = programme_table(programme.assets)
    if args.out:
        _write(table, args.out, assets, args)
    if args.json:
        _print_json(args, weights, programme, table)
    else:
        _print_text(args, programme, table)
    return 0


def _layer(path: Path, name: str) -> Any:
    from gisdesk.commands.query import load_layer

    return load_layer(path, name)


def _frame(layer: Any) -> Any:
    return None if layer is None else layer.frame


def _write(table: Any, out: Path, assets: Any, args: argparse.Namespace) -> None:
    """The ranked table as export-table writes a layer: field labels as headers and domain
    labels as values in ``--lang`` (the asset layer's fields and the risk fields alike)."""
    from gisdesk.core.definitions import default_catalog
    from gisdesk.export.tables import export_table
    from gisdesk.planning.result_layer import programme_catalog, programme_definition

    definition = programme_definition(assets.definition, table.columns)
    try:
        export_table(table, out, definition=definition,
                     catalog=programme_catalog(default_catalog()), lang=args.lang,
                     codes=args.codes, sheet_name=definition.title.get(args.lang))
    except (ValueError, OSError) as exc:
        raise UserError(str(exc)) from exc


def _print_json(args: argparse.Namespace, weights: Any, programme: Any, table: Any) -> None:
    from gisdesk.query.output import records, to_json

    print(to_json({"layer": args.layer, "budget": args.budget, "years": args.years,
                   "weights": weights.to_dict(), "per_year": records(programme.years),
                   "rows": records(table)}))


def _print_text(args: argparse.Namespace, programme: Any, table: Any) -> None:
    from gisdesk.query.output import format_table

    funded = int(programme.assets["year"].notna().sum())
    print(translate("Plan", "{0}: {1} assets ranked, {2} funded within {3} years")
          .format(args.layer, len(table), funded, args.years))
    print(format_table(programme.years, None))
    print()
    print(format_table(table, args.limit))
    if args.out:
        print(translate("Plan", "wrote {0}").format(args.out))
