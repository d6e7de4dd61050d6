"""Try to open EVERY third-party dataset in ../shared/realdata with gisdesk.io.readers.

Each dataset is opened by a worker subprocess with a per-file timeout, so a crash (segfault,
abort) or a hang is recorded instead of stopping the sweep; the worker is restarted after one.
Prints a table (dataset, outcome, layers read/total, features, note) and a summary of
opened / partly opened / failed cleanly (ReadError) / crashed (anything else, incl. timeouts).
The baseline column is what plain ``pyogrio.read_dataframe`` managed when MANIFEST.tsv was made.

Usage: .venv/bin/python bench/check_realdata.py [--timeout 60] [--only SUBSTRING] [--tsv OUT]
"""

from __future__ import annotations

import argparse
import csv
import json
import selectors
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / "shared" / "realdata"
SIDECARS = {
    ".shx", ".prj", ".cpg", ".qpj", ".sbn", ".sbx", ".qix", ".xsd", ".idm", ".ind", ".md",
    ".txt", ".tsv", ".aux", ".xml", ".qml", ".sld", ".id", ".map", ".dat", ".gfs", ".lic",
    ".license", ".csvt", ".mid", "",
}


def dataset_paths(root: Path) -> list[str]:
    """Datasets listed in MANIFEST.tsv, plus any other data file found in the folder."""
    found: dict[str, None] = {}
    manifest = root / "MANIFEST.tsv"
    if manifest.exists():
        with manifest.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                found.setdefault(row["path"], None)
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if any(part.lower().endswith(".gdb") for part in path.relative_to(root).parts[:-1]):
            continue
        if path.is_dir() and not path.name.lower().endswith(".gdb"):
            continue
        if path.suffix.lower() in SIDECARS or path.parent == root:
            continue
        if path.suffix.lower() == ".dbf" and path.with_suffix(".shp").exists():
            continue
        found.setdefault(rel, None)
    return list(found)


def baseline(root: Path) -> dict[str, str]:
    """Per dataset: 'yes' when every manifest row opened with plain pyogrio, else 'no'."""
    out: dict[str, str] = {}
    manifest = root / "MANIFEST.tsv"
    if not manifest.exists():
        return out
    with manifest.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            ok = row["opens_with_pyogrio"] == "yes"
            out[row["path"]] = "yes" if ok and out.get(row["path"], "yes") == "yes" else "no"
    return out


def worker() -> None:
    """Read one path per line on stdin, print one JSON result per line on stdout."""
    import warnings

    warnings.simplefilter("ignore")
    from gisdesk.io.errors import ReadError
    from gisdesk.io.readers import open_path

    for line in sys.stdin:
        path = Path(line.rstrip("\n"))
        try:
            result = open_path(path)
            reply = {
                "outcome": (
                    "opened" if not result.errors
                    else "partial" if result.layers else "failed-cleanly"
                ),
                "layers": len(result.layers),
                "total": len(result.layers) + len(result.errors),
                "features": sum(len(layer.frame) for layer in result.layers),
                "note": "; ".join(
                    [str(e) for e in result.errors][:1]
                    + [p for layer in result.layers for p in layer.problems][:2]
                ),
            }
        except ReadError as exc:
            reply = {"outcome": "failed-cleanly", "note": str(exc)}
        except Exception as exc:  # the sweep records it as a crash
            reply = {"outcome": "crashed", "note": f"{type(exc).__name__}: {exc}"}
        print(json.dumps(reply), flush=True)


