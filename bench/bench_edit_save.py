"""Benchmark: change one attribute of a building and save, on layers of up to 1,000,000 rows.

Target (issue 3, section 7): under 100 ms for edit + save on 1,000,000 buildings. The baseline,
measured in the same run on the same data, is what a naive save costs: pyogrio rewriting the
whole layer. Opening the layer and "prepare" (the UUID index in the file, once per file, and the
in-memory UUID lookup, once per session) are shown too.

Usage::

    .venv/bin/python bench/bench_edit_save.py                  # 10k, 100k, 1M synthetic
    .venv/bin/python bench/bench_edit_save.py --sizes 10000
    .venv/bin/python bench/bench_edit_save.py --sampledata      # gisdesk.sampledata scale 100

Synthetic data is a GDAL-written GeoPackage (pyogrio) with every field of the buildings
definition, so it carries the same R-tree triggers as a real file.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import geopandas as gpd
import numpy as np
import pyogrio
import shapely

from gisdesk.core.definitions import default_catalog
from gisdesk.core.edits import SetAttribute
from gisdesk.core.edits_frame import warm_lookup
from gisdesk.core.edits_session import EditSession
from gisdesk.core.journal import Journal
from gisdesk.core.project import Project
from gisdesk.core.roles import Profile
from gisdesk.io.gpkg_store import prepare_for_editing, save_session
from gisdesk.io.readers import read_layer

CRS = "EPSG:32651"
REPEATS = 7


def synthetic_buildings(path: Path, n: int, seed: int = 1) -> Path:
    """Write ``n`` small square buildings around Gorontalo with every defined field."""
    rng = np.random.default_rng(seed)
    x = 555000 + rng.random(n) * 15000
    y = 55000 + rng.random(n) * 12000
    frame = gpd.GeoDataFrame(
        {
            "uuid": [str(uuid.UUID(int=int(i), version=4)) for i in rng.integers(0, 2**62, n)],
            "asset_id": [f"BG-{i:07d}" for i in range(n)],
            "owner_opd": "PERKIM",
            "install_year": rng.integers(1960, 2024, n),
            "condition": rng.integers(1, 6, n),
            "last_inspected": "2023-07-01",
            "notes": "",
            "name": "",
            "building_use": "RESIDENTIAL",
            "floors": rng.integers(1, 4, n),
            "address": "Jl. Contoh",
        },
        geometry=shapely.box(x, y, x + 12, y + 10),
        crs=CRS,
    )
    pyogrio.write_dataframe(frame, path, layer="buildings", use_arrow=True)
    return path


def sample_city(folder: Path) -> Path:
    """The generated sample city at scale 100 (about a million buildings)."""
    from gisdesk.sampledata import generate_city

    return generate_city(folder / "city_scale100.gpkg", scale=100)


def _timed(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def measure(path: Path, work: Path) -> dict[str, float]:
    """Open, index, then edit+save REPEATS times; baseline: pyogrio rewrites the layer."""
    catalog = default_catalog()
    project = Project(catalog, crs=CRS)
    t0 = time.perf_counter()
    layer = project.add_layer(read_layer(path, "buildings", target_crs=CRS, catalog=catalog))
    opened = time.perf_counter() - t0
    indexed = _timed(lambda: prepare_for_editing(path, "buildings", layer.definition))
    indexed += _timed(lambda: warm_lookup(layer))
    session = EditSession(project, Profile("Bench", "PERKIM", "editor"),
                          Journal(work / "bench_journal.jsonl"))
    keys = layer.frame["uuid"].to_numpy()
    rng = np.random.default_rng(7)
    applies, saves = [], []
    for i in range(REPEATS):
        target = str(keys[rng.integers(0, len(keys))])
        cmd = SetAttribute(layer="buildings", uuid=target, field="floors", value=2 + i % 3)
        applies.append(_timed(lambda c=cmd: session.apply(c)))
        saves.append(_timed(lambda: save_session(session)))
    rewrite = _timed(lambda: pyogrio.write_dataframe(
        layer.frame, work / "rewrite.gpkg", layer="buildings", use_arrow=True))
    return {
        "rows": len(layer.frame), "open": opened, "index": indexed,
        "apply": statistics.median(applies), "save": statistics.median(saves),
        "edit_save": statistics.median(a + s for a, s in zip(applies, saves, strict=True)),
        "rewrite": rewrite,
    }


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print one table row per dataset size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--sampledata", action="store_true",
                        help="use gisdesk.sampledata at scale 100 instead of synthetic layers")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-edit-save-") as tmp:
        work = Path(tmp)
        files = ([sample_city(work)] if args.sampledata else
                 [synthetic_buildings(work / f"buildings_{n}.gpkg", n) for n in args.sizes])
        print(f"{'rows':>10} {'open s':>8} {'prepare s':>9} {'apply ms':>9} {'save ms':>8} "
              f"{'edit+save ms':>13} {'baseline rewrite s':>19} {'speed-up':>9}")
        for path in files:
            r = measure(path, work)
            print(f"{r['rows']:>10,} {r['open']:>8.2f} {r['index']:>9.2f} {r['apply'] * 1e3:>9.1f} "
                  f"{r['save'] * 1e3:>8.1f} {r['edit_save'] * 1e3:>13.1f} {r['rewrite']:>19.2f} "
                  f"{r['rewrite'] / r['edit_save']:>8.0f}x")
            sys.stdout.flush()
    print(f"median of {REPEATS} edit+save rounds; target: edit+save < 100 ms at 1,000,000 rows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
