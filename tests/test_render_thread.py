"""The renderer works off the GUI thread, as the canvas worker uses it."""

from __future__ import annotations

import geopandas as gpd
import shapely

from gisdesk.core.definitions import default_catalog
from gisdesk.core.layer import MapLayer
from gisdesk.core.project import Project
from gisdesk.core.viewport import Viewport


def test_render_in_qthread(qapp, qtbot, tmp_path):
    from PySide6.QtCore import QThread

    from gisdesk.ui.render import render_image

    catalog = default_catalog()
    path = tmp_path / "b.gpkg"
    gpd.GeoDataFrame({"building_use": ["SCHOOL"], "name": ["SD Negeri 1"]},
                     geometry=[shapely.box(500100, 60100, 500300, 60400)],
                     crs="EPSG:32651").to_file(path, layer="buildings")
    frame = gpd.read_file(path, engine="pyogrio", use_arrow=True)
    project = Project(catalog)
    project.add_layer(MapLayer("buildings", frame, catalog.match("buildings")))
    viewport = Viewport(500200, 60250, 1.0, 400, 400)  # 1:3780, labels off (max 2500)
    result: dict = {}

    class Worker(QThread):
        def run(self) -> None:
            result["image"] = render_image(project, viewport)
            result["thread"] = QThread.currentThread()

    worker = Worker()
    with qtbot.waitSignal(worker.finished, timeout=20000):
        worker.start()
    image = result["image"]
    assert result["thread"] is not qapp.thread()
    c = image.pixelColor(200, 200)
    assert (c.red(), c.green(), c.blue()) == (0xF4, 0xE1, 0x9B)  # SCHOOL fill


def test_render_cancel_stops_drawing(qapp, tmp_path):
    from gisdesk.ui.render import render_image

    catalog = default_catalog()
    frame = gpd.GeoDataFrame({"building_use": ["SCHOOL"]},
                             geometry=[shapely.box(500100, 60100, 500300, 60400)],
                             crs="EPSG:32651")
    project = Project(catalog)
    project.add_layer(MapLayer("buildings", frame, catalog.match("buildings")))
    viewport = Viewport(500200, 60250, 1.0, 400, 400)
    done = render_image(project, viewport, cancel=lambda: False).pixelColor(200, 200)
    cancelled = render_image(project, viewport, cancel=lambda: True).pixelColor(200, 200)
    assert (done.red(), done.green(), done.blue()) == (0xF4, 0xE1, 0x9B)
    assert (cancelled.red(), cancelled.green(), cancelled.blue()) == (0xF7, 0xF5, 0xF0)
