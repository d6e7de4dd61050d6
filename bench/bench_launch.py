"""Launch time: process start to the first painted map of the sample city.

Runs the real app in a subprocess (offscreen, throw-away config folder) with
``GISDESK_EXIT_AFTER_FIRST_MAP=1``: it prints the seconds from process start until every
file is loaded and its map is painted (``first_map_seconds``), then until the menus that are
installed after the first map are in too (``ready_seconds``), then quits. Two baselines are
measured in the same run on the same machine, so a busy machine shows up in them too:

* an empty Qt main window (the floor of any PySide6 app), and
* a bare script reading every layer of the sample with pyogrio (the floor of the data read).

Their sum is the "floor" the ratio column divides by. Runs are interleaved (one of each case
per round), so load from other processes spreads over every case instead of hitting one.
``--compare DIR`` adds the app from another source tree (e.g. ``git archive`` of an older
commit) as one more case: a before/after measured under the same load. ``--bytecode`` caches
compiled modules in a temporary folder (one untimed warm-up launch per case), as an installed
app has them; without it the environment decides (``PYTHONDONTWRITEBYTECODE=1`` makes every
launch compile GIS Desk's own modules again).

Each case's peak resident memory is read with ``wait4`` (the child's own ``ru_maxrss``); the
read-only baseline keeps every layer it read, so its peak is the data's floor. Several files
(e.g. the scale 1, 10 and 100 cities) give one table each.

Every launch gets a fresh config folder, so none sees what an earlier run remembered. By
default the app starts with no remembered view (a first start: the whole file is shown).
``--scale N`` measures the usual reopening instead: the last view, as the window remembers it on
close (``Settings.set_last_extent``), is a street view at 1:N centred on ``--centre`` (default:
the sample city's centre) filling the canvas the window has at launch; ``--view`` gives that
extent directly. The set-up is written by the app's own settings code in a throw-away window,
then copied into each run's config folder. With a view, one more baseline reads each spatial
layer with pyogrio's ``bbox=`` of that view (the floor of a first map of that view), and the
floor divides by it instead of the whole read.

Usage: ``.venv/bin/python bench/bench_launch.py [--runs 5] [--compare DIR] [--bytecode]
[--scale 5000 [--centre X,Y] | --view MINX,MINY,MAXX,MAXY] [FILE ...]``. Targets: first map
under 2 s (sample city), under 1 s (scale 100); peak memory under 1.4 GB (scale 100).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

_SECONDS = """
def _seconds():
    stat = open('/proc/self/stat').read().rsplit(')', 1)[1].split()
    up = float(open('/proc/uptime').read().split()[0])
    return up - int(stat[19]) / os.sysconf('SC_CLK_TCK')
"""

EMPTY_WINDOW = "import os" + _SECONDS + """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1280, 800); w.show()
def done():
    print(f"first_map_seconds={_seconds():.3f}", flush=True)
    app.quit()
QTimer.singleShot(0, done)
app.exec()
"""

READ_ONLY = "import os, sys" + _SECONDS + """
import pyogrio
path = sys.argv[1]
frames = []  # kept, as an app holds them: their peak memory is the data's floor
for name in pyogrio.list_layers(path)[:, 0]:
    df = pyogrio.read_dataframe(path, layer=name, use_arrow=True)
    spatial = pyogrio.read_info(path, layer=name)["geometry_type"]
    frames.append(df.to_crs("EPSG:32651") if spatial else df)
print(f"first_map_seconds={_seconds():.3f}", flush=True)
"""

READ_BBOX = "import os, sys" + _SECONDS + """
import pyogrio
path, bbox = sys.argv[1], tuple(float(v) for v in sys.argv[2].split(","))
frames = []
for name, geometry_type in pyogrio.list_layers(path):
    if geometry_type is None:
        continue  # a table has no area to read: the first map does not need it
    df = pyogrio.read_dataframe(path, layer=name, bbox=bbox, use_arrow=True)
    frames.append(df.to_crs("EPSG:32651"))
print(f"first_map_seconds={_seconds():.3f}", flush=True)
print(f"features={sum(len(f) for f in frames)}", flush=True)
"""

SAVE_VIEW = """
import sys
from gisdesk.core.definitions import default_catalog
from gisdesk.core.project import Project
from gisdesk.core.viewport import Viewport
from gisdesk.ui.app import create_application
from gisdesk.ui.main_window import MainWindow
app = create_application()
window = MainWindow(Project(catalog=default_catalog()), defer_features=True)
window.layout().activate()  # the canvas size at launch, before the feature docks come
canvas = window.canvas
args = [float(v) for v in sys.argv[1].split(",")]
if len(args) == 4:
    extent = tuple(args)
