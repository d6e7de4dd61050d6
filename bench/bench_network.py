"""Benchmark: network graph build, valve isolation and quality report at 100 000+ segments.

Run: ``.venv/bin/python bench/bench_network.py [--data-dir DIR] [--scales 10 100]``

Datasets: a synthetic 224 x 224 street grid of water mains (99 904 segments, valves on 60 % of
junctions) and the sample city's mains and valves at the given scales (cached GeoPackages from
``bench_query.py``). Baseline, measured in the same run: a straightforward pure-Python build
(dict of rounded end points, adjacency lists) and isolation (``collections.deque`` BFS), which
must give the same valves and dry mains.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections import defaultdict, deque
from pathlib import Path

import geopandas as gpd
import numpy as np
import pyogrio
import shapely

from gisdesk.network.graph import build_network
from gisdesk.network.isolation import isolate, source_nodes
from gisdesk.network.quality import quality_report

X0, Y0 = 506_000.0, 50_000.0


def grid(k: int = 224, spacing: float = 80.0, seed: int = 1) -> tuple[gpd.GeoDataFrame, ...]:
    """A k x k grid of mains (horizontal and vertical segments) and valves at some junctions."""
    rng = np.random.default_rng(seed)
    xs, ys = np.meshgrid(np.arange(k) * spacing + X0, np.arange(k) * spacing + Y0)
    h = np.stack([np.c_[xs[:, :-1].ravel(), ys[:, :-1].ravel()],
                  np.c_[xs[:, 1:].ravel(), ys[:, 1:].ravel()]], axis=1)
    v = np.stack([np.c_[xs[:-1, :].ravel(), ys[:-1, :].ravel()],
                  np.c_[xs[1:, :].ravel(), ys[1:, :].ravel()]], axis=1)
    segs = np.concatenate([h, v])
    diameter = np.full(len(segs), 100)
    diameter[0] = 400  # the source main, at the grid corner
    mains = gpd.GeoDataFrame({"diameter_mm": diameter}, geometry=shapely.linestrings(segs),
                             crs="EPSG:32651")
    nodes = np.c_[xs.ravel(), ys.ravel()]
    pick = rng.random(len(nodes)) < 0.6
    valves = gpd.GeoDataFrame(geometry=shapely.points(nodes[pick]), crs="EPSG:32651")
    return mains, valves


def naive_build(mains: gpd.GeoDataFrame, valves: gpd.GeoDataFrame, digits: int = 2):
    """Pure Python: node per rounded end point, adjacency lists, valve nodes by rounding."""
    node_of: dict[tuple[float, float], int] = {}
    ends = []
    for line in mains.geometry.values:
        coords = line.coords
        pair = []
        for x, y in (coords[0], coords[-1]):
            key = (round(x, digits), round(y, digits))
            pair.append(node_of.setdefault(key, len(node_of)))
        ends.append(tuple(pair))
    adjacency: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for edge, (u, v) in enumerate(ends):
        adjacency[u].append((v, edge))
        adjacency[v].append((u, edge))
    valve_nodes = {node_of.get((round(p.x, digits), round(p.y, digits)))
                   for p in valves.geometry.values} - {None}
    return ends, adjacency, valve_nodes


def naive_isolate(graph, broken: int, sources: list[int]) -> tuple[set[int], set[int]]:
    """Pure-Python BFS: valve nodes met and the edges that go dry."""
    ends, adjacency, valve_nodes = graph
    zone_edges, seen = {broken}, set(ends[broken])
    queue = deque(n for n in ends[broken] if n not in valve_nodes)
    while queue:
        node = queue.popleft()
        for other, edge in adjacency[node]:
            zone_edges.add(edge)
            if other not in seen:
                seen.add(other)
                if other not in valve_nodes:
                    queue.append(other)

    def supplied(blocked: set[int]) -> set[int]:
        used, visited = set(), set(sources)
        todo = deque(sources)
        while todo:
            node = todo.popleft()
            for other, edge in adjacency[node]:
                if edge in blocked:
                    continue
                used.add(edge)
                if other not in visited:
                    visited.add(other)
                    todo.append(other)
        return used

    dry = (supplied(set()) - supplied(zone_edges)) | zone_edges
    return seen & valve_nodes, dry


def bench(name: str, mains: gpd.GeoDataFrame, valves: gpd.GeoDataFrame, breaks: int) -> dict:
    start = time.perf_counter()
    net = build_network(mains, 0.01, valves, 0.01)
    _ = net.undirected, net.edge_tree  # adjacency and spatial index are part of the build
    build_ms = (time.perf_counter() - start) * 1000
    diam = mains["diameter_mm"].to_numpy(dtype=float) if "diameter_mm" in mains else None
    sources = source_nodes(net, None, diam)
    start = time.perf_counter()
    graph = naive_build(mains, valves)
    naive_build_ms = (time.perf_counter() - start) * 1000
    rng = np.random.default_rng(7)
    picks = rng.choice(len(mains), size=breaks, replace=False)
    ours_ms, naive_ms, agree = [], [], 0
    naive_source = _naive_node(graph, mains, net, sources[0])
    for pick in picks:
        point = mains.geometry.values[pick].interpolate(0.5, normalized=True)
        start = time.perf_counter()
        result = isolate(net, point.x, point.y, sources)
        ours_ms.append((time.perf_counter() - start) * 1000)
        broken = int(np.flatnonzero(mains.index == result.broken_main)[0])
        start = time.perf_counter()
        closed_nodes, dry = naive_isolate(graph, broken, [naive_source])
        naive_ms.append((time.perf_counter() - start) * 1000)
        valve_nodes_ours = {tuple(np.round(net.node_xy[net.valve_node[v]], 2))
                            for v in np.flatnonzero(np.isin(valves.index, result.valves_to_close))}
        agree += (sorted(mains.index[sorted(dry)]) == sorted(result.dry_mains)
                  and len(valve_nodes_ours) == len(closed_nodes))
    start = time.perf_counter()
    report = quality_report(net, 1.0)
    quality_ms = (time.perf_counter() - start) * 1000
    return {
        "dataset": name, "segments": len(mains), "valves": len(valves), "nodes": net.node_count,
        "build ms": round(build_ms), "naive build ms": round(naive_build_ms),
        "first isolate ms": round(ours_ms[0], 1),
        "isolate ms (median)": round(statistics.median(ours_ms), 1),
        "naive isolate ms": round(statistics.median(naive_ms), 1),
        "speed-up": round(statistics.median(naive_ms) / statistics.median(ours_ms), 1),
        "same answer": f"{agree}/{breaks}", "quality ms": round(quality_ms),
        "pieces": report.component_count,
    }


def _naive_node(graph, mains, net, node: int) -> int:
    """The naive graph's id for one of our nodes (the source), via its edge ends."""
    ends = graph[0]
    edge = int(np.flatnonzero((net.edge_u == node) | (net.edge_v == node))[0])
    feature = int(net.edge_feature[edge])
    first = mains.geometry.values[feature].coords[0]
    u, v = ends[feature]
    return u if np.allclose(first, net.node_xy[node]) else v


