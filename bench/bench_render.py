"""Benchmark the map renderer on the sample city at scale 1, 10 and 100, against QGIS.

Usage::

    .venv/bin/python bench/bench_render.py [--scales 1,10,100] [--repeat 5] [--no-qgis]
        [--data-dir DIR] [--save-png DIR]

For each scale it gets a GeoPackage (``gisdesk sample-data --scale N`` when that command exists,
otherwise a synthetic city of the same shape generated here), loads it as the app does, and
times:

* first render of the whole city at 1920x1080 (includes building the per-layer cache),
* warm whole-city redraw (median of ``--repeat``),
* warm street-level redraw at 1:2000 at a few places (median),

then renders the same file with QGIS (``bench/qgis_render.py`` under Debian's /usr/bin/python3
with python3-qgis, QgsMapRendererParallelJob) in the same run and prints our time as a ratio to
QGIS's. QGIS is skipped with a note when it is not installed.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
QGIS_PYTHON = "/usr/bin/python3"
CENTRE = (506700.0, 59700.0)  # Kota Gorontalo in UTM 51N
SIZE = (1920, 1080)


# --------------------------------------------------------------------------- data


def _sample_data(scale: int, out_dir: Path) -> Path | None:
    """The team's generator output, if ``gisdesk sample-data`` is available."""
    name = f"sample_city_x{scale}.gpkg"
    out = out_dir / name
    if out.is_file():
        return out
    cmd = [sys.executable, "-m", "gisdesk", "sample-data", "--scale", str(scale),
           "--out", str(out_dir), "--name", name]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False, cwd=ROOT)
    if proc.returncode != 0 or not out.is_file():
        return None
    return out


def _rectangles(rng: np.random.Generator, cx: np.ndarray, cy: np.ndarray, w: np.ndarray,
                h: np.ndarray, angle: np.ndarray) -> np.ndarray:
    corners = np.array([[-0.5, -0.5], [0.5, -0.5], [0.5, 0.5], [-0.5, 0.5], [-0.5, -0.5]])
    dx = corners[None, :, 0] * w[:, None]
    dy = corners[None, :, 1] * h[:, None]
    c, s = np.cos(angle)[:, None], np.sin(angle)[:, None]
    xy = np.stack([cx[:, None] + dx * c - dy * s, cy[:, None] + dx * s + dy * c], axis=-1)
    return shapely.polygons(xy)