else:
    cx, cy, scale = args
    extent = Viewport(cx, cy, 1.0, canvas.width(), canvas.height()).with_scale(scale).extent
window.settings.set_last_extent(extent)  # what closeEvent stores: the canvas's extent
window.settings.sync()
print("extent=" + ",".join(f"{v:.3f}" for v in extent))
shown = Viewport.fit(extent, canvas.width(), canvas.height(), margin=0.0)  # as restored
print(f"scale={shown.scale:.0f} canvas={canvas.width()}x{canvas.height()}")
"""

Case = tuple[str, list[str], str | None]  # label, command, working directory


def _run(cmd: list[str], env: dict[str, str], cwd: str | None,
         ini: str | None = None) -> dict[str, float]:
    """The ``name=seconds`` lines the process printed, plus ``wall`` seen from outside and
    ``peak_mb``, the process's peak resident memory (its own, from ``wait4``). The process
    gets a fresh config folder holding only ``ini`` (the remembered settings) when given."""
    with tempfile.TemporaryDirectory() as config:
        if ini is not None:
            Path(config, "gisdesk.ini").write_text(ini)
        return _run_in(cmd, {**env, "GISDESK_CONFIG_DIR": config}, cwd)


def _run_in(cmd: list[str], env: dict[str, str], cwd: str | None) -> dict[str, float]:
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as so, tempfile.TemporaryFile("w+") as se:
        proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=so, stderr=se, text=True)
        _pid, _status, usage = os.wait4(proc.pid, 0)  # reaps it: its own rusage
        proc.returncode = 0
        so.seek(0)
        se.seek(0)
        out = subprocess.CompletedProcess(cmd, 0, so.read(), se.read())
    values = {"wall": time.perf_counter() - started, "peak_mb": usage.ru_maxrss / 1024}
    for line in out.stdout.splitlines():
        name, _, value = line.partition("=")
        if name.endswith("_seconds"):
            values[name.removesuffix("_seconds")] = float(value)
        elif name == "features":  # how many features the bbox baseline read
            values[name] = float(value)
    if "first_map" not in values:
        raise RuntimeError(f"{' '.join(cmd)} printed no time:\n{out.stdout}\n{out.stderr[-2000:]}")
    return values


def _features(path: Path) -> int:
    import pyogrio

    return sum(
        int(pyogrio.read_info(path, layer=name)["features"])
        for name in pyogrio.list_layers(path)[:, 0]
    )


def _cell(value: float | None) -> str:
    return "" if value is None else f"{value:.3f}"


def _median(runs: list[dict[str, float]], key: str) -> float | None:
    values = [r[key] for r in runs if key in r]
    return statistics.median(values) if values else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*",
                        help="data files, one table each (default: the sample city)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--compare", metavar="DIR",
                        help="another source tree of gisdesk to launch the same way")
    parser.add_argument("--bytecode", action="store_true",
                        help="cache compiled modules (in a temporary folder) like an install")
    place = parser.add_mutually_exclusive_group()
    place.add_argument("--scale", type=float, metavar="N",
                       help="reopen at a remembered view at 1:N (e.g. 5000, a street view)")
    place.add_argument("--view", metavar="MINX,MINY,MAXX,MAXY",
                       help="reopen at this remembered extent (project CRS)")
    parser.add_argument("--centre", metavar="X,Y",
                        help="centre of the --scale view (default: the sample city's centre)")
    args = parser.parse_args()
    root = Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(root))
    from gisdesk import paths

    files = [Path(f).resolve() for f in args.files] or [paths.sample_city_path()]
    for data in files:
        _bench_file(data, args, root)
        print()
    return 0


def _saved_view(args: argparse.Namespace, env: dict[str, str], root: Path) -> tuple[str, str]:
    """Remember the requested view the way the window does, in a throw-away config folder:
    the settings file's text and what the set-up printed (extent, scale, canvas size)."""
    if args.view:
        spec = args.view
    else:
        if args.centre:
            cx, cy = (float(v) for v in args.centre.split(","))
        else:
            from gisdesk.sampledata.plan import CENTRE_XY

            cx, cy = CENTRE_XY
        spec = f"{cx},{cy},{args.scale}"
    with tempfile.TemporaryDirectory() as config:
        out = subprocess.run([sys.executable, "-c", SAVE_VIEW, spec],
                             env={**env, "GISDESK_CONFIG_DIR": config}, cwd=root,
                             capture_output=True, text=True, check=True)
        return Path(config, "gisdesk.ini").read_text(), out.stdout.strip()


