"""The exported web map drawn by a real browser (headless Chromium) with the network off.

Chromium gets no DNS (every host maps to NOTFOUND) and a dead proxy, so anything the page tried
to fetch from the internet would fail; the tests then check the features drew (SVG paths in the
DOM, symbology colours in the screenshot), popups show Indonesian domain labels, and the page
requested no external resource. Layout tests read element boxes back from the DOM at laptop
(1366x768) and desktop (1920x1080) window sizes: no panel covers another or the scale bar, the
scale bar is metric, and the first view holds the data. Skipped when Chromium is not installed.
"""

from __future__ import annotations

import html as html_lib
import json
import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pyogrio
import pytest
from test_export_support import survey_points, write_city

from gisdesk.core.definitions import default_catalog
from gisdesk.core.project import Project
from gisdesk.export.webmap import POINT_ZOOM, export_web_map
from gisdesk.export.webmap_assets import required_external_urls
from gisdesk.io.readers import open_path, read_layer
from gisdesk.paths import sample_city_path

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")

OFFLINE_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=http://127.0.0.1:9",
    "--virtual-time-budget=4000",
]

# Appended to a copy of the page: click the first road (Leaflet's own event path) and list every
# resource the page loaded, so the DOM dump shows both.
PROBE = """<script>
(function () {
  var roads = gisdesk.layers.filter(function (g) { return g.gdTitle === "Jalan"; })[0];
  var first = roads.getLayers()[0];
  first.fire("click", {latlng: first.getCenter()}, true);  // propagate, as a real click
  var out = document.createElement("pre");
  out.id = "gd-probe-resources";
  out.textContent = performance.getEntriesByType("resource").map(function (e) {
    return e.name; }).join("\\n");
  document.body.appendChild(out);
  var map = roads._map, shown = function () {
    return gisdesk.layers.map(function (g) {
      var state = g.gdPane.style.display === "none" ? "hidden" : "shown";
      return g.gdTitle + "=" + state; }).join(";");
  };
  var scales = document.createElement("pre");
  scales.id = "gd-probe-scales";
  scales.textContent = shown() + "|" + Math.round(gisdesk.scaleOf(map));
  map.setZoom(12, {animate: false});
  scales.textContent += "\\n" + shown() + "|" + Math.round(gisdesk.scaleOf(map));
  document.body.appendChild(scales);
}());
</script>"""


# Appended to a page: where the panels, the scale bar and the data ended up after the page laid
# itself out, as JSON in a hidden element (hidden so it cannot add a scrollbar to the layout).
LAYOUT_PROBE = """<script>
(function () {
  var map = gisdesk.map, data = gisdesk.dataBounds;
  var box = map.getContainer().getBoundingClientRect();
  function rect(selector) {
    var el = document.querySelector(selector);
    if (!el) { return null; }
    var r = el.getBoundingClientRect();
    return [r.left, r.top, r.right, r.bottom];
  }
  var nw = map.latLngToContainerPoint(data.getNorthWest());
  var se = map.latLngToContainerPoint(data.getSouthEast());
  var out = document.createElement("pre");
  out.id = "gd-probe-layout";
  out.style.display = "none";
  out.textContent = JSON.stringify({
    viewport: [window.innerWidth, window.innerHeight],
    panels: {scale: rect(".leaflet-control-scale"), notice: rect("#gd-notice"),
             legend: rect("#gd-legend"), attribution: rect(".leaflet-control-attribution"),
             layers: rect(".leaflet-control-layers"), title: rect("#gd-title"),
             zoom: rect(".leaflet-control-zoom")},
    scaleText: Array.prototype.map.call(document.querySelectorAll(".leaflet-control-scale-line"),
                                        function (e) { return e.textContent; }),
    viewContainsData: map.getBounds().contains(data),
    data: [box.left + nw.x, box.top + nw.y, box.left + se.x, box.top + se.y],
    zoom: map.getZoom(),
    center: [map.getCenter().lat, map.getCenter().lng]
  });
  document.body.appendChild(out);
}());
</script>"""


