"""Labels appear below their max scale, in the chosen language, and never overlap."""

from __future__ import annotations

import itertools

import geopandas as gpd
import numpy as np
import shapely

from gisdesk.core.definitions import default_catalog
from gisdesk.core.layer import MapLayer
from gisdesk.core.project import Project
from gisdesk.core.viewport import Viewport


def _project(tmp_path) -> Project:
    """A dense street grid plus many hydrants, so labels must compete for space."""
    catalog = default_catalog()
    lines, names = [], []
    for i in range(12):
        lines.append(shapely.LineString([(500000, 60000 + i * 40), (500800, 60000 + i * 40)]))
        names.append(f"Jalan Nomor {i}")
        lines.append(shapely.LineString([(500000 + i * 60, 60000), (500000 + i * 60, 60480)]))
        names.append(f"Jalan Lintang {i}")
    rng = np.random.default_rng(7)
    pts = shapely.points(rng.uniform(500000, 500800, 150), rng.uniform(60000, 60480, 150))
    path = tmp_path / "city.gpkg"
    gpd.GeoDataFrame({"name": names, "road_class": "LOCAL"}, geometry=lines,
                     crs="EPSG:32651").to_file(path, layer="roads")
    gpd.GeoDataFrame({"asset_id": [f"H-{i:03d}" for i in range(150)],
                      "condition": rng.integers(1, 6, 150)}, geometry=pts,
                     crs="EPSG:32651").to_file(path, layer="hydrants")
    project = Project(catalog)
    for name in ("roads", "hydrants"):
        frame = gpd.read_file(path, layer=name, engine="pyogrio", use_arrow=True)
        project.add_layer(MapLayer(name, frame, catalog.match(name)))
    return project


def _layout(project: Project, viewport: Viewport, lang: str = "en"):
    from gisdesk.ui.render.features import Frame
    from gisdesk.ui.render.labels import layout_labels

    return layout_labels(project, project.layers, Frame.of(viewport), lang=lang)


def test_render_labels_never_overlap(qapp, tmp_path):
    project = _project(tmp_path)
    viewport = Viewport(500400, 60240, 0.35, 1200, 800)  # about 1:1300
    placed = _layout(project, viewport)
    assert len(placed) > 20
    assert {p.layer for p in placed} == {"roads", "hydrants"}
    for a, b in itertools.combinations(placed, 2):
        disjoint = a.box[2] <= b.box[0] or b.box[2] <= a.box[0] or a.box[3] <= b.box[1] or (
            b.box[3] <= a.box[1])
        assert disjoint, (a, b)
    for p in placed:
        assert p.box[0] >= 0 and p.box[2] <= 1200 and p.box[1] >= 0 and p.box[3] <= 800


def test_render_labels_follow_streets(qapp, tmp_path):
    project = _project(tmp_path)
    placed = _layout(project, Viewport(500400, 60240, 0.35, 1200, 800))
    angles = {round(abs(p.angle)) for p in placed if p.layer == "roads"}
    assert angles == {0, 90}


def test_render_labels_hidden_above_max_scale(qapp, tmp_path):
    project = _project(tmp_path)
    viewport = Viewport(500400, 60240, 0.35, 1200, 800).with_scale(20000)
    assert _layout(project, viewport) == []


def test_render_labels_painted_with_halo(qapp, tmp_path):
    from gisdesk.ui.render import RenderOptions, render_image

    project = _project(tmp_path)
    viewport = Viewport(500400, 60240, 0.35, 1200, 800)
    with_labels = render_image(project, viewport)
    without = render_image(project, viewport, RenderOptions(labels=False))
    label = _layout(project, viewport)[0]
    x0, y0, x1, y1 = (int(v) for v in label.box)
    changed = sum(
        with_labels.pixel(x, y) != without.pixel(x, y)
        for x in range(x0, x1) for y in range(y0, y1)
    )
    assert changed > 20