def _bench_file(data: Path, args: argparse.Namespace, root: Path) -> None:
    """Launch every case on ``data`` ``args.runs`` times (interleaved) and print the table."""
    py = sys.executable
    app_cmd = [py, "-m", "gisdesk", "--lang", "en", str(data)]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "GISDESK_EXIT_AFTER_FIRST_MAP": "1", "GISDESK_NO_WELCOME": "1"}
    env.pop("PYTHONPATH", None)  # ``-m gisdesk`` in each tree's folder picks that tree
    ini, view_note = None, "none remembered (first start: whole file)"
    cases: list[Case] = [
        ("empty Qt window (baseline)", [py, "-c", EMPTY_WINDOW], None),
        ("pyogrio read only (baseline)", [py, "-c", READ_ONLY, str(data)], None),
    ]
    if args.scale or args.view:
        ini, view_note = _saved_view(args, env, root)
        extent = view_note.splitlines()[0].removeprefix("extent=")
        cases.append(("pyogrio bbox read (baseline)", [py, "-c", READ_BBOX, str(data), extent],
                      None))
    if args.compare:
        cases.append((f"GIS Desk from {Path(args.compare).name}", app_cmd, args.compare))
    cases.append(("GIS Desk (this tree)", app_cmd, str(root)))
    floor_cases = [0, 2] if ini is not None else [0, 1]
    load_before = os.getloadavg()[0]
    results: list[list[dict[str, float]]] = [[] for _ in cases]
    with tempfile.TemporaryDirectory() as pycache:
        if args.bytecode:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = pycache  # nothing is written into the source trees
            for _label, cmd, cwd in cases:
                _run(cmd, env, cwd, ini)  # warm-up: compiles into the cache, not timed
        for _ in range(args.runs):
            for (_label, cmd, cwd), runs in zip(cases, results, strict=True):
                runs.append(_run(cmd, env, cwd, ini))

    size_mb = data.stat().st_size / 2**20
    print(f"dataset: {data.name}  {_features(data):,} features in "
          f"{len(__import__('pyogrio').list_layers(data))} layers, {size_mb:.1f} MB; "
          f"{args.runs} runs each (interleaved); load average {load_before:.1f} before, "
          f"{os.getloadavg()[0]:.1f} after, on {os.cpu_count()} cpus; bytecode "
          f"{'cached' if args.bytecode else 'as the environment says'}")
    bbox_features = _median(results[2], "features") if ini is not None else None
    print(f"remembered view: {' '.join(view_note.splitlines())}"
          + ("" if bbox_features is None else f"; {bbox_features:,.0f} features in it"))
    floor = sum(statistics.median(r["first_map"] for r in results[i]) for i in floor_cases)
    print(f"{'case':<34}{'median s':>9}{'min s':>7}{'max s':>7}{'x floor':>8}"
          f"{'loaded s':>9}{'x read':>7}{'ready s':>8}{'wall s':>8}{'peak MB':>9}{'x read':>7}")
    read_s = statistics.median(r["first_map"] for r in results[1])
    read_peak = max(r["peak_mb"] for r in results[1])
    for (label, _cmd, _cwd), runs in zip(cases, results, strict=True):
        first = [r["first_map"] for r in runs]
        loaded, ready = _median(runs, "loaded"), _median(runs, "ready")
        print(f"{label:<34}{statistics.median(first):>9.3f}{min(first):>7.3f}"
              f"{max(first):>7.3f}{statistics.median(first) / floor:>8.2f}"
              f"{_cell(loaded):>9}{'' if loaded is None else f'{loaded / read_s:.2f}':>7}"
              f"{_cell(ready):>8}"
              f"{_median(runs, 'wall'):>8.3f}{max(r['peak_mb'] for r in runs):>9.0f}"
              f"{max(r['peak_mb'] for r in runs) / read_peak:>7.2f}")
    app = statistics.median(r["first_map"] for r in results[-1])
    peak = max(r["peak_mb"] for r in results[-1])
    floor_text = "bbox read" if ini is not None else "read only"
    print(f"floor = empty window + {floor_text} = {floor:.3f} s. 'median s': first map painted "
          f"(a big file: its first pass); 'loaded s': every layer read in full and painted "
          f"('x read': ratio to the whole read-only baseline); 'ready s': every menu "
          f"installed; 'peak MB': peak resident memory (wait4), 'x read' its ratio to the "
          f"read-only baseline's. Targets: first map < 2 s (sample), < 1 s (scale 100); peak "
          f"< 1400 MB (scale 100). Here: first map {app:.3f} s, peak {peak:.0f} MB")
    if args.compare:
        before = statistics.median(r["first_map"] for r in results[-2])
        print(f"this tree / {Path(args.compare).name}: {app / before:.2f}x "
              f"({before:.3f} s -> {app:.3f} s)")


if __name__ == "__main__":
    raise SystemExit(main())