def _layout(page: Path, tmp_path: Path, window: tuple[int, int]) -> dict:
    """The page's layout in Chromium at ``window`` size, read back through LAYOUT_PROBE."""
    probed = tmp_path / f"layout-{page.name}"
    probed.write_text(page.read_text(encoding="utf-8") + LAYOUT_PROBE, encoding="utf-8")
    dom = _chromium(probed, tmp_path, "--dump-dom", window=window).stdout
    text = dom.split('id="gd-probe-layout" style="display: none;">', 1)[1].split("</pre>", 1)[0]
    return json.loads(html_lib.unescape(text))


def _overlap(a: list[float], b: list[float]) -> bool:
    """True when two [left, top, right, bottom] boxes share any area."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _chromium(page: Path, tmp_path: Path, *extra: str,
              window: tuple[int, int] = (1200, 800)) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / "chromium-profile"
    profile.mkdir(exist_ok=True)
    size = f"--window-size={window[0]},{window[1]}"
    return subprocess.run(
        [CHROMIUM, *OFFLINE_FLAGS, size, f"--user-data-dir={profile}", *extra, page.as_uri()],
        capture_output=True, text=True, timeout=120, check=True,
    )


@pytest.fixture(scope="module")
def map_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test city exported in Indonesian: districts, roads, valves, an undefined layer."""
    folder = tmp_path_factory.mktemp("webmap")
    city = write_city(folder)
    catalog = default_catalog()
    project = Project(catalog)
    for name in ("districts", "roads", "valves", "survey_points"):
        project.add_layer(read_layer(city, name, catalog=catalog))
    out = folder / "peta.html"
    export_web_map(project, out, title="Peta Aset Kota Gorontalo", lang="id")
    return out


def _load_png(path: Path) -> np.ndarray:
    from PySide6.QtGui import QImage

    image = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB888)
    ptr = image.constBits()
    data = np.frombuffer(ptr, np.uint8, image.sizeInBytes())
    return data.reshape(image.height(), image.bytesPerLine())[:, : image.width() * 3].reshape(
        image.height(), image.width(), 3
    ).copy()


def _count_colour(pixels: np.ndarray, hex_color: str, tol: int = 40) -> int:
    rgb = np.array([int(hex_color[i: i + 2], 16) for i in (1, 3, 5)])
    return int((np.abs(pixels.astype(int) - rgb).sum(axis=2) <= tol).sum())


def test_export_webmap_page_needs_no_external_url(map_page: Path) -> None:
    html = map_page.read_text(encoding="utf-8")
    assert required_external_urls(html) == []
    assert "cdn.jsdelivr" not in html and "cdnjs" not in html and "bootstrap" not in html.lower()
    assert "L.ShapeMarker" in html  # the runtime is inlined, not linked


def test_export_webmap_features_drew_in_offline_chromium(map_page: Path, tmp_path: Path) -> None:
    shot = tmp_path / "map.png"
    _chromium(map_page, tmp_path, f"--screenshot={shot}")
    pixels = _load_png(shot)
    assert pixels.shape[:2] == (800, 1200)
    map_area = pixels[80:780, 60:980]  # left of the legend, below the title
    background = np.array([0xF4, 0xF2, 0xEE])
    drawn = (np.abs(map_area.astype(int) - background).sum(axis=2) > 30).sum()
    assert drawn > 5000
    assert _count_colour(map_area, "#c0392b") > 800  # arterial roads, 3.5 px wide
    assert _count_colour(map_area, "#e67e22") > 300  # collector road
    assert _count_colour(map_area, "#2c7bb6") > 30  # open valves (diamonds)
    assert _count_colour(map_area, "#6c3483") > 100  # dashed kelurahan outline


