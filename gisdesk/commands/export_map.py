"""``gisdesk export-map``: a print layout (vector PDF or PNG) or an atlas, without the GUI.

``gisdesk export-map city.gpkg --layers districts,roads --where "condition <= 2" --paper A3 \
--orientation landscape --scale 15000 --title "Jalan kondisi buruk" --lang id --out jalan.pdf``

``gisdesk export-map city.gpkg --atlas districts --name-field name --out atlas.pdf``
"""


from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from gisdesk.cli import UserError
from gisdesk.commands.render import _extent
from gisdesk.i18n import translate


def register(sub: Any) -> None:
    """Add the ``export-map`` subcommand to the CLI's subparsers."""
    p = sub.add_parser("export-map", help="export a print layout (PDF/PNG) or an atlas (PDF)")
    p.add_argument("path", type=Path, help="GeoPackage, Shapefile, GeoJSON... or .gdproj")
    p.add_argument("--out", type=Path, required=True, help="file to write: .pdf or .png")
    p.add_argument("--template", type=Path, help="layout template JSON (default: the shipped "
                   "A3 landscape); the options below override it")
    p.add_argument("--paper", choices=["A4", "A3", "A2", "A1"])
    p.add_argument("--orientation", choices=["portrait", "landscape"])
    p.add_argument("--scale", type=float, help="scale denominator, e.g. 10000 (default: fit)")
    p.add_argument("--extent", type=_extent, help="minx,miny,maxx,maxy in the project CRS")
    p.add_argument("--title")
    p.add_argument("--subtitle")
    p.add_argument("--author")
    p.add_argument("--opd", help="the agency (OPD) printed under the scale bar")
    p.add_argument("--lang", choices=["en", "id"], default="en")
    p.add_argument("--dpi", type=float, default=300.0, help="PNG resolution (150 or 300)")
    p.add_argument("--layers", help="comma-separated layer names to draw (default: visible)")
    p.add_argument("--where", help="filter for layers having the fields it names, e.g. "
                   "\"condition <= 2\"")
    p.add_argument("--no-grid", action="store_true", help="leave out the coordinate grid")
    p.add_argument("--atlas", metavar="LAYER", help="one page per feature of LAYER (PDF only)")
    p.add_argument("--name-field", default="name", help="atlas page names (default: name)")
    p.set_defaults(func=run)


def _template(args: argparse.Namespace) -> Any:
    from gisdesk.export.layout_model import load_template, templates_dir

    path = args.template or templates_dir() / "a3_landscape.json"
    try:
        template = load_template(path)
    except ValueError as exc:
        raise UserError(str(exc)) from exc
    update = {k: v for k, v in {
        "paper": args.paper, "orientation": args.orientation, "scale": args.scale,
        "title": args.title, "subtitle": args.subtitle, "author": args.author, "opd": args.opd,
    }.items() if v is not None}
    if args.no_grid:
        update["grid"] = False
    if args.scale is not None and args.scale <= 0:
        raise UserError(translate("Export", "--scale must be positive"))
    return template.model_copy(update=update)


def _project(args: argparse.Namespace) -> Any:
    """The project to print: ``--layers`` shown (others hidden), ``--where`` applied."""
    from gisdesk.commands.export_web import apply_where
    from gisdesk.commands.render import load_project

    project = load_project(args.path)
    wanted = [n.strip() for n in args.layers.split(",") if n.strip()] if args.layers else None
    if wanted is not None:
        unknown = [n for n in wanted if project.layer(n) is None]
        if unknown:
            raise UserError(translate("Export", "{0}: no layer named {1} (layers: {2})").format(
                args.path, ", ".join(unknown), ", ".join(lyr.name for lyr in project.layers)))
        for layer in project.layers:
            layer.visible = layer.name in wanted or layer.name == args.atlas
    if args.where:
        chosen = [lyr for lyr in project.layers if lyr.visible and lyr.is_spatial
                  and lyr.name != args.atlas]
        filtered = {lyr.name: lyr for lyr in apply_where(chosen, args.where, project.catalog)}
        project.layers = [filtered.get(lyr.name, lyr) for lyr in project.layers]
    return project


def _progress_printer() -> Any:
    """Page counter on a terminal ("12/50" rewritten in place); silent in logs and cron."""
    if not sys.stdout.isatty():
        return None

    def show(done: int, total: int) -> None:
        print(f"\r{done}/{total}", end="\n" if done == total else "", flush=True)

    return show


def run(args: argparse.Namespace) -> int:
    """Load, lay out and write the map or atlas; returns the exit code."""
    from gisdesk.ui.headless import painting_application

    suffix = args.out.suffix.lower()
    if suffix not in (".pdf", ".png"):
        raise UserError(translate("Export", "--out must end in .pdf or .png: {0}").format(args.out))
    if args.atlas and suffix != ".pdf":
        raise UserError(translate("Export", "an atlas is written as PDF: use --out NAME.pdf"))
    _app = painting_application()
    template = _template(args)
    project = _project(args)
    from gisdesk.paths import ensure_parent
    from gisdesk.ui.print.export import export_atlas, export_pdf, export_png
    from gisdesk.ui.print.page import page_spec

    try:
        ensure_parent(args.out)
        if args.atlas:
            result = export_atlas(project, template, args.atlas, args.name_field, args.out,
                                  lang=args.lang, template_path=args.template,
                                  progress=_progress_printer())
            print(translate("Export", "wrote {0}: {1} pages").format(result.path, result.pages))
            return 0
        spec = page_spec(project, template, args.extent, lang=args.lang,
                         template_path=args.template, filter_text=args.where or "")
        if suffix == ".pdf":
            export_pdf(project, spec, args.out)
        else:
            export_png(project, spec, args.out, args.dpi)
    except (ValueError, OSError) as exc:
        raise UserError(str(exc)) from exc
    print(translate("Export", "wrote {0} ({1} {2}, 1:{3:,.0f})").format(
        args.out, template.paper, template.orientation, spec.scale))
    return 0