def synthetic_city(scale: int, path: Path, seed: int = 42) -> Path:
    """A city shaped like the sample: ~10k buildings and ~1.5k road segments per scale unit."""
    rng = np.random.default_rng(seed)
    half = np.array([6000.0, 4500.0])
    n_b, n_r = 10_000 * scale, 1_500 * scale
    crs = "EPSG:32651"
    # Roads: jittered grid of short polylines, denser with scale.
    pts = rng.normal(0, 1, (n_r, 2)) * half / 2.2
    start = np.clip(pts, -half, half) + CENTRE
    heading = rng.choice([0.0, np.pi / 2], n_r) + rng.normal(0, 0.08, n_r)
    steps = rng.uniform(40, 120, (n_r, 4)).cumsum(axis=1)
    line_xy = np.stack([start[:, 0, None] + np.concatenate([np.zeros((n_r, 1)), steps], 1)
                        * np.cos(heading)[:, None],
                        start[:, 1, None] + np.concatenate([np.zeros((n_r, 1)), steps], 1)
                        * np.sin(heading)[:, None]], axis=-1)
    roads = gpd.GeoDataFrame({
        "road_class": rng.choice(["ARTERIAL", "COLLECTOR", "LOCAL"], n_r, p=[0.05, 0.15, 0.8]),
        "name": [f"Jalan {i % 700}" for i in range(n_r)],
        "condition": rng.integers(1, 6, n_r),
    }, geometry=shapely.linestrings(line_xy), crs=crs)
    # Buildings: rotated rectangles near roads.
    host = rng.integers(0, n_r, n_b)
    along = rng.uniform(0, 1, n_b)
    seg = line_xy[host, 0] + (line_xy[host, -1] - line_xy[host, 0]) * along[:, None]
    side = rng.choice([-1, 1], n_b) * rng.uniform(12, 30, n_b)
    bx = seg[:, 0] - np.sin(heading[host]) * side
    by = seg[:, 1] + np.cos(heading[host]) * side
    buildings = gpd.GeoDataFrame({
        "building_use": rng.choice(["RESIDENTIAL", "COMMERCIAL", "GOVERNMENT", "SCHOOL",
                                    "HOSPITAL", "WORSHIP", "INDUSTRIAL"], n_b,
                                   p=[0.8, 0.1, 0.02, 0.03, 0.01, 0.02, 0.02]),
        "name": [f"Bangunan {i}" for i in range(n_b)],
        "condition": rng.integers(1, 6, n_b),
    }, geometry=_rectangles(rng, bx, by, rng.uniform(6, 18, n_b), rng.uniform(6, 14, n_b),
                            heading[host]), crs=crs)
    mains = roads.iloc[:: 2][["condition"]].copy()
    mains["geometry"] = shapely.offset_curve(roads.geometry.to_numpy()[::2], 4.0)
    mains["asset_id"] = [f"WM-{i:06d}" for i in range(len(mains))]

    def points(n: int, **cols) -> gpd.GeoDataFrame:
        h = rng.integers(0, n_r, n)
        xy = line_xy[h, rng.integers(0, 5, n)] + rng.normal(0, 3, (n, 2))
        return gpd.GeoDataFrame(cols, geometry=shapely.points(xy), crs=crs)

    n_p = 500 * scale
    layers = {
        "buildings": buildings, "roads": roads,
        "water_mains": gpd.GeoDataFrame(mains, geometry="geometry", crs=crs),
        "valves": points(n_p, status=rng.choice(["OPEN", "CLOSED", "BROKEN"], n_p,
                                                p=[.9, .08, .02]),
                         asset_id=[f"V-{i}" for i in range(n_p)]),
        "hydrants": points(n_p // 2, condition=rng.integers(1, 6, n_p // 2),
                           asset_id=[f"H-{i}" for i in range(n_p // 2)]),
        "streetlights": points(n_p * 2, status=rng.choice(["WORKING", "FAULTY", "REMOVED"], n_p * 2,
                                                          p=[.85, .1, .05]),
                               asset_id=[f"SL-{i}" for i in range(n_p * 2)]),
    }
    for name, frame in layers.items():
        frame.to_file(path, layer=name, engine="pyogrio")
    return path


def dataset(scale: int, data_dir: Path) -> tuple[Path, str]:
    """(gpkg, origin) for ``scale``: the team's sample data, else our synthetic city."""
    sample = _sample_data(scale, data_dir)
    if sample is not None:
        return sample, "sample-data"
    path = data_dir / f"synthetic_city_x{scale}.gpkg"
    if not path.exists():
        synthetic_city(scale, path)
    return path, "synthetic"


# --------------------------------------------------------------------------- timing


def _median_ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def bench_ours(path: Path, repeat: int, save_png: Path | None) -> dict:
    """Load ``path`` like ``gisdesk render`` and time our renderer."""
    from gisdesk.commands.render import load_project
    from gisdesk.core.viewport import Viewport
    from gisdesk.ui.render import render_image
    from gisdesk.ui.render.cache import clear

    t = time.perf_counter()
    project = load_project(path)
    load_ms = (time.perf_counter() - t) * 1000
    extent = project.full_extent()
    city = Viewport.fit(extent, *SIZE)
    clear()
    t = time.perf_counter()
    first = render_image(project, city)
    first_ms = (time.perf_counter() - t) * 1000
    warm_ms = _median_ms(lambda: render_image(project, city), repeat)
    streets = [city.with_scale(2000)] + [
        Viewport(city.cx + dx, city.cy + dy, city.resolution, *SIZE).with_scale(2000)
        for dx, dy in ((-900, 400), (700, -300))
    ]
    for view in streets:  # first visit builds the spatial index; not what we time
        render_image(project, view)
    street_ms = statistics.median(_median_ms(lambda v=v: render_image(project, v), repeat)
                                  for v in streets)
    if save_png is not None:
        first.save(str(save_png / f"ours_{path.stem}_city.png"))
        render_image(project, streets[0]).save(str(save_png / f"ours_{path.stem}_street.png"))
    counts = {lyr.name: len(lyr.frame) for lyr in project.layers}
    styles = [qgis_style(lyr, project.catalog) for lyr in project.layers if lyr.is_spatial
              and lyr.geometry_kind in ("point", "line", "polygon")]
    return {"styles": styles, "load_ms": load_ms, "first_ms": first_ms, "warm_ms": warm_ms,
            "street_ms": street_ms, "counts": counts, "city": city, "streets": streets}


def bench_qgis(path: Path, ours: dict, repeat: int, save_png: Path | None) -> dict | None:
    """Time QGIS on the same file and views, in a separate system-Python process."""
    if not Path(QGIS_PYTHON).exists():
        return None
    probe = subprocess.run([QGIS_PYTHON, "-c", "import qgis.core"], capture_output=True,
                           check=False)
    if probe.returncode != 0:
        return None
    views = {"city": list(ours["city"].extent)}
    views.update({f"street{i}": list(v.extent) for i, v in enumerate(ours["streets"])})
    args = {"path": str(path), "size": list(SIZE), "views": views, "repeat": repeat,
            "layers": ours["styles"],
            "png": str(save_png / f"qgis_{path.stem}") if save_png else None}
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([QGIS_PYTHON, str(ROOT / "bench" / "qgis_render.py"), json.dumps(args)],
                          capture_output=True, text=True, check=False, env=env, timeout=3600)
    if proc.returncode != 0:
        print(f"  QGIS failed ({proc.returncode}): {proc.stderr.strip()[-400:]}")
        return None
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    out["street_ms"] = statistics.median(v for k, v in out.items()
                                         if k.startswith("street") and not k.endswith("first_ms"))
    return out


def qgis_style(layer, catalog) -> dict:
    """Our symbology of ``layer`` as plain JSON for qgis_render.py, so QGIS draws the same map."""
    from gisdesk.ui.render.styles import default_symbol

    kind = layer.geometry_kind
    spec: dict = {"name": layer.name, "kind": kind}
    layer_def = layer.definition
    if layer_def is None:
        spec["other"] = default_symbol(layer.name, kind).model_dump()
        return spec
    sym = layer_def.symbology
    classes = catalog.symbol_classes(layer_def)
    if sym.type == "categorized" and classes:
        spec["field"] = sym.field
        spec["classes"] = [{"value": c.value, "symbol": c.symbol.model_dump()} for c in classes]
    spec["other"] = (sym.other or sym.symbol).model_dump()
    spec["max_scale"] = layer_def.scale_range.max_scale
    if layer_def.labeling is not None:
        spec["label"] = layer_def.labeling.model_dump()
    return spec


# --------------------------------------------------------------------------- report


def main() -> int:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scales", default="1,10,100")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-qgis", action="store_true")
    parser.add_argument("--data-dir", type=Path,
                        default=Path(tempfile.gettempdir()) / "gisdesk-bench-render")
    parser.add_argument("--save-png", type=Path)
    args = parser.parse_args()
    args.data_dir.mkdir(parents=True, exist_ok=True)
    if args.save_png:
        args.save_png.mkdir(parents=True, exist_ok=True)
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication([])
    rows = []
    for scale in (int(s) for s in args.scales.split(",")):
        path, origin = dataset(scale, args.data_dir)
        ours = bench_ours(path, args.repeat, args.save_png)
        qgis = None if args.no_qgis else bench_qgis(path, ours, args.repeat, args.save_png)
        counts = ", ".join(f"{k} {v:,}" for k, v in ours["counts"].items())
        print(f"scale {scale} ({origin}, {path.name}): {counts}", flush=True)
        rows.append((scale, ours, qgis))
    _print_table(rows)
    return 0


def _ratio(ours: float, qgis: float | None) -> str:
    return f"{ours / qgis:8.2f}x" if qgis else "      n/a"


ROWS = (
    ("load file (ours: read all features; QGIS: open layers)", "load_ms", "open_ms"),
    ("first whole-city render (ours builds its cache)", "first_ms", "city_first_ms"),
    ("load + first render", "load_first_ms", "open_first_ms"),
    ("warm whole-city redraw (median)", "warm_ms", "city_ms"),
    ("street-level 1:2000 redraw (median of 3 places)", "street_ms", "street_ms"),
)


def _print_table(rows: list) -> None:
    print("\nRender times in ms at 1920x1080, both programs in this run on this machine "
          "(ratio = ours / QGIS; below 1 = faster than QGIS)")
    for scale, o, q_or_none in rows:
        q = dict(q_or_none or {})
        o["load_first_ms"] = o["load_ms"] + o["first_ms"]
        if q:
            q["open_first_ms"] = q["open_ms"] + q["city_first_ms"]
        total = sum(o["counts"].values())
        print(f"\nscale {scale}: {total:,} features, whole city at 1:{o['city'].scale:,.0f}")
        print(f"  {'':52} {'ours':>9} {'QGIS':>9} {'ratio':>9}")
        for label, ours_key, qgis_key in ROWS:
            qv = q.get(qgis_key)
            qs = f"{qv:9.1f}" if qv is not None else "      n/a"
            print(f"  {label:52} {o[ours_key]:9.1f} {qs} {_ratio(o[ours_key], qv)}")
    if not any(q for _s, _o, q in rows):
        print("QGIS not measured (install python3-qgis for /usr/bin/python3, or --no-qgis given)")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