def test_export_webmap_dom_has_paths_and_indonesian_popup(map_page: Path, tmp_path: Path) -> None:
    probed = tmp_path / "probed.html"
    probed.write_text(map_page.read_text(encoding="utf-8") + PROBE, encoding="utf-8")
    dom = _chromium(probed, tmp_path, "--dump-dom").stdout
    assert dom.count('class="leaflet-interactive"') >= 2 + 6 + 4 + 3  # every feature is a path
    popup = dom.split('class="leaflet-popup-content"', 1)[1].split("</table>", 1)[0]
    for text in ("Jalan: Jl. Nani Wartabone 0", "Kelas jalan", "Arteri", "Kondisi",
                 "Sangat buruk", "Dinas Pekerjaan Umum dan Penataan Ruang", "Lebar badan jalan"):
        assert text in popup, text
    assert "&lt;b&gt;rusak&lt;/b&gt;" in popup  # attribute text is escaped, not markup
    assert "UUID" not in popup  # the key is for machines, not for the council
    resources = dom.split('id="gd-probe-resources">', 1)[1].split("</pre>", 1)[0]
    assert "http" not in resources


def test_export_webmap_scale_range_hides_valves_when_zoomed_out(map_page: Path,
                                                                 tmp_path: Path) -> None:
    probed = tmp_path / "probed.html"
    probed.write_text(map_page.read_text(encoding="utf-8") + PROBE, encoding="utf-8")
    dom = _chromium(probed, tmp_path, "--dump-dom").stdout
    fitted, zoomed_out = dom.split('id="gd-probe-scales">', 1)[1].split("</pre>", 1)[0].split()
    states, scale = fitted.split("|")
    assert int(scale) < 25_000  # the test city fits at about 1:17 000
    assert states == "Kelurahan=shown;Jalan=shown;Katup=shown;survey_points=shown"
    states, scale = zoomed_out.split("|")
    assert int(scale) > 25_000  # valves are drawn only up to 1:25 000 (layers/valves)
    assert states == "Kelurahan=shown;Jalan=shown;Katup=hidden;survey_points=shown"


def test_export_webmap_legend_and_title_in_indonesian(map_page: Path, tmp_path: Path) -> None:
    dom = _chromium(map_page, tmp_path, "--dump-dom").stdout
    legend = dom.split('id="gd-legend"', 1)[1].split("</div></div>", 1)[0]
    for text in ("Legenda", "Jalan", "Arteri", "Kolektor", "Lokal", "Lainnya", "Katup",
                 "Terbuka", "Tertutup", "Kelurahan", "survey_points"):
        assert text in legend, text
    labels = [part.split("</span>", 1)[0].rsplit(">", 1)[1]
              for part in dom.split('<div class="leaflet-marker-icon gd-label')[1:]]
    assert labels == ["Biawao", "Limba U Dua"]  # kelurahan names drawn on the map
    assert "Peta Aset Kota Gorontalo" in dom.split('id="gd-title"', 1)[1]
    assert "<title>Peta Aset Kota Gorontalo</title>" in dom


