"""Benchmark: snapping a digitizing click (vertex, else segment) on layers of 10k-1M features.

Run: ``.venv/bin/python bench/bench_snapping.py [--sizes 10000 100000 1000000]``

Datasets: synthetic street-grid lines (2 vertices each) of the given sizes. For each size the
table shows the one-off STRtree build (first mouse move after the layer changed), the median
time of one snap with :func:`gisdesk.core.snapping.snap`, and the baseline measured in the same
run: a brute-force snap (distance from the click to every vertex and every line with shapely's
vectorised functions, no index), which must find the same point.
"""

from __future__ import annotations

import argparse
import statistics
import time

import geopandas as gpd
import numpy as np
import shapely

from gisdesk.core.layer import MapLayer
from gisdesk.core.snapping import snap

X0, Y0 = 500_000.0, 50_000.0


def lines(n: int, seed: int = 1) -> MapLayer:
    """``n`` short random segments spread over a square city (about 10 m apart on average)."""
    rng = np.random.default_rng(seed)
    side = np.sqrt(n) * 10.0
    start = rng.uniform(0, side, (n, 2)) + np.array([X0, Y0])
    end = start + rng.uniform(-8, 8, (n, 2))
    geoms = shapely.linestrings(np.stack([start, end], axis=1))
    return MapLayer("lines", gpd.GeoDataFrame({"uuid": np.arange(n)}, geometry=geoms,
                                              crs="EPSG:32651"))


def brute(layer: MapLayer, x: float, y: float, tol: float) -> tuple[float, float] | None:
    """Baseline: no index, every vertex and every line measured."""
    geoms = layer.frame.geometry.values
    coords = shapely.get_coordinates(geoms)
    d = np.hypot(coords[:, 0] - x, coords[:, 1] - y)
    i = int(np.argmin(d))
    if d[i] <= tol:
        return float(coords[i, 0]), float(coords[i, 1])
    point = shapely.Point(x, y)
    dist = shapely.distance(geoms, point)
    j = int(np.argmin(dist))
    if dist[j] > tol:
        return None
    on = geoms[j].interpolate(geoms[j].project(point))
    return on.x, on.y


def timed(fn, *args) -> tuple[float, object]:
    t = time.perf_counter()
    out = fn(*args)
    return time.perf_counter() - t, out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--clicks", type=int, default=30)
    args = parser.parse_args()
    print(f"{'features':>10} {'tree build s':>13} {'snap ms':>9} {'brute ms':>9} {'speed-up':>9}")
    for n in args.sizes:
        layer = lines(n)
        rng = np.random.default_rng(7)
        side = np.sqrt(n) * 10.0
        clicks = rng.uniform(0, side, (args.clicks, 2)) + np.array([X0, Y0])
        build, _ = timed(snap, [layer], X0 - 1e6, Y0 - 1e6, 1.0)
        ours, base = [], []
        for x, y in clicks:
            t1, got = timed(snap, [layer], x, y, 3.0)
            t2, want = timed(brute, layer, x, y, 3.0)
            ours.append(t1)
            base.append(t2)
            assert (got is None) == (want is None), (x, y)
            if got is not None:
                assert np.allclose((got.x, got.y), want, atol=1e-6), (got, want)
        o, b = statistics.median(ours) * 1000, statistics.median(base) * 1000
        print(f"{n:>10,} {build:>13.3f} {o:>9.2f} {b:>9.2f} {b / o:>8.0f}x")


if __name__ == "__main__":
    main()
