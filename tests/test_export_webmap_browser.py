"""The exported web map drawn by a real browser (headless Chromium) with the network off.

Chromium gets no DNS (every host maps to NOTFOUND) and a dead proxy, so anything the page tried
to fetch from the internet would fail; the tests then check the features drew (SVG paths in the
DOM, symbology colours in the screenshot), popups show Indonesian domain labels, and the page
requested no external resource. Skipped when Chromium is not installed.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from test_export_support import write_city

from gisdesk.core.definitions import default_catalog
from gisdesk.core.project import Project
from gisdesk.export.webmap import export_web_map
from gisdesk.export.webmap_assets import required_external_urls
from gisdesk.io.readers import read_layer

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")

OFFLINE_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=http://127.0.0.1:9",
    "--window-size=1200,800", "--virtual-time-budget=4000",
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


def _chromium(page: Path, tmp_path: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / "chromium-profile"
    profile.mkdir(exist_ok=True)
    return subprocess.run(
        [CHROMIUM, *OFFLINE_FLAGS, f"--user-data-dir={profile}", *extra, page.as_uri()],
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
