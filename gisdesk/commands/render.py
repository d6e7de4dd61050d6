"""``gisdesk render``: draw a data file or project to a PNG with the app's own renderer.

The same ``render_image`` the canvas uses, so a PNG from a script looks exactly like the screen.
Qt is imported only when the command runs (offscreen, no display needed).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from gisdesk.cli import UserError
from gisdesk.i18n import translate

_KIND_ORDER = {"polygon": 0, "mixed": 1, "line": 2, "point": 3, "none": 4}


def register(sub: Any) -> None:
    """Add the ``render`` subcommand to the CLI's subparsers."""
    p = sub.add_parser("render", help="render a data file or project to a PNG image")
    p.add_argument("path", type=Path, help="GeoPackage, Shapefile, GeoJSON... or .gdproj")
    p.add_argument("--out", type=Path, required=True, help="PNG file to write")
    p.add_argument("--width", type=int, default=1600)
    p.add_argument("--height", type=int, default=1000)
    p.add_argument("--extent", type=_extent, help="minx,miny,maxx,maxy in the project CRS")
    p.add_argument("--layers", help="comma-separated layer names to draw (default: all)")
    p.add_argument("--lang", choices=["en", "id"], default="en")
    p.add_argument("--scale", type=float, help="scale denominator, e.g. 10000 (centred)")
    p.add_argument("--dpi", type=float, default=96.0)
    p.add_argument("--no-labels", action="store_true", help="do not draw labels")
    p.set_defaults(func=run)


def _extent(text: str) -> tuple[float, float, float, float]:
    try:
        minx, miny, maxx, maxy = (float(v) for v in text.split(","))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(
            translate("Render", "extent must be minx,miny,maxx,maxy (four numbers)")
        ) from exc
    if maxx <= minx or maxy <= miny:
        raise argparse.ArgumentTypeError(translate("Render", "extent max must exceed min"))
    return (minx, miny, maxx, maxy)


def load_project(path: Path) -> Any:
    """A Project holding every layer of ``path`` (polygons below lines below points)."""
    from gisdesk.core.definitions import default_catalog
    from gisdesk.core.project import Project
    from gisdesk.io.readers import open_path

    if not path.exists():
        raise UserError(translate("Render", "file not found: {path}").format(path=path))
    catalog = default_catalog()
    if path.suffix.lower() == ".gdproj":
        from gisdesk.io.project_file import load_project as load_gdproj

        project, errors = load_gdproj(path, catalog)
    else:
        result = open_path(path, catalog=catalog)
        project = Project(catalog=catalog)
        layers = sorted(result.layers, key=lambda lyr: _KIND_ORDER.get(lyr.geometry_kind, 4))
        for layer in layers:
            project.add_layer(layer)
        errors = [str(e) for e in result.errors]
    for message in errors:
        print(translate("Render", "warning: {message}").format(message=message))
    return project


def run(args: argparse.Namespace) -> int:
    """Load, render and save; returns the exit code."""
    from gisdesk.core.viewport import Viewport
    from gisdesk.paths import ensure_parent
    from gisdesk.ui.headless import painting_application
    from gisdesk.ui.render import RenderOptions, render_image

    if args.width <= 0 or args.height <= 0 or args.width * args.height > 20000 * 20000:
        raise UserError(translate("Render", "--width and --height must be positive"))
    _app = painting_application()
    project = load_project(args.path)
    extent = args.extent or project.extent or project.full_extent()
    if extent is None:
        raise UserError(translate("Render", "{path} has no features to draw").format(
            path=args.path))
    viewport = Viewport.fit(extent, args.width, args.height, dpi=args.dpi,
                            margin=0.0 if args.extent else 0.02)
    if args.scale:
        viewport = viewport.with_scale(args.scale)
    wanted = {n.strip() for n in args.layers.split(",")} if args.layers else None
    if wanted is not None:
        unknown = wanted - {lyr.name for lyr in project.layers}
        if unknown:
            raise UserError(translate("Render", "no layer named {names} in {path}").format(
                names=", ".join(sorted(unknown)), path=args.path))
    options = RenderOptions(
        lang=args.lang, labels=not args.no_labels,
        layer_filter=(lambda lyr: lyr.name in wanted) if wanted is not None else None,
    )
    image = render_image(project, viewport, options)
    try:
        ensure_parent(args.out)
    except OSError as exc:
        raise UserError(str(exc)) from exc
    if not image.save(str(args.out), "PNG"):
        raise UserError(translate("Render", "cannot write {out}").format(out=args.out))
    print(translate("Render", "wrote {out} ({w}x{h}, 1:{scale:,.0f})").format(
        out=args.out, w=args.width, h=args.height, scale=viewport.scale))
    return 0