@pytest.fixture(scope="module")
def city_with_notices(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample city in Indonesian, 300 features a layer: eight notices and a tall legend."""
    layers = open_path(sample_city_path(), catalog=default_catalog()).layers
    layers.sort(key=lambda lyr: {"polygon": 0, "line": 1}.get(lyr.geometry_kind, 2))
    out = tmp_path_factory.mktemp("webmap-city") / "kota.html"
    result = export_web_map(layers, out, title="Peta Aset Kota Gorontalo", lang="id",
                            max_features=300)
    assert len(result.messages) >= 8  # the notice box is big, as in a real limited export
    return out


@pytest.mark.parametrize("window", [(1366, 768), (1920, 1080)])
def test_export_webmap_panels_scale_bar_and_data_do_not_overlap(
        city_with_notices: Path, tmp_path: Path, window: tuple[int, int]) -> None:
    layout = _layout(city_with_notices, tmp_path, window)
    width, height = layout["viewport"]
    assert width == window[0] and height > window[1] * 0.8  # the browser's own bars take some
    panels = layout["panels"]
    assert all(box is not None for box in panels.values()), panels
    names = sorted(panels)
    for i, a in enumerate(names):
        box = panels[a]
        assert min(box[:2]) >= 0 and box[2] <= width and box[3] <= height, (a, box)
        for b in names[i + 1:]:
            assert not _overlap(box, panels[b]), (a, box, b, panels[b])
    # Metric only: one line, in metres or kilometres (Leaflet's imperial line says ft / mi).
    assert len(layout["scaleText"]) == 1, layout["scaleText"]
    assert re.fullmatch(r"\d+ k?m", layout["scaleText"][0]), layout["scaleText"]
    # The first view holds the whole city in the room the panels leave (16 px padding), and
    # fills that room to within one quarter zoom step (2 ** 0.25 = 1.19) in one direction.
    assert layout["viewContainsData"]
    room = [16, panels["title"][3] + 16,
            min(panels["legend"][0], panels["layers"][0]) - 16, panels["notice"][1] - 16]
    data = layout["data"]
    assert (room[0] <= data[0] and room[1] <= data[1] and data[2] <= room[2]
            and data[3] <= room[3]), (data, room)
    filled = max((data[2] - data[0]) / (room[2] - room[0]),
                 (data[3] - data[1]) / (room[3] - room[1]))
    assert filled > 1 / 2 ** 0.25 - 0.01, filled


def test_export_webmap_single_point_opens_at_street_zoom(tmp_path: Path) -> None:
    source = tmp_path / "one.gpkg"
    pyogrio.write_dataframe(survey_points().iloc[:1], source, layer="survey_points",
                            driver="GPKG")
    layer = read_layer(source, "survey_points", catalog=default_catalog())
    out = tmp_path / "one.html"
    export_web_map([layer], out, title="Satu titik")
    layout = _layout(out, tmp_path, (1366, 768))
    assert layout["zoom"] == POINT_ZOOM  # not Leaflet's maximum, not a fixed city-wide zoom
    assert layout["viewContainsData"]
    x, y = layout["data"][:2]
    assert 0 < x < 1366 and 0 < y < 768
    for name, box in layout["panels"].items():  # in the open, not under the legend or title
        if box is not None:
            assert not _overlap([x - 5, y - 5, x + 5, y + 5], box), (name, box)


# Appended to a page: the mouse wheel over the legend, then over the bare map; the zoom after
# each (Leaflet zooms on the wheel after a short debounce, hence the timers). Zoom animation is
# switched off: it waits for animation frames, which headless --dump-dom does not produce.
WHEEL_PROBE = """<script>
(function () {
  var map = gisdesk.map, zooms = [map.getZoom()];
  map._zoomAnimated = false;
  function wheel(el) {
    var r = el.getBoundingClientRect(), x = r.left + r.width / 2, y = r.top + r.height / 2;
    el.dispatchEvent(new WheelEvent("wheel", {deltaY: -300, deltaMode: 0, clientX: x,
                                              clientY: y, bubbles: true, cancelable: true}));
  }
  wheel(document.getElementById("gd-legend"));
  setTimeout(function () {
    zooms.push(map.getZoom());
    wheel(map.getContainer());
    setTimeout(function () {
      zooms.push(map.getZoom());
      var out = document.createElement("pre");
      out.id = "gd-probe-wheel";
      out.textContent = zooms.join(" ");
      document.body.appendChild(out);
    }, 500);
  }, 500);
}());
</script>"""


def test_export_webmap_wheel_over_legend_scrolls_it_not_the_map(map_page: Path,
                                                               tmp_path: Path) -> None:
    probed = tmp_path / "wheel.html"
    probed.write_text(map_page.read_text(encoding="utf-8") + WHEEL_PROBE, encoding="utf-8")
    dom = _chromium(probed, tmp_path, "--dump-dom").stdout
    start, after_legend, after_map = (
        float(z) for z in dom.split('id="gd-probe-wheel">', 1)[1].split("</pre>", 1)[0].split())
    assert after_legend == start  # the legend sits in the map's corner but keeps the wheel
    assert after_map > start  # the same wheel over the map does zoom (the probe works)
