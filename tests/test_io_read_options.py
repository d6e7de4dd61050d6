"""Reading part of a layer (bbox, where), progress reports and cancellation."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
import shapely

from gisdesk.io.errors import ReadCancelled
from gisdesk.io.readers import open_path, read_layer


def _grid(path: Path, n: int = 50, crs: str = "EPSG:4326") -> gpd.GeoDataFrame:
    """n×n streetlights on a 0.001° grid starting at Gorontalo's old town."""
    xs, ys = np.meshgrid(123.05 + 0.001 * np.arange(n), 0.53 + 0.001 * np.arange(n))
    frame = gpd.GeoDataFrame(
        {"asset_id": [f"SL-{i:05d}" for i in range(n * n)], "watt": np.arange(n * n) % 5 * 30},
        geometry=shapely.points(xs.ravel(), ys.ravel()),
        crs="EPSG:4326",
    ).to_crs(crs)
    frame.to_file(path, engine="pyogrio")
    return frame


@pytest.mark.parametrize("suffix", [".gpkg", ".shp", ".geojson"])
def test_io_read_options_bbox_returns_only_intersecting_features(tmp_path: Path, suffix: str):
    frame = _grid(tmp_path / f"streetlights{suffix}")
    utm = frame.to_crs("EPSG:32651")
    minx, miny, maxx, maxy = utm.total_bounds
    box = (minx, miny, minx + (maxx - minx) / 4, miny + (maxy - miny) / 4)
    expected = set(utm.loc[utm.intersects(shapely.box(*box)), "asset_id"])
    layer = read_layer(tmp_path / f"streetlights{suffix}", bbox=box)
    got = set(layer.frame["asset_id"])
    assert 0 < len(got) < len(frame) / 4
    # GDAL filters on envelopes after the bbox is moved to lon/lat; edge points may be extra.
    assert expected <= got
    extra = layer.frame[~layer.frame["asset_id"].isin(expected)]
    assert float(extra.distance(shapely.box(*box)).max() if len(extra) else 0.0) < 5.0


def test_io_read_options_bbox_on_utm_file_is_exact(tmp_path: Path):
    utm = _grid(tmp_path / "sl.gpkg", crs="EPSG:32651")
    minx, miny, _, _ = utm.total_bounds
    box = (minx - 1, miny - 1, minx + 250, miny + 250)
    layer = read_layer(tmp_path / "sl.gpkg", bbox=box)
    expected = set(utm.loc[utm.intersects(shapely.box(*box)), "asset_id"])
    assert set(layer.frame["asset_id"]) == expected
    assert len(expected) > 4


def test_io_read_options_where_filters_attributes(tmp_path: Path):
    _grid(tmp_path / "sl.gpkg", n=10)
    layer = read_layer(tmp_path / "sl.gpkg", where="watt = 120")
    assert len(layer.frame) == 20
    assert set(layer.frame["watt"]) == {120}


def test_io_read_options_progress_rises_to_one(tmp_path: Path):
    _grid(tmp_path / "sl.gpkg", n=40)
    seen: list[float] = []
    layer = read_layer(tmp_path / "sl.gpkg", progress=seen.append, batch_rows=300)
    assert len(layer.frame) == 1600
    assert len(seen) >= 6
    assert seen == sorted(seen)
    assert seen[-1] == 1.0
    assert 0.0 < seen[1] < 0.5


def test_io_read_options_cancel_stops_the_read(tmp_path: Path):
    _grid(tmp_path / "sl.gpkg", n=40)
    seen: list[float] = []
    with pytest.raises(ReadCancelled):
        read_layer(
            tmp_path / "sl.gpkg", progress=seen.append, cancel=lambda: len(seen) >= 2,
            batch_rows=300,
        )
    assert len(seen) == 2
    assert seen[-1] < 1.0


def test_io_read_options_cancel_stops_open_path(tmp_path: Path):
    _grid(tmp_path / "a.gpkg", n=10)
    with pytest.raises(ReadCancelled):
        open_path(tmp_path / "a.gpkg", cancel=lambda: True)


def test_io_read_options_open_path_progress_spans_layers(tmp_path: Path):
    path = tmp_path / "two.gpkg"
    frame = _grid(tmp_path / "one.gpkg", n=10)
    frame.to_file(path, layer="first", engine="pyogrio")
    frame.to_file(path, layer="second", engine="pyogrio")
    seen: list[float] = []
    result = open_path(path, progress=seen.append)
    assert [layer.name for layer in result.layers] == ["first", "second"]
    assert seen == sorted(seen) and seen[-1] == 1.0
    assert any(0.4 <= f <= 0.6 for f in seen)


def test_io_read_options_threads_read_side_by_side(tmp_path: Path):
    from concurrent.futures import ThreadPoolExecutor

    paths = []
    for i in range(4):
        _grid(tmp_path / f"sl{i}.gpkg", n=10 + i)
        paths.append(tmp_path / f"sl{i}.gpkg")
    with ThreadPoolExecutor(max_workers=4) as pool:
        layers = list(pool.map(lambda p: read_layer(p, batch_rows=50), paths))
    assert [len(layer.frame) for layer in layers] == [100, 121, 144, 169]
    assert all(layer.frame.crs.to_epsg() == 32651 for layer in layers)
