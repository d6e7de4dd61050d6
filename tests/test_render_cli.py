"""``gisdesk render`` writes a PNG of the requested size showing the data."""

from __future__ import annotations

import subprocess
import sys

import geopandas as gpd
import shapely
from PySide6.QtGui import QImage

from gisdesk.cli import main


def _gpkg(tmp_path):
    path = tmp_path / "city.gpkg"
    gpd.GeoDataFrame({"road_class": ["ARTERIAL", "LOCAL"], "name": ["Jl. A", "Jl. B"]},
                     geometry=[shapely.LineString([(500000, 60000), (501000, 60500)]),
                               shapely.LineString([(500000, 60500), (501000, 60000)])],
                     crs="EPSG:32651").to_file(path, layer="roads")
    gpd.GeoDataFrame({"building_use": ["SCHOOL"]},
                     geometry=[shapely.box(500400, 60200, 500600, 60300)],
                     crs="EPSG:32651").to_file(path, layer="buildings")
    return path


def _non_background(image: QImage) -> int:
    bg = image.pixel(0, 0)
    return sum(image.pixel(x, y) != bg for x in range(0, image.width(), 3)
               for y in range(0, image.height(), 3))


def test_render_cli_writes_png_of_requested_size(qapp, tmp_path):
    out = tmp_path / "map.png"
    code = main(["render", str(_gpkg(tmp_path)), "--out", str(out), "--width", "320",
                 "--height", "200", "--lang", "id"])
    assert code == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (320, 200)
    assert _non_background(image) > 50


def test_render_cli_layers_and_extent(qapp, tmp_path):
    out = tmp_path / "roads.png"
    code = main(["render", str(_gpkg(tmp_path)), "--out", str(out), "--width", "100",
                 "--height", "50", "--layers", "buildings",
                 "--extent", "500400,60200,500600,60300"])
    assert code == 0
    image = QImage(str(out))
    c = image.pixelColor(50, 25)
    assert (c.red(), c.green(), c.blue()) == (0xF4, 0xE1, 0x9B)  # school fills the view


def test_render_cli_unknown_layer_is_clear_error(tmp_path, capsys):
    path = _gpkg(tmp_path)
    code = main(["render", str(path), "--out", str(tmp_path / "x.png"), "--layers", "pipes"])
    assert code == 2
    err = capsys.readouterr().err
    assert "pipes" in err and "city.gpkg" in err


def test_render_cli_subprocess_headless(tmp_path):
    out = tmp_path / "sub.png"
    proc = subprocess.run(
        [sys.executable, "-m", "gisdesk", "render", str(_gpkg(tmp_path)), "--out", str(out),
         "--width", "64", "--height", "48", "--scale", "20000"],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert QImage(str(out)).size().toTuple() == (64, 48)
