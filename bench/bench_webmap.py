"""Benchmark: offline web map of the sample city.

Target (issue 5, section 6): the web map of the scale-1 city in under 5 s. The baseline, measured
in the same run on the same layers, is plain geopandas: reproject each layer to EPSG:4326 and
``GeoDataFrame.to_json()`` it, i.e. only the GeoJSON a hand-made folium map would embed, with no
styles, labels, legend or inlined Leaflet.

Usage::

    .venv/bin/python bench/bench_webmap.py                 # sample_data/gorontalo_sample.gpkg
    .venv/bin/python bench/bench_webmap.py --scale 3       # generate a bigger city first

Reading the GeoPackage is not part of either timing (both start from the loaded layers).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import shapely

from gisdesk import paths
from gisdesk.core.definitions import default_catalog
from gisdesk.core.project import Project
from gisdesk.export.webmap import export_web_map
from gisdesk.io.readers import open_path

TARGET_S = 5.0
_KIND_ORDER = {"polygon": 0, "mixed": 1, "line": 2, "point": 3, "none": 4}


def city_file(scale: float, folder: Path) -> Path:
    """The bundled scale-1 city, or a freshly generated one at another scale."""
    bundled = paths.sample_city_path()
    if scale == 1 and bundled.is_file():
        return bundled
    out = folder / f"city_scale{scale:g}.gpkg"
    subprocess.run([sys.executable, "-m", "gisdesk", "sample-data", "--scale", str(scale),
                    "--out", str(folder), "--name", out.name], check=True)
    return out


def timed(action: Callable[[], object], repeats: int) -> tuple[float, object]:
    """Median wall time of ``repeats`` runs, and the last result."""
    times, result = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def geopandas_json(project: Project) -> int:
    """Baseline: every spatial layer to EPSG:4326 GeoJSON text; returns total characters.

    ``default=str`` because the sample city has date columns, which json cannot encode.
    """
    total = 0
    for layer in project.layers:
        frame = layer.frame[layer.frame.geometry.notna()]
        if len(frame):
            total += len(frame.to_crs(4326).to_json(default=str))  # dates -> text
    return total


def main() -> int:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = city_file(args.scale, folder)
        catalog = default_catalog()
        start = time.perf_counter()
        result = open_path(path, catalog=catalog)
        read_s = time.perf_counter() - start
        project = Project(catalog)
        for layer in sorted(result.layers, key=lambda x: _KIND_ORDER.get(x.geometry_kind, 4)):
            project.add_layer(layer)
        out = folder / "map.html"
        web_s, web = timed(lambda: export_web_map(project, out, title="Kota Gorontalo",
                                                  lang="id"), args.repeats)
        base_s, json_chars = timed(lambda: geopandas_json(project), args.repeats)
    print(f"City: {path.name} (scale {args.scale:g}); read in {read_s:.2f} s (not timed below)")
    print(f"{'layer':<14}{'features':>10}{'vertices':>11}{'in page':>9}{'simplified':>12}")
    by_name = {s.name: s for s in web.layers}
    for layer in project.layers:
        summary = by_name.get(layer.name)
        vertices = int(shapely.get_num_coordinates(layer.frame.geometry.to_numpy()).sum())
        shown = summary.shown if summary else 0
        simple = f"{summary.simplified_m:.1f} m" if summary and summary.simplified_m else "-"
        print(f"{layer.name:<14}{len(layer.frame):>10,}{vertices:>11,}{shown:>9,}{simple:>12}")
    total = sum(s.shown for s in web.layers)
    print(f"{'total':<14}{sum(len(lyr.frame) for lyr in project.layers):>10,}{'':>11}"
          f"{total:>9,}")
    print()
    print(f"{'method':<44}{'median s':>10}{'output MB':>11}")
    print(f"{'baseline: to_crs(4326).to_json() per layer':<44}{base_s:>10.2f}"
          f"{json_chars / 1e6:>11.1f}")
    print(f"{'export_web_map (styles, popups, legend, JS)':<44}{web_s:>10.2f}"
          f"{web.size_bytes / 1e6:>11.1f}")
    verdict = "PASS" if web_s < TARGET_S else "FAIL"
    print(f"\ntarget < {TARGET_S:.0f} s: {verdict} ({web_s / base_s:.2f}x the baseline time)")
    for message in web.messages:
        print(f"note: {message}")
    return 0 if verdict == "PASS" else 1


if __name__ == "__main__":
    raise SystemExit(main())
