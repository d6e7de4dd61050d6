"""Long core computations work in chunks: same answer as one pass, progress, and a clean cancel.

Run on the shipped sample city (10 000 buildings), read from its GeoPackage.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from gisdesk import paths
from gisdesk.core import cancel as cancel_module
from gisdesk.core.cancel import Cancelled, chunks
from gisdesk.network.graph import build_network
from gisdesk.network.isolation import serving_mains
from gisdesk.network.quality import quality_report
from gisdesk.query.spatial import nearest, select_by_location
from gisdesk.query.summary import summarise_by_area

pytestmark = pytest.mark.skipif(not paths.sample_city_path().is_file(), reason="no sample city")

LAYERS = ("districts", "roads", "buildings", "water_mains", "valves", "hydrants")


@pytest.fixture(scope="module")
def city() -> dict:
    from gisdesk.core.definitions import default_catalog
    from gisdesk.core.layer import DataSource
    from gisdesk.core.project import Project
    from gisdesk.io.project_file import read_source

    catalog = default_catalog()
    project = Project(catalog=catalog)
    return {name: read_source(DataSource(paths.sample_city_path(), name), catalog,
                              project.crs).frame for name in LAYERS}


def _operations(city: dict) -> dict:
    """Each chunked computation as ``f(cancel, progress)``."""
    mains = build_network(city["water_mains"], valves=city["valves"])
    return {
        "dwithin": lambda c, p: select_by_location(city["buildings"], city["water_mains"],
                                                   "dwithin", 50.0, cancel=c, progress=p),
        "within": lambda c, p: select_by_location(city["buildings"], city["districts"],
                                                  "within", cancel=c, progress=p),
        "nearest": lambda c, p: nearest(city["buildings"], city["hydrants"], n=3,
                                        cancel=c, progress=p),
        "summary": lambda c, p: summarise_by_area(city["districts"], city["roads"], "name",
                                                  category="condition", cancel=c, progress=p),
        "serving": lambda c, p: serving_mains(mains, city["buildings"], cancel=c, progress=p),
    }


def _same(a: object, b: object) -> None:
    if isinstance(a, pd.DataFrame):
        pd.testing.assert_frame_equal(a, b)
    else:
        np.testing.assert_array_equal(a, b)


def test_core_cancel_chunked_answers_equal_one_pass(city, monkeypatch):
    small = {name: op(None, None) for name, op in _operations(city).items()}  # default chunks
    assert small["dwithin"].sum() > 1000 and len(small["nearest"]) == 3 * len(city["buildings"])
    monkeypatch.setattr(cancel_module, "CHUNK_ROWS", 700)  # 15 chunks of buildings
    for name, op in _operations(city).items():
        _same(op(None, None), small[name])


def test_core_cancel_progress_counts_every_feature(city, monkeypatch):
    monkeypatch.setattr(cancel_module, "CHUNK_ROWS", 1000)
    reports: list[tuple[int, int]] = []
    select_by_location(city["buildings"], city["water_mains"], "dwithin", 50.0,
                       progress=lambda d, t: reports.append((d, t)))
    total = len(city["buildings"])
    assert reports[0] == (0, total) and reports[-1] == (total, total)
    assert [d for d, _ in reports] == sorted(d for d, _ in reports)
    assert len(reports) == -(-total // 1000) + 1


@pytest.mark.parametrize("name", ["dwithin", "within", "nearest", "summary", "serving"])
def test_core_cancel_stops_part_way(city, monkeypatch, name):
    monkeypatch.setattr(cancel_module, "CHUNK_ROWS", 500)
    asked: list[int] = []

    def cancel() -> bool:  # the user presses Cancel after the third chunk
        asked.append(1)
        return len(asked) > 3

    reports: list[tuple[int, int]] = []
    with pytest.raises(Cancelled):
        _operations(city)[name](cancel, lambda d, t: reports.append((d, t)))
    assert len(asked) == 4  # it stopped at the first check after the cancel
    assert len(reports) >= 2  # some chunks were done ...
    assert all(d < t for d, t in reports)  # ... but never all of them


def test_core_cancel_network_steps(city):
    with pytest.raises(Cancelled):
        build_network(city["water_mains"], valves=city["valves"], cancel=lambda: True)
    network = build_network(city["water_mains"], valves=city["valves"])
    with pytest.raises(Cancelled):
        quality_report(network, cancel=lambda: True)
    assert quality_report(network, cancel=lambda: False).component_count >= 1


def test_core_cancel_chunks_cover_everything_once():
    covered = np.zeros(10, dtype=int)
    for part in chunks(10, size=3):
        covered[part] += 1
    assert covered.tolist() == [1] * 10
    assert list(chunks(0)) == []


def test_core_cancel_nearest_with_nothing_in_reach(city):
    far = city["buildings"].iloc[:5]
    table = nearest(far, city["hydrants"], n=3, max_distance=0.001)
    assert len(table) == 0
