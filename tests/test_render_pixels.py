"""The renderer paints features where they are, in their style, and nothing else."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest
import shapely

from gisdesk.core.definitions import LayerDef, default_catalog
from gisdesk.core.layer import MapLayer
from gisdesk.core.project import Project
from gisdesk.core.viewport import Viewport

BG = "#f7f5f0"


def _red_def(**extra) -> LayerDef:
    return LayerDef.model_validate({
        "name": "zones", "title": {"en": "Zones", "id": "Zona"}, "geometry": "Polygon",
        "fields": [{"name": "uuid", "type": "uuid", "label": {"en": "UUID", "id": "UUID"}}],
        "symbology": {"type": "single", "symbol": {"color": "#ff0000", "stroke": "#ff0000"}},
        **extra,
    })


def _frame(tmp_path, geoms, layer: str, **cols) -> gpd.GeoDataFrame:
    """Write to a real GeoPackage and read back, as the app does."""
    path = tmp_path / f"{layer}.gpkg"
    gpd.GeoDataFrame(cols, geometry=geoms, crs="EPSG:32651").to_file(path, layer=layer)
    return gpd.read_file(path, layer=layer, engine="pyogrio", use_arrow=True)


def _rgb(image, x: int, y: int) -> tuple[int, int, int]:
    c = image.pixelColor(x, y)
    return (c.red(), c.green(), c.blue())


def _near(a: tuple[int, ...], b: tuple[int, ...], tol: int = 4) -> bool:
    """Antialiased strokes land within a few levels of the symbol colour."""
    return all(abs(x - y) <= tol for x, y in zip(a, b, strict=True))


def _project(*layers: MapLayer) -> Project:
    project = Project(default_catalog())
    for layer in layers:
        project.add_layer(layer)
    return project


# World (500000..501000, 60000..60500) fills a 200x100 image at 5 m/px.
VIEW = Viewport(cx=500500, cy=60250, resolution=5.0, width=200, height=100)


def test_render_polygon_pixels_at_world_position(qapp, tmp_path):
    from gisdesk.ui.render import render_image

    square = shapely.box(500100, 60300, 500300, 60450)  # px x 20..60, y 10..40
    frame = _frame(tmp_path, [square], "zones", uuid=["a"])
    image = render_image(_project(MapLayer("zones", frame, _red_def())), VIEW)
    assert (image.width(), image.height()) == (200, 100)
    assert _rgb(image, 40, 25) == (255, 0, 0)
    assert _rgb(image, 22, 12) == (255, 0, 0)
    for x, y in [(100, 50), (70, 25), (40, 60), (10, 5)]:
        assert _rgb(image, x, y) == (0xF7, 0xF5, 0xF0)


def test_render_categorized_colours_from_definition(qapp, tmp_path):
    from gisdesk.ui.render import render_image

    catalog = default_catalog()
    geoms = [shapely.box(500100, 60100, 500300, 60400), shapely.box(500600, 60100, 500800, 60400)]
    frame = _frame(tmp_path, geoms, "buildings", building_use=["HOSPITAL", "GOVERNMENT"])
    image = render_image(_project(MapLayer("buildings", frame, catalog.match("buildings"))), VIEW)
    assert _rgb(image, 40, 50) == (0xF4, 0x6D, 0x6D)  # HOSPITAL fill
    assert _rgb(image, 140, 50) == (0xA6, 0xC8, 0xF4)  # GOVERNMENT fill


def test_render_lines_and_points_drawn(qapp, tmp_path):
    from gisdesk.ui.render import render_image

    catalog = default_catalog()
    roads = _frame(tmp_path, [shapely.LineString([(500000, 60250), (501000, 60250)])], "roads",
                   road_class=["ARTERIAL"])
    valves = _frame(tmp_path, [shapely.Point(500750, 60375)], "valves", status=["CLOSED"])
    project = _project(MapLayer("roads", roads, catalog.match("roads")),
                       MapLayer("valves", valves, catalog.match("valves")))
    image = render_image(project, VIEW.with_scale(15000).with_size(200, 100))
    frame_view = VIEW.with_scale(15000)
    rx, ry = (round(v) for v in frame_view.to_pixel(500500, 60250))
    assert _near(_rgb(image, rx, ry), (0xC0, 0x39, 0x2B))
    vx, vy = (round(v) for v in frame_view.to_pixel(500750, 60375))
    assert _near(_rgb(image, vx, vy), (0xD7, 0x19, 0x1C))


def test_render_scale_range_hides_layer(qapp, tmp_path):
    from gisdesk.ui.render import render_image

    frame = _frame(tmp_path, [shapely.box(500000, 60000, 501000, 60500)], "zones", uuid=["a"])
    layer = MapLayer("zones", frame, _red_def(scale_range={"max_scale": 5000}))
    near = render_image(_project(layer), VIEW.with_scale(4000))
    far = render_image(_project(layer), VIEW.with_scale(20000))
    assert _rgb(near, 100, 50) == (255, 0, 0)
    assert _rgb(far, 100, 50) == (0xF7, 0xF5, 0xF0)


def test_render_selection_highlight_on_top(qapp, tmp_path):
    from gisdesk.ui.render import RenderOptions, render_image

    geoms = [shapely.box(500100, 60100, 500300, 60400), shapely.box(500600, 60100, 500800, 60400)]
    frame = _frame(tmp_path, geoms, "zones", uuid=["a", "b"])
    project = _project(MapLayer("zones", frame, _red_def()))
    image = render_image(project, VIEW, RenderOptions(selection={"zones": np.array([1])}))
    r, g, b = _rgb(image, 140, 50)
    assert r > 240 and g > 100 and b < 60  # yellow over red
    assert _rgb(image, 40, 50) == (255, 0, 0)  # unselected untouched
    edge = image.pixelColor(120, 50)  # left edge of the selected box: cyan outline
    assert edge.blue() > 150 and edge.green() > 150


def test_render_default_style_stable_by_name(qapp, tmp_path):
    from gisdesk.ui.render import render_image

    frame = _frame(tmp_path, [shapely.box(500000, 60000, 501000, 60500)], "misc", n=[1])
    a = render_image(_project(MapLayer("parks", frame)), VIEW)
    b = render_image(_project(MapLayer("parks", frame.copy())), VIEW)
    c = render_image(_project(MapLayer("other name", frame)), VIEW)
    assert _rgb(a, 100, 50) == _rgb(b, 100, 50) != (0xF7, 0xF5, 0xF0)
    assert _rgb(c, 100, 50) != _rgb(a, 100, 50)


def test_render_cache_follows_edits(qapp, tmp_path):
    from gisdesk.ui.render import render_image

    frame = _frame(tmp_path, [shapely.box(500100, 60300, 500300, 60450)], "zones", uuid=["a"])
    layer = MapLayer("zones", frame, _red_def())
    project = _project(layer)
    assert _rgb(render_image(project, VIEW), 40, 25) == (255, 0, 0)
    layer.frame.loc[0, "geometry"] = shapely.box(500600, 60050, 500900, 60200)
    layer.touch()
    moved = render_image(project, VIEW)
    assert _rgb(moved, 40, 25) == (0xF7, 0xF5, 0xF0)
    assert _rgb(moved, 150, 80) == (255, 0, 0)


@pytest.mark.parametrize("dpi", [96, 288])
def test_render_line_width_scales_with_dpi(qapp, tmp_path, dpi):
    from gisdesk.ui.render import render_image

    catalog = default_catalog()
    roads = _frame(tmp_path, [shapely.LineString([(500000, 60250), (501000, 60250)])], "roads",
                   road_class=["ARTERIAL"])  # 3.5 pt wide
    view = Viewport(500500, 60250, 5.0 * 96 / dpi, 200 * dpi // 96, 100 * dpi // 96, dpi=dpi)
    image = render_image(_project(MapLayer("roads", roads, catalog.match("roads"))), view)
    column = [_rgb(image, image.width() // 2, y) for y in range(image.height())]
    painted = sum(1 for c in column if c != (0xF7, 0xF5, 0xF0))
    assert 3.5 * dpi / 96 - 1 <= painted <= 3.5 * dpi / 96 + 2


def test_render_layer_opacity_no_overlap_darkening(qapp, tmp_path):
    from gisdesk.ui.render import render_image

    geoms = [shapely.box(500100, 60100, 500500, 60400), shapely.box(500300, 60100, 500700, 60400)]
    frame = _frame(tmp_path, geoms, "zones", uuid=["a", "b"])
    layer = MapLayer("zones", frame, _red_def(), opacity=0.5)
    image = render_image(_project(layer), VIEW)
    single, overlap = _rgb(image, 30, 50), _rgb(image, 80, 50)
    assert single[0] > 240 and 100 < single[1] < 160  # red at half strength over background
    assert overlap == single  # a translucent layer is one sheet, not stacked features


def test_render_mixed_and_empty_geometries(qapp, tmp_path):
    from gisdesk.ui.render import render_image

    ring = shapely.box(500100, 60100, 500400, 60400)
    donut = shapely.Polygon(ring.exterior.coords, [shapely.box(500200, 60200, 500300, 60300)
                                                   .exterior.coords])
    geoms = [donut, shapely.LineString([(500600, 60100), (500900, 60400)]),
             shapely.Point(500800, 60150), None, shapely.Polygon(),
             shapely.MultiPolygon([shapely.box(500500, 60420, 500560, 60480)])]
    frame = gpd.GeoDataFrame({"n": range(6)}, geometry=geoms, crs="EPSG:32651")
    image = render_image(_project(MapLayer("mixed", frame)), VIEW)
    bg = (0xF7, 0xF5, 0xF0)
    assert _rgb(image, 30, 70) != bg  # polygon body
    assert _rgb(image, 50, 50) == bg  # its hole
    x, y = (round(v) for v in VIEW.to_pixel(500750, 60250))
    near = {_rgb(image, x + dx, y + dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1)}
    assert near - {bg}  # line (it passes through pixel corners here)
    assert _rgb(image, 106, 8) != bg  # multipolygon part