class Pool:
    """One worker subprocess, restarted after a crash or a timeout."""

    def __init__(self, timeout: float) -> None:
        self.timeout = timeout
        self.proc: subprocess.Popen[str] | None = None

    def _start(self) -> subprocess.Popen[str]:
        return subprocess.Popen(
            [sys.executable, __file__, "--worker"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL, text=True, cwd=Path(__file__).resolve().parents[1],
        )

    def ask(self, path: Path) -> dict[str, object]:
        if self.proc is None or self.proc.poll() is not None:
            self.proc = self._start()
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(f"{path}\n")
        self.proc.stdin.flush()
        selector = selectors.DefaultSelector()
        selector.register(self.proc.stdout, selectors.EVENT_READ)
        # the first call also pays for importing geopandas in the worker
        if not selector.select(self.timeout):
            self.proc.kill()
            self.proc.wait()
            self.proc = None
            return {"outcome": "crashed", "note": f"timeout after {self.timeout:.0f} s"}
        line = self.proc.stdout.readline()
        if not line:
            code = self.proc.wait()
            self.proc = None
            return {"outcome": "crashed", "note": f"worker died (exit code {code})"}
        return json.loads(line)

    def close(self) -> None:
        if self.proc is not None:
            self.proc.stdin.close()  # type: ignore[union-attr]
            self.proc.wait(timeout=10)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--only", help="only datasets whose path contains this text")
    parser.add_argument("--tsv", type=Path, help="also write the table as TSV here")
    args = parser.parse_args()
    if args.worker:
        worker()
        return 0
    if not ROOT.is_dir():
        print(f"no real data folder at {ROOT}")
        return 1
    paths = [p for p in dataset_paths(ROOT) if not args.only or args.only in p]
    before = baseline(ROOT)
    snapshot = _snapshot(ROOT)
    pool = Pool(args.timeout)
    rows = []
    started = time.perf_counter()
    for rel in paths:
        t0 = time.perf_counter()
        reply = pool.ask(ROOT / rel)
        reply.update(path=rel, seconds=time.perf_counter() - t0, baseline=before.get(rel, "-"))
        rows.append(reply)
    pool.close()
    print_table(rows, time.perf_counter() - started)
    changed = sorted(set(_snapshot(ROOT).items()) ^ set(snapshot.items()))
    print(f"files created or changed in the data folder: {len({p for p, _ in changed})}")
    if args.tsv:
        write_tsv(args.tsv, rows)
    return 1 if changed or any(r["outcome"] == "crashed" for r in rows) else 0


def _snapshot(root: Path) -> dict[str, int]:
    """Modification time of every file, to prove the sweep wrote nothing into the data."""
    return {str(p): p.stat().st_mtime_ns for p in root.rglob("*") if p.is_file()}


def print_table(rows: list[dict[str, object]], seconds: float) -> None:
    width = max(len(str(r["path"])) for r in rows)
    print(f"{'dataset':<{width}}  {'outcome':<14} {'layers':>7} {'features':>8} {'s':>5} "
          f"{'pyogrio':>7}  note")
    for r in rows:
        layers = f"{r.get('layers', 0)}/{r.get('total', 0)}" if "layers" in r else "-"
        note = " ".join(str(r.get("note", "")).replace(str(ROOT) + "/", "").split())[:110]
        print(f"{r['path']:<{width}}  {r['outcome']:<14} {layers:>7} {r.get('features', '-'):>8} "
              f"{r['seconds']:5.1f} {r['baseline']:>7}  {note}")
    counts = Counter(str(r["outcome"]) for r in rows)
    base = Counter(str(r["baseline"]) for r in rows)
    print()
    print(f"{len(rows)} datasets in {seconds:.0f} s: " + ", ".join(
        f"{k} {counts.get(k, 0)}" for k in ("opened", "partial", "failed-cleanly", "crashed")))
    print(f"baseline (plain pyogrio.read_dataframe, MANIFEST.tsv): every layer read "
          f"{base.get('yes', 0)}, not {base.get('no', 0)}, not in manifest {base.get('-', 0)}")


def write_tsv(out: Path, rows: list[dict[str, object]]) -> None:
    keys = ["path", "outcome", "layers", "total", "features", "seconds", "baseline", "note"]
    with out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, keys, delimiter="\t", extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


if __name__ == "__main__":
    raise SystemExit(main())
