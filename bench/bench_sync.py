"""Sync speed on both hubs: checkout, a sync with nothing to do, 10 000 changes up and down.

Targets (issue "Offline editing and sync"): 10 000 changed features sync in under 5 s each way on
both hubs; a sync with nothing to do under 0.5 s at scale 10; a checkout of the scale-10 city
under 20 s. Baseline measured in the same run: a plain byte copy of the same GeoPackage (the
least any checkout must do) and pygeodiff's changeset alone (the least any change detection does).

Two workloads of 10 000 buildings each: "push"/"pull" edit one attribute (the common case: a
field campaign filling in notes); "mix push"/"mix pull" then send 6 000 attribute edits, 2 000
moved footprints (spatial indexes on both sides), 1 000 new and 1 000 deleted buildings.

Usage: .venv/bin/python bench/bench_sync.py [--scales 1,10] [--hubs folder,postgis]
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import tempfile
import time
import uuid
from pathlib import Path

import pygeodiff
import shapely

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))  # the PostgreSQL fixture also serves the benchmark

from gisdesk.io.gpkg_store_blob import from_blob, register_functions, to_blob  # noqa: E402
from gisdesk.sampledata import generate_city  # noqa: E402
from gisdesk.sync.folder_hub import FolderHub  # noqa: E402
from gisdesk.sync.working_copy import WorkingCopy  # noqa: E402

N_CHANGES = 10_000


def city(scale: float, out: Path) -> Path:
    path = out / f"city_scale{scale:g}.gpkg"
    if not path.exists():
        generate_city(path, scale=scale)
    return path


def keys_of(path: Path) -> dict[str, str]:
    with sqlite3.connect(path) as conn:
        tables = [r[0] for r in conn.execute("SELECT table_name FROM gpkg_contents")]
    return {t: "uuid" for t in tables}


def change_buildings(path: Path, n: int, tag: str) -> int:
    with sqlite3.connect(path) as conn:
        register_functions(conn)
        cur = conn.execute(
            "UPDATE buildings SET notes = ? WHERE fid IN (SELECT fid FROM buildings "
            "ORDER BY fid LIMIT ?)", (tag, n))
        count = cur.rowcount
    conn.close()
    return count


def change_mixed(path: Path, n: int) -> int:
    """60 % attribute edits, 20 % moved footprints, 10 % new and 10 % deleted buildings."""
    n_attr, n_move, n_new = n * 6 // 10, n * 2 // 10, n // 10
    n_del = n - n_attr - n_move - n_new
    with sqlite3.connect(path) as conn:
        register_functions(conn)
        fids = [r[0] for r in conn.execute(
            "SELECT fid FROM buildings ORDER BY fid DESC LIMIT ?", (n_attr + n_move + n_del,))]
        attr, move, gone = fids[:n_attr], fids[n_attr:n_attr + n_move], fids[n_attr + n_move:]
        conn.executemany("UPDATE buildings SET condition = 1, notes = 'mixed' WHERE fid = ?",
                         [(f,) for f in attr])
        srs = conn.execute("SELECT srs_id FROM gpkg_geometry_columns "
                           "WHERE table_name = 'buildings'").fetchone()[0]
        marks = ",".join("?" * len(move))
        rows = conn.execute(f"SELECT fid, geom FROM buildings WHERE fid IN ({marks})",  # noqa: S608
                            move).fetchall()
        moved = shapely.transform([from_blob(g) for _f, g in rows], lambda xy: xy + 1.5)
        conn.executemany("UPDATE buildings SET geom = ? WHERE fid = ?",
                         [(to_blob(g, srs), f) for g, (f, _b) in zip(moved, rows, strict=True)])
        template = conn.execute("SELECT geom, owner_opd, building_use FROM buildings "
                                "ORDER BY fid LIMIT 1").fetchone()
        conn.executemany(
            "INSERT INTO buildings (uuid, asset_id, geom, owner_opd, building_use, floors) "
            "VALUES (?, ?, ?, ?, ?, 2)",
            [(str(uuid.uuid4()), f"BGN-NEW-{i}", *template) for i in range(n_new)])
        conn.executemany("DELETE FROM buildings WHERE fid = ?", [(f,) for f in gone])
    conn.close()
    return n


def timed(fn, *args):
    start = time.perf_counter()
    value = fn(*args)
    return time.perf_counter() - start, value


def make_hub(kind: str, src: Path, tmp: Path, server):
    keys = keys_of(src)
    if kind == "folder":
        return FolderHub.init(tmp / "hub", src, keys, "bench")
    from gisdesk.sync.postgis_hub import PostgisHub

    db = server.create_database(f"bench_{tmp.name[-8:].lower()}")
    return PostgisHub.init(server.dsn(dbname=db), src, keys, dict.fromkeys(keys), "bench")


def bench_one(kind: str, scale: float, out: Path, server) -> dict[str, float]:
    src = city(scale, out)
    with tempfile.TemporaryDirectory(prefix="bench-sync-") as tmp_name:
        tmp = Path(tmp_name)
        row: dict[str, float] = {}
        row["copy_s"], _ = timed(shutil.copy, src, tmp / "plain_copy.gpkg")
        row["hub_init_s"], hub = timed(make_hub, kind, src, tmp, server)
        row["checkout_s"], a = timed(WorkingCopy.checkout, hub, tmp / "a")
        b = WorkingCopy.checkout(hub, tmp / "b")
        row["noop_sync_s"], _ = timed(a.sync, "bench")
        n = change_buildings(a.data, N_CHANGES, "bench edit")
        geodiff = pygeodiff.GeoDiff()
        row["geodiff_only_s"], _ = timed(
            geodiff.create_changeset, str(a.meta / "base.gpkg"), str(a.data),
            str(tmp / "cs.bin"))
        row["push_s"], report = timed(a.sync, "bench")
        assert len(report.pushed) == n, (len(report.pushed), n)
        row["pull_s"], report = timed(b.sync, "bench")
        assert len(report.pulled) == n
        row["n"] = n
        n = change_mixed(a.data, N_CHANGES)
        row["mix_push_s"], report = timed(a.sync, "bench")
        assert len(report.pushed) == n, (len(report.pushed), n)
        row["mix_pull_s"], report = timed(b.sync, "bench")
        assert len(report.pulled) == n
        return row


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="1,10")
    parser.add_argument("--hubs", default="folder,postgis")
    args = parser.parse_args()
    out = REPO / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    server = None
    hubs = args.hubs.split(",")
    if "postgis" in hubs:
        from postgres_server import PostgresServer

        server = PostgresServer.start()
    try:
        print(f"{'hub':<8} {'scale':>5} {'buildings':>9} {'copy':>6} {'checkout':>8} "
              f"{'x copy':>6} {'no-op':>6} {'changes':>7} {'diff':>6} {'push':>6} {'pull':>6} "
              f"{'mix push':>8} {'mix pull':>8}")
        for scale in [float(s) for s in args.scales.split(",")]:
            for kind in hubs:
                r = bench_one(kind, scale, out, server)
                with sqlite3.connect(city(scale, out)) as conn:
                    buildings = conn.execute("SELECT count(*) FROM buildings").fetchone()[0]
                print(f"{kind:<8} {scale:>5g} {buildings:>9} {r['copy_s']:>6.2f} "
                      f"{r['checkout_s']:>8.2f} {r['checkout_s'] / r['copy_s']:>6.1f} "
                      f"{r['noop_sync_s']:>6.3f} {int(r['n']):>7} {r['geodiff_only_s']:>6.2f} "
                      f"{r['push_s']:>6.2f} {r['pull_s']:>6.2f} {r['mix_push_s']:>8.2f} "
                      f"{r['mix_pull_s']:>8.2f}", flush=True)
    finally:
        if server is not None:
            server.stop()
    print("seconds; targets: push/pull of 10 000 < 5 s, no-op < 0.5 s at scale 10, "
          "checkout < 20 s at scale 10")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
