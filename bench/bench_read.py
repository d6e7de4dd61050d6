"""Read time of a big GeoPackage: GIS Desk's reader vs pyogrio vs Fiona (the baseline).

Generates water-main-like line layers (random 2–6 vertex lines across Kota Gorontalo in lon/lat,
8 attributes) of several sizes in a temporary folder, then times, in the same run:

* ``fiona → GeoDataFrame``   Fiona records → ``GeoDataFrame.from_features`` (baseline);
* ``pyogrio (no arrow)``     ``pyogrio.read_dataframe(use_arrow=False)``;
* ``pyogrio arrow``          ``pyogrio.read_dataframe(use_arrow=True)``;
* ``pyogrio arrow + to_crs`` the same, reprojected to EPSG:32651 (the floor for our reader);
* ``gisdesk read_layer``     Arrow batches + geometry checks + reprojection to EPSG:32651.

Prints one row per (size, method) with the best of ``--repeat`` runs and the speed-up over Fiona.
Usage: .venv/bin/python bench/bench_read.py [--sizes 20000,100000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely


def make_gpkg(path: Path, n: int, seed: int = 51) -> None:
    """Write ``n`` random pipe lines with typical asset attributes."""
    rng = np.random.default_rng(seed)
    starts = np.column_stack([rng.uniform(122.98, 123.12, n), rng.uniform(0.48, 0.62, n)])
    parts = rng.integers(2, 7, n)
    coords, index = [], []
    for i, (start, k) in enumerate(zip(starts, parts, strict=True)):
        steps = rng.normal(0, 0.0004, (k - 1, 2)).cumsum(axis=0) + start
        coords.append(np.vstack([start, steps]))
        index.extend([i] * k)
    lines = shapely.linestrings(np.vstack(coords), indices=np.asarray(index))
    frame = gpd.GeoDataFrame(
        {
            "uuid": [f"{i:08x}-0000-4000-8000-{i:012x}" for i in range(n)],
            "asset_id": [f"WM-{i:06d}" for i in range(n)],
            "owner_opd": rng.choice(["PDAM", "PUPR", "DLH"], n),
            "install_year": rng.integers(1975, 2025, n),
            "condition": rng.integers(1, 6, n),
            "material": rng.choice(["PVC", "HDPE", "GI", "AC", "DCI"], n),
            "diameter_mm": rng.choice([50, 75, 100, 150, 200, 300], n),
            "notes": rng.choice(["", "bocor 2019", "diganti sebagian", "dekat pasar"], n),
        },
        geometry=lines,
        crs="EPSG:4326",
    )
    frame.to_file(path, layer="water_mains", engine="pyogrio")


def read_fiona(path: Path) -> int:
    import fiona

    with fiona.open(path, layer="water_mains") as src:
        frame = gpd.GeoDataFrame.from_features(src, crs=src.crs)
    return len(frame)


def read_pyogrio(path: Path, arrow: bool) -> int:
    import pyogrio

    return len(pyogrio.read_dataframe(path, layer="water_mains", use_arrow=arrow))


def read_pyogrio_projected(path: Path) -> int:
    import pyogrio

    frame = pyogrio.read_dataframe(path, layer="water_mains", use_arrow=True)
    return len(frame.to_crs("EPSG:32651"))


def read_gisdesk(path: Path) -> int:
    from gisdesk.io.readers import read_layer

    return len(read_layer(path, "water_mains").frame)


def best_of(fn: Callable[[], int], repeat: int) -> tuple[float, int]:
    times, count = [], 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        count = fn()
        times.append(time.perf_counter() - t0)
    return min(times), count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="20000,100000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    methods: list[tuple[str, Callable[[Path], int]]] = [
        ("fiona → GeoDataFrame", read_fiona),
        ("pyogrio (no arrow)", lambda p: read_pyogrio(p, arrow=False)),
        ("pyogrio arrow", lambda p: read_pyogrio(p, arrow=True)),
        ("pyogrio arrow + to_crs", read_pyogrio_projected),
        ("gisdesk read_layer", read_gisdesk),
    ]
    print(f"{'features':>9}  {'file MB':>7}  {'method':<22} {'seconds':>8}  {'vs fiona':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            path = Path(tmp) / f"mains_{n}.gpkg"
            make_gpkg(path, n)
            size_mb = path.stat().st_size / 1e6
            baseline = None
            for name, fn in methods:
                seconds, count = best_of(lambda fn=fn, path=path: fn(path), args.repeat)
                assert count == n, f"{name} read {count} of {n}"
                baseline = baseline or seconds
                print(f"{n:>9}  {size_mb:7.1f}  {name:<22} {seconds:8.3f}  "
                      f"{baseline / seconds:7.1f}x")


if __name__ == "__main__":
    main()
