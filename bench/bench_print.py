"""Benchmark: print layouts (issue 5, section 6).

Targets: an A3 landscape vector PDF (300 dpi coordinates, fit scale) of the whole scale-10 city
in under 10 s; a 20-page atlas (one page per kelurahan, A4 landscape) of the scale-1 city in
under 30 s. Baseline, measured in the same run on the same project: one ``render_image`` of the
same extent at screen size (1600x1000 px, 96 dpi), i.e. what the canvas does for one redraw.

Usage::

    .venv/bin/python bench/bench_print.py             # scale-10 city cached in bench/out/
    .venv/bin/python bench/bench_print.py --scale 3   # a smaller city for a quick look

Reading the GeoPackage is not part of the timings. The first print of a project also prepares
the renderer's caches (as the first canvas redraw does); both are reported.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QGuiApplication

from gisdesk import paths
from gisdesk.commands.render import load_project
from gisdesk.core.viewport import Viewport
from gisdesk.export.layout_model import LayoutTemplate
from gisdesk.ui.print.export import export_atlas, export_pdf
from gisdesk.ui.print.page import page_spec
from gisdesk.ui.render import RenderOptions, render_image
from gisdesk.ui.render.cache import clear

OUT = Path(__file__).resolve().parent / "out"
PDF_TARGET_S, ATLAS_TARGET_S, ATLAS_PAGES = 10.0, 30.0, 20


def city(scale: float) -> Path:
    """The bundled scale-1 city or a generated one cached under bench/out/."""
    if scale == 1:
        return paths.sample_city_path()
    path = OUT / f"city_scale{scale:g}.gpkg"
    if not path.exists():
        from gisdesk.sampledata.generate import generate_city

        OUT.mkdir(exist_ok=True)
        print(f"generating the scale-{scale:g} city into {path} ...", flush=True)
        generate_city(path, scale=scale)
    return path


def timed(action):
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def features(project) -> int:
    return sum(len(lyr.frame) for lyr in project.layers if lyr.geometry_kind != "none")


def bench_pdf(project, folder: Path) -> list[tuple[str, float, str]]:
    """Baseline screen render, then the A3 PDF cold (caches empty) and warm."""
    template = LayoutTemplate(paper="A3", orientation="landscape", title="Kota Gorontalo")
    spec = page_spec(project, template, project.full_extent())
    clear()
    view = Viewport.fit(project.full_extent(), 1600, 1000)
    base_cold, _ = timed(lambda: render_image(project, view, RenderOptions()))
    base_warm, _ = timed(lambda: render_image(project, view, RenderOptions()))
    clear()
    pdf = folder / "a3.pdf"
    cold, _ = timed(lambda: export_pdf(project, spec, pdf))
    warm, _ = timed(lambda: export_pdf(project, spec, pdf))
    size = f"{pdf.stat().st_size / 1e6:.1f} MB, 1:{spec.scale:,.0f}"
    return [("baseline render_image 1600x1000 (cold)", base_cold, ""),
            ("baseline render_image 1600x1000 (warm)", base_warm, ""),
            ("A3 landscape PDF, 300 dpi (cold)", cold, size),
            ("A3 landscape PDF, 300 dpi (warm)", warm, size)]


def bench_atlas(project, folder: Path) -> list[tuple[str, float, str]]:
    """Baseline one screen render per kelurahan extent, then the 20-page atlas."""
    districts = project.layer("districts")
    keep = districts.frame.iloc[:ATLAS_PAGES]
    project.layers = [lyr for lyr in project.layers if lyr is not districts]
    subset = type(districts)(districts.name, keep, districts.definition)
    project.layers.insert(0, subset)
    template = LayoutTemplate(paper="A4", orientation="landscape", title="Atlas")

    def baseline() -> None:
        for bounds in keep.geometry.bounds.to_numpy():
            render_image(project, Viewport.fit(tuple(bounds), 1600, 1000), RenderOptions())

    base, _ = timed(baseline)
    pdf = folder / "atlas.pdf"
    took, result = timed(lambda: export_atlas(project, template, "districts", "name", pdf))
    return [(f"baseline {len(keep)} x render_image 1600x1000", base, ""),
            (f"atlas, {result.pages} pages A4 (PDF)", took,
             f"{pdf.stat().st_size / 1e6:.1f} MB")]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=10.0, help="city for the A3 PDF")
    args = parser.parse_args()
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        big = load_project(city(args.scale))
        rows = bench_pdf(big, folder)
        print(f"\nA3 PDF: scale-{args.scale:g} city, {features(big):,} features "
              f"in {sum(lyr.geometry_kind != 'none' for lyr in big.layers)} layers")
        _table(rows, PDF_TARGET_S)
        small = load_project(city(1))
        print(f"\nAtlas: scale-1 city, {features(small):,} features, "
              f"{len(small.layer('districts').frame)} kelurahan (first {ATLAS_PAGES})")
        _table(bench_atlas(small, folder), ATLAS_TARGET_S)
    return 0


def _table(rows: list[tuple[str, float, str]], target: float) -> None:
    print(f"{'what':<44} {'seconds':>8}  {'target':>7}  notes")
    for name, seconds, note in rows:
        goal = "" if name.startswith("baseline") else f"< {target:g}"
        print(f"{name:<44} {seconds:>8.2f}  {goal:>7}  {note}")


if __name__ == "__main__":
    raise SystemExit(main())
