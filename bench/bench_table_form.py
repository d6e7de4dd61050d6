"""Benchmark the attribute table and the feature form on synthetic buildings layers.

Usage::

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_table_form.py \
        [--sizes 10000,100000,1000000]

For each size (scale 1/10/100 of a 10 000-building city) it times, in the same run:

* opening the attribute table: the model plus the table window (view, filter bar) shown,
* scrolling: ``data()`` for every cell of a 40-row screen at 50 random positions (median, max),
* sort by a coded column (labels) and by the asset code (text), quick search, expression filter,
* opening a feature form (first one pays the layer's UUID index; then warm), and a form whose
  coded field has a 20 000-entry lookup list,
* the baseline: filling a QStandardItemModel with 100 000 rows of the same columns (the usual
  Qt way: one QStandardItem per cell), plus ``data()`` for a screen of it.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from _table_fixtures import synthetic_buildings

from gisdesk.core.definitions import Domain, default_catalog
from gisdesk.core.project import Project
from gisdesk.core.selection import Selection
from gisdesk.ui.forms.feature_form import FeatureForm
from gisdesk.ui.forms.field_inputs import FieldInput
from gisdesk.ui.table.table_widget import AttributeTable

SCREEN_ROWS = 40
BASELINE_ROWS = 100_000


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def _screens(model, rng: np.random.Generator, count: int = 50) -> list[float]:
    times = []
    for top in rng.integers(0, max(1, model.rowCount() - SCREEN_ROWS), count):
        start = time.perf_counter()
        for r in range(int(top), int(top) + SCREEN_ROWS):
            for c in range(model.columnCount()):
                model.data(model.index(r, c))
        times.append(_ms(start))
    return times


def _timed(func) -> float:
    start = time.perf_counter()
    func()
    return _ms(start)


def bench_size(n: int, catalog, rng: np.random.Generator) -> dict[str, float]:
    """All timings (ms) for one layer size."""
    layer = synthetic_buildings(n, catalog)
    project = Project(catalog)
    project.add_layer(layer)
    out: dict[str, float] = {}
    start = time.perf_counter()
    table = AttributeTable(layer, catalog, Selection())
    table.resize(1000, 900)
    table.show()
    QApplication.processEvents()
    out["open table"] = _ms(start)
    model = table.model
    screens = _screens(model, rng)
    out["screen median"], out["screen max"] = statistics.median(screens), max(screens)
    out["sort label"] = _timed(lambda: model.sort(model.column_index("building_use"),
                                                  Qt.SortOrder.AscendingOrder))
    out["sort text"] = _timed(lambda: model.sort(model.column_index("asset_id"),
                                                 Qt.SortOrder.DescendingOrder))
    out["search"] = _timed(lambda: model.set_quick_search("masjid"))
    model.set_quick_search("")
    out["expression"] = _timed(lambda: model.set_filter_expression(
        '"floors" >= 3 and "condition" <= 2'))
    uuids = layer.frame["uuid"]
    def form(row: int) -> float:
        return _timed(lambda: FeatureForm(project, layer, None, str(uuids.iat[row]), row=row))

    out["form first"] = form(n // 2)
    out["form warm"] = statistics.median(form(int(i)) for i in rng.integers(0, n, 5))
    table.close_table()
    table.close()
    return out


def bench_big_domain(catalog) -> float:
    """Building one coded input over a 20 000-entry domain (ms, median of 5)."""
    big = Domain.model_validate({
        "type": "integer", "title": {"en": "Parcels", "id": "Persil"},
        "values": [{"code": i, "label": {"en": f"Parcel {i}", "id": f"Persil {i}"}}
                   for i in range(20_000)]})
    fdef = catalog.layers["buildings"].field("install_year")
    FieldInput(fdef, big, "en")  # the labels are built once per run
    return statistics.median(_timed(lambda: FieldInput(fdef, big, "en")) for _ in range(5))


def bench_baseline(rng: np.random.Generator) -> dict[str, float]:
    """QStandardItemModel with BASELINE_ROWS rows of 8 text cells."""
    start = time.perf_counter()
    model = QStandardItemModel(BASELINE_ROWS, 8)
    for r in range(BASELINE_ROWS):
        for c in range(8):
            model.setItem(r, c, QStandardItem(f"{r}-{c}"))
    fill = _ms(start)
    screens = _screens(model, rng)
    return {"open table": fill, "screen median": statistics.median(screens),
            "screen max": max(screens)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    catalog = default_catalog()
    rng = np.random.default_rng(7)
    rows = {f"{int(n):,} buildings": bench_size(int(n), catalog, rng)
            for n in args.sizes.split(",")}
    rows[f"baseline QStandardItemModel {BASELINE_ROWS:,}"] = bench_baseline(rng)
    keys = ["open table", "screen median", "screen max", "sort label", "sort text", "search",
            "expression", "form first", "form warm"]
    print("times in ms; screen = data() for 40 rows x all columns at a random position")
    print(f"{'layer':<38}" + "".join(f"{k:>14}" for k in keys))
    for name, values in rows.items():
        cells = "".join(f"{values[k]:>14.1f}" if k in values else f"{'-':>14}" for k in keys)
        print(f"{name:<38}{cells}")
    print(f"form input over a 20,000-entry domain: {bench_big_domain(catalog):.1f} ms")
    app.processEvents()


if __name__ == "__main__":
    main()
