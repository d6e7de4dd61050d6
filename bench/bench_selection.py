"""Benchmark identify/selection (gisdesk.core.selection) against a brute-force shapely scan.

Usage::

    .venv/bin/python bench/bench_selection.py [--sizes 10000,100000] [--clicks 200]

For points, lines and polygons of each size it times, in the same run:

* building the STRtree (the first query on a layer pays it once per layer version),
* a warm ``features_at`` click and a warm ``features_in_rect`` box (median of ``--clicks``),
* the baseline: the same answers from vectorised shapely over every geometry
  (``shapely.dwithin`` / ``covers`` / ``intersects`` on the whole array, no index).
"""
from __future__ import annotations

import argparse
import statistics
import time

import geopandas as gpd
import numpy as np
import shapely

from gisdesk.core.layer import MapLayer
from gisdesk.core.selection import features_at, features_in_rect

EXTENT = 12_000.0  # a 12 km square, about Kota Gorontalo
TOLERANCE = 5.0  # metres, ~3 pixels at 1:5000


def _geometries(kind: str, n: int, rng: np.random.Generator) -> np.ndarray:
    xy = rng.uniform(0, EXTENT, (n, 2))
    if kind == "point":
        return shapely.points(xy)
    if kind == "line":
        ends = xy + rng.uniform(-60, 60, (n, 2))
        coords = np.stack([xy, ends], axis=1).reshape(-1, 2)
        return shapely.linestrings(coords, indices=np.repeat(np.arange(n), 2))
    return shapely.box(xy[:, 0], xy[:, 1], xy[:, 0] + 15, xy[:, 1] + 12)


def _brute_at(geoms: np.ndarray, kind: str, x: float, y: float) -> np.ndarray:
    point = shapely.Point(x, y)
    hit = shapely.covers(geoms, point) if kind == "polygon" else shapely.dwithin(
        geoms, point, TOLERANCE)
    return np.flatnonzero(hit)


def _median_ms(func, args_list) -> float:
    times = []
    for args in args_list:
        start = time.perf_counter()
        func(*args)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def _row(kind: str, n: int, clicks: int, rng: np.random.Generator) -> str:
    """Time one layer and return its table row."""
    geoms = _geometries(kind, n, rng)
    layer = MapLayer(kind, gpd.GeoDataFrame(geometry=geoms, crs="EPSG:32651"))
    start = time.perf_counter()
    features_at(layer, 0.0, 0.0, TOLERANCE)  # builds the tree
    tree_ms = (time.perf_counter() - start) * 1000
    pts = [(float(x), float(y)) for x, y in rng.uniform(0, EXTENT, (clicks, 2))]
    boxes = [((x, y, x + 200, y + 150),) for x, y in pts]
    for x, y in pts[:5]:  # the index and the baseline must agree
        assert set(features_at(layer, x, y, TOLERANCE)) == set(_brute_at(geoms, kind, x, y))
    click = _median_ms(lambda x, y: features_at(layer, x, y, TOLERANCE), pts)
    base = _median_ms(lambda x, y: _brute_at(geoms, kind, x, y), pts)
    box = _median_ms(lambda r: features_in_rect(layer, r), boxes)
    box_base = _median_ms(
        lambda r: np.flatnonzero(shapely.intersects(geoms, shapely.box(*r))), boxes)
    return (f"{kind:8} {n:>9} {tree_ms:>8.1f} {click:>9.3f} {base:>8.3f} "
            f"{base / click:>6.0f} {box:>7.3f} {box_base:>8.3f} {box_base / box:>6.0f}")


def run(sizes: list[int], clicks: int) -> None:
    """Print one row per (kind, size)."""
    rng = np.random.default_rng(42)
    header = (f"{'kind':8} {'features':>9} {'tree ms':>8} {'click ms':>9} {'base ms':>8} "
              f"{'x':>6} {'box ms':>7} {'base ms':>8} {'x':>6}")
    print(header)
    print("-" * len(header))
    for kind in ("point", "line", "polygon"):
        for n in sizes:
            print(_row(kind, n, clicks, rng))


def main() -> None:
    """Parse arguments and run."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--clicks", type=int, default=200)
    args = parser.parse_args()
    run([int(s) for s in args.sizes.split(",")], args.clicks)


if __name__ == "__main__":
    main()
