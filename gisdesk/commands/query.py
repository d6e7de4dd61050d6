"""``gisdesk query``: attribute and location queries, nearest features and summaries, headless.

``gisdesk query city.gpkg --layer buildings --where '"floors" > 2' --near-layer water_mains
--near-where '"condition" <= 2' --distance 50 --json``
"""


from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from gisdesk.cli import UserError
from gisdesk.i18n import translate


def register(sub: Any) -> None:
    """Add the ``query`` subcommand to the CLI's subparsers."""
    p = sub.add_parser("query", help="select features by expression and location; nearest; "
                       "summaries by area")
    p.add_argument("path", type=Path, help="GeoPackage (or other data file) to query")
    p.add_argument("--layer", help="layer to select from, e.g. buildings (default: the file's "
                   "first layer)")
    p.add_argument("--where", help="filter expression, e.g. '\"floors\" > 2'")
    p.add_argument("--near-layer", help="keep features related to this layer's features")
    p.add_argument("--near-where", help="filter expression for --near-layer")
    p.add_argument("--distance", type=float,
                   help="metres: keep features within this distance of --near-layer")
    p.add_argument("--relation", choices=["intersects", "within", "contains"],
                   default="intersects", help="relation to --near-layer when no --distance")
    p.add_argument("--nearest", metavar="LAYER", help="list the nearest features of LAYER")
    p.add_argument("--n", type=int, default=1, help="how many nearest features (default 1)")
    p.add_argument("--nearest-where", help="filter expression for --nearest")
    p.add_argument("--max-distance", type=float, help="metres: ignore farther nearest features")
    p.add_argument("--summarise-by", metavar="AREAS", help="summarise the result per area "
                   "of this polygon layer (e.g. districts)")
    p.add_argument("--area-field", default="name", help="field naming each area (default name)")
    p.add_argument("--category", help="field to split the summary by, e.g. condition")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.add_argument("--out", type=Path, help="write the result to .csv, .gpkg or .json")
    p.add_argument("--limit", type=int, default=50, help="rows shown in the table (default 50)")
    p.set_defaults(func=run)


def load_layer(path: Path, layer: str | None, where: str | None = None) -> Any:
    """Read ``layer`` of ``path`` (in its own CRS) and keep the rows matching ``where``.

    Raises
    ------
    UserError
        Missing file or layer, unreadable data, or a bad expression (with its caret line).
    """
    from gisdesk.core.definitions import default_catalog
    from gisdesk.io.errors import ReadError
    from gisdesk.io.readers import read_layer
    from gisdesk.query.expression import ExpressionError, filter_mask

    if not path.exists():
        raise UserError(translate("Query", "file not found: {0}").format(path))
    catalog = default_catalog()
    try:
        map_layer = read_layer(path, layer, catalog=catalog, target_crs=None)
    except ReadError as exc:
        raise UserError(str(exc)) from exc
    if where:
        try:
            mask = filter_mask(where, map_layer.frame, map_layer.definition, catalog,
                               map_layer.name)
        except ExpressionError as exc:
            msg = translate("Query", "{0} (layer '{1}'): bad expression: {2}")
            raise UserError(msg.format(path, map_layer.name, exc)) from exc
        map_layer.frame = map_layer.frame[mask]
    return map_layer


def run(args: argparse.Namespace) -> int:
    """Run the query and print or write the answer; returns the exit code."""
    from gisdesk.query.metric import CRSMissingError
    from gisdesk.query.output import format_table, to_json, write_result

    if args.n < 1:
        raise UserError(translate("Query", "--n must be 1 or more"))
    target = load_layer(args.path, args.layer, args.where)
    args.layer = target.name  # the layer actually read, for messages and output names
    try:
        selected = _near_filter(args, target)
        result, kind = _shape_result(args, target, selected)
    except (CRSMissingError, ValueError) as exc:
        raise UserError(f"{args.path}: {exc}") from exc
    if args.out:
        try:
            write_result(result, args.out, layer_name=f"{args.layer}_{kind}")
        except (ValueError, OSError) as exc:
            raise UserError(str(exc)) from exc
    if args.json:
        print(to_json(_json_payload(args, result, kind, len(selected))))
    else:
        print(_headline(args, kind, len(selected), len(result)))
        shown = (compact(result, target, [args.where], args.limit) if kind == "features"
                 else result)
        print(format_table(shown, args.limit))
        if args.out:
            print(translate("Query", "wrote {0}").format(args.out))
    return 0