def print_table(rows: list[dict]) -> None:
    columns = list(rows[0])
    widths = [max(len(c), *(len(str(r[c])) for r in rows)) for c in columns]
    print("  ".join(c.rjust(w) for c, w in zip(columns, widths, strict=True)))
    for row in rows:
        print("  ".join(str(row[c]).rjust(w) for c, w in zip(columns, widths, strict=True)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=Path("/tmp/gisdesk-bench"))
    parser.add_argument("--scales", type=float, nargs="*", default=[10, 100])
    parser.add_argument("--breaks", type=int, default=20)
    args = parser.parse_args()
    rows = [bench("grid 224x224", *grid(), args.breaks)]
    for scale in args.scales:
        path = args.data_dir / f"city_scale{scale:g}.gpkg"
        if not path.exists():
            print(f"(skipping scale {scale:g}: run bench_query.py first to generate {path})")
            continue
        mains = pyogrio.read_dataframe(path, layer="water_mains", use_arrow=True)
        valves = pyogrio.read_dataframe(path, layer="valves", use_arrow=True)
        rows.append(bench(f"city scale {scale:g}", mains, valves, args.breaks))
    print("Network: build (ends snapped at 1 cm, CSR + spatial index) and valve isolation "
          "(targets: build <2 s at 100k segments, isolation <200 ms)")
    print_table(rows)
    load = os.getloadavg()
    print(f"\nload average {load[0]:.1f} on {os.cpu_count()} CPUs; wall-clock times")


if __name__ == "__main__":
    main()
