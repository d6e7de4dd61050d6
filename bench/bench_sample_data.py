"""Time the sample-city generator at several scales.

Prints one row per scale: features per layer, seconds to generate in memory, seconds to write,
CPU seconds of this process (the fair number on a shared machine) and file size. The baseline,
measured in the same run, is GeoPandas writing the same buildings layer the common way
(``to_file`` without Arrow) next to the generator's Arrow writer.

    .venv/bin/python bench/bench_sample_data.py                 # scales 1, 10, 100
    .venv/bin/python bench/bench_sample_data.py --scales 0.1 1
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import geopandas as gpd
import pyarrow as pa

from gisdesk.core.definitions import default_catalog
from gisdesk.sampledata.generate import build_layers
from gisdesk.sampledata.plan import CRS, DEFAULT_SEED, CityPlan
from gisdesk.sampledata.writer import to_table, write_layer

SHORT = {"districts": "dist", "roads": "roads", "buildings": "bldg", "water_mains": "mains",
         "valves": "valves", "hydrants": "hydr", "drains": "drains", "manholes": "mh",
         "streetlights": "lights", "inspections": "insp"}


def _baseline_buildings(layers, catalog, folder: Path) -> float:
    """Seconds for GeoPandas ``to_file`` (no Arrow) to write the buildings layer."""
    table = to_table(layers["buildings"], catalog.layers["buildings"], catalog)
    frame = table.drop(["geom"]).to_pandas(types_mapper={pa.date32(): None}.get)
    gdf = gpd.GeoDataFrame(frame, geometry=layers["buildings"].geometry, crs=CRS)
    started = time.perf_counter()
    gdf.to_file(folder / "baseline.gpkg", layer="buildings", driver="GPKG", engine="pyogrio",
                use_arrow=False)
    return time.perf_counter() - started


def run(scale: float, seed: int, folder: Path, baseline: bool) -> dict:
    """Generate and write one city; return the measurements."""
    catalog = default_catalog()
    cpu = time.process_time()
    started = time.perf_counter()
    layers = build_layers(CityPlan(scale=scale, seed=seed), catalog)
    generated = time.perf_counter() - started
    path = folder / f"scale{scale:g}.gpkg"
    path.unlink(missing_ok=True)
    started = time.perf_counter()
    written = {}
    for name, data in layers.items():
        t0 = time.perf_counter()
        write_layer(path, data, catalog.layers[name], catalog)
        written[name] = time.perf_counter() - t0
    write_s = time.perf_counter() - started
    cpu = time.process_time() - cpu
    row = {"scale": scale, "gen_s": generated, "write_s": write_s, "cpu_s": cpu,
           "mb": path.stat().st_size / 1e6, "counts": {n: len(d) for n, d in layers.items()},
           "bldg_write_s": written["buildings"],
           "bldg_baseline_s": _baseline_buildings(layers, catalog, folder) if baseline else None}
    path.unlink()
    return row


def main() -> None:
    """Parse options, run every scale, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=float, nargs="+", default=[1, 10, 100])
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--no-baseline", action="store_true",
                        help="skip the GeoPandas to_file comparison (slow at scale 100)")
    args = parser.parse_args()
    header = (f"{'scale':>6} {'total s':>8} {'gen s':>7} {'write s':>8} {'cpu s':>7} {'MB':>7} "
              + " ".join(f"{s:>8}" for s in SHORT.values())
              + f" {'bldg arrow s':>12} {'bldg to_file s':>14}")
    print(header)
    with tempfile.TemporaryDirectory() as tmp:
        for scale in args.scales:
            r = run(scale, args.seed, Path(tmp), baseline=not args.no_baseline)
            base = f"{r['bldg_baseline_s']:>14.2f}" if r["bldg_baseline_s"] is not None else (
                f"{'-':>14}")
            print(f"{r['scale']:>6g} {r['gen_s'] + r['write_s']:>8.1f} {r['gen_s']:>7.1f} "
                  f"{r['write_s']:>8.1f} {r['cpu_s']:>7.1f} {r['mb']:>7.1f} "
                  + " ".join(f"{r['counts'][n]:>8}" for n in SHORT)
                  + f" {r['bldg_write_s']:>12.2f} {base}", flush=True)


if __name__ == "__main__":
    main()
