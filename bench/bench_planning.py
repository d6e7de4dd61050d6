"""Risk scores and a budgeted programme on the sample city, against a plain pandas sort.

Run: ``.venv/bin/python bench/bench_planning.py [--scales 1 10] [--data-dir DIR]``

For each scale of the sample city (``gisdesk.sampledata.generate_city``, cached in ``--data-dir``,
shared with bench_query.py) this times, on the water mains:

* baseline: ``mains.sort_values("condition")`` — what a planner does in a spreadsheet today;
* risk: :func:`gisdesk.planning.risk.score_risk` — likelihood (condition, age, defects from the
  inspections) × consequence (customers cut off per main from the valve isolation zones, hospitals
  and schools within 100 m), network build included;
* customers: only the customers-cut-off step (graph, zones and one search);
* programme: :func:`gisdesk.planning.programme.plan_programme`, 5 years at 5 bn rupiah a year;
* roads: ``score_risk`` + programme on the roads.

Data reading is not timed. Times are the best of ``--repeat`` runs, in milliseconds.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pyogrio

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gisdesk.planning.programme import plan_programme  # noqa: E402
from gisdesk.planning.risk import RiskInputs, mains_customers, score_risk  # noqa: E402
from gisdesk.planning.weights import RiskWeights  # noqa: E402


def best_ms(func: Callable[[], object], repeat: int) -> tuple[float, object]:
    """Best wall time in ms and the last result."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func()
        times.append((time.perf_counter() - start) * 1000)
    return min(times), result


def city(scale: float, data_dir: Path) -> Path:
    """The sample city at ``scale``, generated once and cached."""
    from gisdesk.sampledata import generate_city

    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / f"city_scale{scale:g}.gpkg"
    if not path.exists():
        print(f"generating scale {scale:g} city in {path} (once) ...", flush=True)
        generate_city(path, scale=scale)
    return path


def bench_scale(scale: float, data_dir: Path, repeat: int) -> dict:
    path = city(scale, data_dir)
    read = {n: pyogrio.read_dataframe(path, layer=n, use_arrow=True)
            for n in ("water_mains", "valves", "buildings", "inspections", "roads")}
    weights = RiskWeights(as_of_year=2026)
    mains = RiskInputs(read["water_mains"], "water_mains", read["buildings"],
                       read["inspections"], read["valves"])
    roads = RiskInputs(read["roads"], "roads", read["buildings"], read["inspections"])
    base, _ = best_ms(lambda: read["water_mains"].sort_values("condition"), repeat)
    risk, scored = best_ms(lambda: score_risk(mains, weights), repeat)
    cust, _ = best_ms(lambda: mains_customers(mains), repeat)
    prog, programme = best_ms(lambda: plan_programme(scored, 5e9, 5, 2027), repeat)
    road, _ = best_ms(lambda: plan_programme(score_risk(roads, weights), 2e10, 5, 2027), repeat)
    return {"scale": f"{scale:g}", "mains": len(read["water_mains"]),
            "buildings": len(read["buildings"]), "inspections": len(read["inspections"]),
            "roads": len(read["roads"]), "baseline sort ms": base, "risk ms": risk,
            "customers ms": cust, "programme ms": prog, "roads risk+prog ms": road,
            "funded": int(programme.assets["year"].notna().sum())}


def print_table(rows: list[dict]) -> None:
    columns = list(rows[0])
    cells = [[f"{r[c]:.1f}" if isinstance(r[c], float) else str(r[c]) for c in columns]
             for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(columns)]
    print("  ".join(c.rjust(w) for c, w in zip(columns, widths, strict=True)))
    for row in cells:
        print("  ".join(v.rjust(w) for v, w in zip(row, widths, strict=True)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=float, nargs="+", default=[1, 10])
    parser.add_argument("--data-dir", type=Path, default=Path("/tmp/gisdesk-bench"))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"planning benchmark (best of {args.repeat}; baseline = pandas sort by condition)")
    print_table([bench_scale(s, args.data_dir, args.repeat) for s in args.scales])


if __name__ == "__main__":
    main()
