"""Launch time: process start to the first complete map of the sample city.

Runs the real app in a subprocess (offscreen, throw-away config folder) with
``GISDESK_EXIT_AFTER_FIRST_MAP=1``, which prints the seconds from process start until every
file is loaded and the map for them is drawn, then quits. Two baselines are measured in the
same run on the same machine, so a busy machine shows up in them too:

* an empty Qt main window (the floor of any PySide6 app), and
* a bare script reading every layer of the sample with pyogrio (the floor of the data read).

Usage: ``.venv/bin/python bench/bench_launch.py [--runs 5] [FILE]``. Target: under 2 s.
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

EMPTY_WINDOW = """
import os, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1280, 800); w.show()
def done():
    stat = open('/proc/self/stat').read().rsplit(')', 1)[1].split()
    up = float(open('/proc/uptime').read().split()[0])
    print(f"first_map_seconds={up - int(stat[19]) / os.sysconf('SC_CLK_TCK'):.3f}", flush=True)
    app.quit()
QTimer.singleShot(0, done)
app.exec()
"""

READ_ONLY = """
import os, sys
import pyogrio
path = sys.argv[1]
for name in pyogrio.list_layers(path)[:, 0]:
    pyogrio.read_dataframe(path, layer=name, use_arrow=True).to_crs("EPSG:32651") \
        if pyogrio.read_info(path, layer=name)["geometry_type"] else None
stat = open('/proc/self/stat').read().rsplit(')', 1)[1].split()
up = float(open('/proc/uptime').read().split()[0])
print(f"first_map_seconds={up - int(stat[19]) / os.sysconf('SC_CLK_TCK'):.3f}", flush=True)
"""


def _run(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(seconds reported by the process, wall seconds seen from outside)."""
    started = time.perf_counter()
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120, check=False)
    wall = time.perf_counter() - started
    for line in out.stdout.splitlines():
        if line.startswith("first_map_seconds="):
            return float(line.split("=", 1)[1]), wall
    raise RuntimeError(f"{' '.join(cmd)} printed no time:\n{out.stdout}\n{out.stderr[-2000:]}")


def _features(path: Path) -> int:
    import pyogrio

    return sum(
        int(pyogrio.read_info(path, layer=name)["features"])
        for name in pyogrio.list_layers(path)[:, 0]
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", help="data file (default: the sample city)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    root = Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(root))
    from gisdesk import paths

    data = Path(args.file) if args.file else paths.sample_city_path()
    with tempfile.TemporaryDirectory() as config:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "GISDESK_CONFIG_DIR": config,
               "GISDESK_EXIT_AFTER_FIRST_MAP": "1"}
        py = sys.executable
        cases = [
            ("empty Qt window (baseline)", [py, "-c", EMPTY_WINDOW]),
            ("pyogrio read only (baseline)", [py, "-c", READ_ONLY, str(data)]),
            ("GIS Desk first map", [py, "-m", "gisdesk", str(data)]),
        ]
        results = []
        for label, cmd in cases:
            times = [_run(cmd, env) for _ in range(args.runs)]
            results.append((label, [t for t, _ in times], [w for _, w in times]))

    size_mb = data.stat().st_size / 2**20
    print(f"dataset: {data.name}  {_features(data):,} features in "
          f"{len(__import__('pyogrio').list_layers(data))} layers, {size_mb:.1f} MB; "
          f"{args.runs} runs each; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cpus")
    print(f"{'case':<32}{'median s':>10}{'min s':>8}{'max s':>8}{'wall median s':>15}")
    for label, inner, wall in results:
        print(f"{label:<32}{statistics.median(inner):>10.3f}{min(inner):>8.3f}"
              f"{max(inner):>8.3f}{statistics.median(wall):>15.3f}")
    app = statistics.median(results[2][1])
    floor = statistics.median(results[0][1])
    print(f"GIS Desk over empty-window baseline: +{app - floor:.3f} s; target: first map < 2 s "
          f"({'met' if app < 2.0 else 'NOT met'})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