def _near_filter(args: argparse.Namespace, target: Any) -> Any:
    """Rows of ``target`` related to the (filtered) --near-layer, or all of them."""
    from gisdesk.query.spatial import select_by_location

    if not args.near_layer:
        if args.near_where or args.distance is not None:
            raise UserError(translate("Query", "--near-where and --distance need --near-layer"))
        return target.frame
    near = load_layer(args.path, args.near_layer, args.near_where)
    predicate = "dwithin" if args.distance is not None else args.relation
    mask = select_by_location(target.frame, near.frame, predicate, args.distance,
                              names=(args.layer, args.near_layer))
    return target.frame[mask]


def _shape_result(args: argparse.Namespace, target: Any, selected: Any) -> tuple[Any, str]:
    """The table to show: selected features, nearest pairs, or a per-area summary."""
    from gisdesk.query.output import id_columns
    from gisdesk.query.spatial import nearest
    from gisdesk.query.summary import summarise_by_area

    ids = id_columns(selected, identifier_fields(target))
    if args.nearest:
        other = load_layer(args.path, args.nearest, args.nearest_where)
        pairs = nearest(selected, other.frame, n=args.n, max_distance=args.max_distance,
                        names=(args.layer, args.nearest))
        other_ids = id_columns(other.frame, identifier_fields(other))
        pairs.insert(0, args.layer, _labels(selected, ids, pairs["target"]))
        pairs.insert(2, args.nearest, _labels(other.frame, other_ids, pairs["reference"]))
        return pairs.drop(columns=["target", "reference"]), "nearest"
    if args.summarise_by:
        areas = load_layer(args.path, args.summarise_by)
        table = summarise_by_area(areas.frame, selected, args.area_field, category=args.category,
                                  names=(args.summarise_by, args.layer))
        return table.reset_index(), "summary"
    return selected, "features"


def identifier_fields(layer: Any) -> list[str | None]:
    """Fields that name a feature for people, best first: label field, asset code, key."""
    definition = layer.definition
    return [definition.label_field if definition else None, "asset_id", "name",
            definition.key if definition else None, "uuid"]


def compact(frame: Any, layer: Any, expressions: list[str | None],
            limit: int | None = None) -> Any:
    """Columns worth a terminal's width, for the rows that will be printed.

    The asset code and the layer definition's label field (both: a building's label is its
    name, which most buildings lack), a ``name``, then the fields the query used. Columns that
    are NULL in every printed row are left out — a column of NULLs answers nothing — and the
    key (uuid) stands in when no identifier has a value. ``--json`` and ``--out`` keep every
    column.
    """
    from gisdesk.query.expression import Expression

    definition = layer.definition
    candidates = ["asset_id", definition.label_field if definition else None, "name"]
    wanted = list(dict.fromkeys(c for c in candidates if c and c in frame.columns))
    for text in expressions:
        if text:
            used = {f.lower() for f in Expression(text).referenced_fields}
            wanted += [c for c in frame.columns if str(c).lower() in used and c not in wanted]
    if not wanted:
        return frame
    shown = frame.head(limit) if limit is not None else frame
    filled = [c for c in wanted if shown[c].notna().any()]
    if not any(c in filled for c in candidates if c):
        key = next((c for c in (definition.key if definition else None, "uuid")
                    if c and c in frame.columns and shown[c].notna().any()), None)
        filled = [key, *filled] if key else filled
    return frame[filled] if filled else frame[wanted]


def _labels(frame: Any, ids: list[str], index_labels: Any) -> list[Any]:
    """Human identifiers (asset code) of rows given by index label, else the labels."""
    if not ids:
        return list(index_labels)
    return frame.loc[index_labels, ids[0]].tolist()


def _headline(args: argparse.Namespace, kind: str, selected: int, rows: int) -> str:
    if kind == "nearest":
        return translate("Query", "{0} {1} selected; {2} nearest rows").format(
            selected, args.layer, rows)
    if kind == "summary":
        return translate("Query", "{0} {1} selected, summarised by {2}").format(
            selected, args.layer, args.summarise_by)
    return translate("Query", "{0} {1} selected").format(selected, args.layer)


def _json_payload(args: argparse.Namespace, result: Any, kind: str, selected: int) -> dict:
    from gisdesk.query.output import records

    return {"layer": args.layer, "where": args.where, "near_layer": args.near_layer,
            "distance_m": args.distance, "count": selected, "kind": kind,
            "rows": records(result)}
