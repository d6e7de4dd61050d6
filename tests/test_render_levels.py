"""Cached per-zoom-level paths draw the same map as building paths for each view."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import shapely

from gisdesk.core.definitions import default_catalog
from gisdesk.core.layer import MapLayer
from gisdesk.core.project import Project
from gisdesk.core.viewport import Viewport


def _city(tmp_path) -> Project:
    """6000 buildings and 6000 road segments: enough for the level-path mode."""
    rng = np.random.default_rng(3)
    n = 6000
    x, y = rng.uniform(0, 3000, n) + 500000, rng.uniform(0, 2000, n) + 60000
    w = rng.uniform(4, 30, n)
    buildings = gpd.GeoDataFrame(
        {"building_use": rng.choice(["RESIDENTIAL", "SCHOOL", "COMMERCIAL"], n)},
        geometry=shapely.box(x, y, x + w, y + w), crs="EPSG:32651")
    roads = gpd.GeoDataFrame(
        {"road_class": rng.choice(["ARTERIAL", "LOCAL"], n)},
        geometry=shapely.linestrings(np.stack([np.column_stack([x, y]),
                                               np.column_stack([x + 60, y + 25])], axis=1)),
        crs="EPSG:32651")
    path = tmp_path / "city.gpkg"
    catalog = default_catalog()
    project = Project(catalog)
    for name, frame in (("buildings", buildings), ("roads", roads)):
        frame.to_file(path, layer=name)
        data = gpd.read_file(path, layer=name, engine="pyogrio", use_arrow=True)
        project.add_layer(MapLayer(name, data, catalog.match(name)))
    return project


def _pixels(image) -> np.ndarray:
    image = image.convertToFormat(image.Format.Format_RGB32)
    raw = np.frombuffer(image.constBits(), np.uint8)
    return raw.reshape(image.height(), image.width(), 4)[:, :, :3].astype(int)


def test_render_levels_match_direct_paths(qapp, tmp_path, monkeypatch):
    from gisdesk.ui.render import RenderOptions, features, render_image

    project = _city(tmp_path)
    view = Viewport.fit(project.full_extent(), 800, 500).zoomed(1.3)
    options = RenderOptions(labels=False)
    cached = render_image(project, view, options)
    monkeypatch.setattr(features, "LEVEL_MIN_RUNS", 10**12)
    direct = render_image(project, view, options)
    diff = np.abs(_pixels(cached) - _pixels(direct)).max(axis=2)
    painted = (_pixels(direct) != _pixels(direct)[0, 0]).any(axis=2).mean()
    assert painted > 0.2  # the map is busy, so agreement below is meaningful
    assert (diff > 60).mean() < 0.02
    assert diff.mean() < 4


def test_render_levels_reused_across_pans(qapp, tmp_path):
    from gisdesk.ui.render import RenderOptions, render_image
    from gisdesk.ui.render.cache import prepared_for

    project = _city(tmp_path)
    view = Viewport.fit(project.full_extent(), 800, 500)
    render_image(project, view, RenderOptions(labels=False))
    runs = prepared_for(project.layers[1], project.catalog)[0].lines
    before = {k for k in runs.level_cache if k[0] == "paths"}
    render_image(project, view.panned(40, -25), RenderOptions(labels=False))
    after = {k for k in runs.level_cache if k[0] == "paths"}
    assert before and after == before
