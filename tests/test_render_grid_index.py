"""The renderer's grid index returns exactly what a brute-force box test returns."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from gisdesk.ui.render.grid_index import GridIndex


def _brute(bbox: np.ndarray, e: tuple[float, float, float, float]) -> np.ndarray:
    return np.flatnonzero(
        (bbox[:, 0] <= e[2]) & (bbox[:, 2] >= e[0]) & (bbox[:, 1] <= e[3]) & (bbox[:, 3] >= e[1])
    )


def _boxes(seed: int, n: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    corner = rng.uniform(0, 10000, (n, 2))
    size = rng.uniform(1, 40, (n, 2))
    size[: n // 50] *= 200  # some long roads and big districts
    return np.column_stack([corner, corner + size])


@settings(max_examples=40, deadline=None)
@given(
    seed=st.integers(0, 1000),
    x=st.floats(-2000, 11000), y=st.floats(-2000, 11000),
    w=st.floats(0, 6000), h=st.floats(0, 6000),
)
def test_render_grid_index_matches_brute_force(seed, x, y, w, h):
    bbox = _boxes(seed, 3000)
    extent = (x, y, x + w, y + h)
    assert np.array_equal(GridIndex(bbox).query(extent), _brute(bbox, extent))


def test_render_grid_index_window_outside_data_is_empty():
    bbox = _boxes(1, 500)
    assert len(GridIndex(bbox).query((20000, 20000, 21000, 21000))) == 0


def test_render_grid_index_points_of_prepared_layer():
    import shapely

    from gisdesk.ui.render.prepared import prepare

    rng = np.random.default_rng(5)
    xy = rng.uniform(0, 5000, (30000, 2))
    prepared = prepare(shapely.points(xy))
    extent = (1000.0, 2000.0, 1300.0, 2150.0)
    inside = np.flatnonzero((xy[:, 0] >= 1000) & (xy[:, 0] <= 1300) & (xy[:, 1] >= 2000)
                            & (xy[:, 1] <= 2150))
    assert len(inside) > 20
    assert np.array_equal(prepared.points_feature[prepared.points_in(extent)], inside)
