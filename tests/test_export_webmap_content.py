"""What goes into the web-map page: symbology, limits, simplification, safety, offline assets."""

from __future__ import annotations

import json
import re
from pathlib import Path

import folium
import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from shapely.geometry import LineString, Point
from test_export_support import CRS, X0, Y0, districts, roads, survey_points, valves

from gisdesk.core.definitions import default_catalog
from gisdesk.core.layer import MapLayer
from gisdesk.core.project import Project
from gisdesk.export import webmap_data
from gisdesk.export.webmap import POINT_ZOOM, export_web_map
from gisdesk.export.webmap_assets import required_external_urls
from gisdesk.export.webmap_style import default_symbol, split_color


@pytest.fixture(scope="module")
def catalog():
    return default_catalog()


def _layer(name: str, frame: gpd.GeoDataFrame, catalog) -> MapLayer:
    return MapLayer(name, frame, catalog.match(name))


def _payload_data(html: str, title: str) -> dict:
    """The JSON handed to gisdesk.vectorLayer for the layer titled ``title``."""
    for match in re.finditer(r"gisdesk\.vectorLayer\((\{.*?\}), map_\w+\)\.addTo", html, re.DOTALL):
        data = json.loads(match.group(1).replace("<\\/", "</"))
        if data["title"] == title:
            return data
    raise AssertionError(f"no layer titled {title}")


def test_export_webmap_styles_follow_symbology(tmp_path: Path, catalog) -> None:
    out = tmp_path / "m.html"
    export_web_map([_layer("roads", roads(), catalog)], out, title="t", catalog=catalog)
    data = _payload_data(out.read_text(encoding="utf-8"), "Roads")
    colours = [data["styles"][c]["color"] for c in data["cls"]]
    # roads(): ARTERIAL, ARTERIAL, COLLECTOR, LOCAL, LOCAL, TRACK (not a class -> "other")
    assert colours == ["#c0392b", "#c0392b", "#e67e22", "#7f8c8d", "#7f8c8d", "#999999"]
    assert data["styles"][data["cls"][0]]["weight"] == 3.5
    assert data["kind"] == "line" and len(data["geoms"]) == 6
    lon, lat = data["geoms"][0]["coordinates"][0]
    assert 122.9 < lon < 123.2 and 0.4 < lat < 0.7  # reprojected from UTM 51N to EPSG:4326


def test_export_webmap_point_shapes_and_domain_colours(tmp_path: Path, catalog) -> None:
    out = tmp_path / "m.html"
    export_web_map([_layer("valves", valves(), catalog)], out, title="t", catalog=catalog)
    data = _payload_data(out.read_text(encoding="utf-8"), "Valves")
    shapes = [data["styles"][c]["shape"] for c in data["cls"]]
    assert shapes == ["diamond", "diamond", "cross", "diamond"]
    assert data["styles"][data["cls"][1]]["fillColor"] == "#d7191c"  # CLOSED
    assert data["styles"][data["cls"][2]]["fill"] is False  # crosses are stroked only


def test_export_webmap_scale_range_goes_into_page_and_legend(tmp_path: Path, catalog) -> None:
    layers = [_layer("valves", valves(), catalog)]
    ranged, everywhere = tmp_path / "ranged.html", tmp_path / "all.html"
    export_web_map(layers, ranged, title="t", lang="id", catalog=catalog)
    export_web_map(layers, everywhere, title="t", catalog=catalog, scale_ranges=False)
    html = ranged.read_text(encoding="utf-8")
    assert _payload_data(html, "Katup")["max_scale"] == 25_000  # layers/valves/layer.yaml
    assert "(tampil mulai 1:25.000)" in html
    assert _payload_data(everywhere.read_text(encoding="utf-8"), "Valves")["max_scale"] is None


def test_export_webmap_undefined_layer_gets_default_style(tmp_path: Path, catalog) -> None:
    out = tmp_path / "m.html"
    layer = MapLayer("survey_points", survey_points(), None)
    export_web_map([layer], out, title="t", catalog=catalog)
    html = out.read_text(encoding="utf-8")
    data = _payload_data(html, "survey_points")
    expected, _ = split_color(default_symbol("survey_points", "point").color, 1.0)
    assert data["styles"] == [data["styles"][0]] and data["styles"][0]["fillColor"] == expected
    assert data["fields"] == ["kode_titik", "elevasi"]  # raw names without a definition
    assert data["rows"][0] == ["S0", "10.5"]


def test_export_webmap_popup_rows_use_labels_in_language(tmp_path: Path, catalog) -> None:
    out = tmp_path / "m.html"
    export_web_map([_layer("roads", roads(), catalog)], out, title="t", lang="id",
                   catalog=catalog)
    data = _payload_data(out.read_text(encoding="utf-8"), "Jalan")
    row = dict(zip(data["fields"], data["rows"][0], strict=True))
    assert row["Kondisi"] == "Sangat buruk" and row["Kelas jalan"] == "Arteri"
    assert row["Lebar badan jalan (m)"] == "6.5" and row["Terakhir diperiksa"] == "2024-01-15"
    assert data["fields"][data["label_index"]] == "Nama jalan"
    last = dict(zip(data["fields"], data["rows"][5], strict=True))
    assert last["Kelas jalan"] == "TRACK"  # an unknown code is shown, not hidden


def test_export_webmap_limits_large_layer_and_says_so(tmp_path: Path, catalog) -> None:
    points = gpd.GeoDataFrame({"n": np.arange(50)},
                              geometry=[Point(X0 + i * 10, Y0) for i in range(50)], crs=CRS)
    out = tmp_path / "m.html"
    result = export_web_map([MapLayer("pts", points)], out, title="t", max_features=10,
                            catalog=catalog)
    assert result.layers[0].total == 50 and result.layers[0].shown == 10
    assert result.messages == [
        "pts: showing 10 of 50 features (evenly spaced sample) to keep the page responsive"
    ]
    html = out.read_text(encoding="utf-8")
    assert result.messages[0] in html and 'id="gd-notice"' in html
    data = _payload_data(html, "pts")
    kept = [int(r[0]) for r in data["rows"]]
    assert kept[0] == 0 and kept[-1] == 49 and len(kept) == 10  # spread over the whole layer


def test_export_webmap_simplifies_dense_lines(tmp_path: Path, catalog, monkeypatch) -> None:
    monkeypatch.setattr(webmap_data, "SIMPLIFY_ABOVE_VERTICES", 1_000)
    xs = np.linspace(0, 3000, 2000)
    wiggle = np.where(np.arange(2000) % 2 == 0, 0.0, 0.05)  # 5 cm zigzag: invisible on a map
    lines = [LineString(np.column_stack([X0 + xs, Y0 + k * 100 + wiggle])) for k in range(3)]
    frame = gpd.GeoDataFrame({"k": [0, 1, 2]}, geometry=lines, crs=CRS)
    out = tmp_path / "m.html"
    result = export_web_map([MapLayer("dense", frame)], out, title="t", catalog=catalog)
    tolerance = result.layers[0].simplified_m
    assert tolerance is not None and 0.3 < tolerance < 1.0
    data = _payload_data(out.read_text(encoding="utf-8"), "dense")
    assert sum(len(g["coordinates"]) for g in data["geoms"]) < 3 * 20
    assert any("simplified" in m for m in result.messages)


def test_export_webmap_attribute_text_cannot_end_the_script(tmp_path: Path, catalog) -> None:
    frame = roads()
    frame.loc[0, "notes"] = "</script><script>alert('x')</script>"
    frame.loc[1, "notes"] = "{{ 7*7 }} {% if 1 %}x{% endif %}"  # not a template either
    odd = MapLayer("{{ 6*7 }}</script>", survey_points())  # a data layer name from a file
    out = tmp_path / "m.html"
    export_web_map([_layer("roads", frame, catalog), odd], out, title="<i>T</i>",
                   catalog=catalog)
    html = out.read_text(encoding="utf-8")
    assert _payload_data(html, "Roads")["rows"][1][5] == "{{ 7*7 }} {% if 1 %}x{% endif %}"
    assert '"{{ 6*7 }}<\\/script> (3)"' in html and '"42<' not in html
    assert "</script><script>alert" not in html
    assert "&lt;i&gt;T&lt;/i&gt;" in html  # the title is text too
    data = _payload_data(html, "Roads")
    assert "</script><script>alert('x')</script>" in data["rows"][0]


def test_export_webmap_is_offline_and_basemap_optional(tmp_path: Path, catalog) -> None:
    layers = [_layer("roads", roads(), catalog)]
    plain, online = tmp_path / "plain.html", tmp_path / "osm.html"
    export_web_map(layers, plain, title="t", catalog=catalog)
    export_web_map(layers, online, title="t", basemap="osm", catalog=catalog)
    assert "openstreetmap" not in plain.read_text(encoding="utf-8").lower()
    html = online.read_text(encoding="utf-8")
    assert "tile.openstreetmap.org" in html  # offered in the layer list...
    assert required_external_urls(html) == []  # ...but nothing is fetched to draw the page
    tile_var = re.search(r"var (tile_layer_\w+) = L\.tileLayer", html).group(1)
    assert f"{tile_var}.addTo(" not in html  # switched off until the user ticks it


def test_export_webmap_url_check_catches_cdn_links(tmp_path: Path) -> None:
    stock = folium.Map(tiles=None).get_root().render()  # folium's own template: CDN links
    found = required_external_urls(stock)
    assert any("leaflet" in url for url in found) and any("bootstrap" in url for url in found)
    css = "<style>.x{background:url('https://example.org/a.png')}</style>"
    assert required_external_urls(css) == ["https://example.org/a.png"]
    assert required_external_urls('<a href="https://leafletjs.com">Leaflet</a>') == []


def test_export_webmap_layer_without_crs_must_be_degrees(tmp_path: Path, catalog) -> None:
    frame = gpd.GeoDataFrame({"n": [1]}, geometry=[Point(X0, Y0)])  # UTM numbers, no CRS
    with pytest.raises(ValueError, match="layer 'mystery' has no CRS"):
        export_web_map([MapLayer("mystery", frame)], tmp_path / "m.html", title="t",
                       catalog=catalog)


def test_export_webmap_project_exports_visible_layers_in_order(tmp_path: Path, catalog) -> None:
    project = Project(catalog)
    project.add_layer(_layer("roads", roads(), catalog))
    project.add_layer(_layer("valves", valves(), catalog))
    project.add_layer(MapLayer("survey_points", survey_points()))
    project.set_visible("valves", False)
    out = tmp_path / "m.html"
    result = export_web_map(project, out, title="t")
    assert [s.name for s in result.layers] == ["roads", "survey_points"]
    html = out.read_text(encoding="utf-8")
    assert html.index('"title":"Roads"') < html.index('"title":"survey_points"')  # bottom first
    assert '"title":"Valves"' not in html


def test_export_webmap_area_names_inside_their_polygons(tmp_path: Path, catalog) -> None:
    out = tmp_path / "m.html"
    export_web_map([_layer("districts", districts(), catalog), _layer("roads", roads(), catalog)],
                   out, title="t", catalog=catalog)
    html = out.read_text(encoding="utf-8")
    labels = _payload_data(html, "Kelurahan")["labels"]
    assert labels["text"] == ["Biawao", "Limba U Dua"] and labels["max_scale"] == 60_000
    polygons = districts().to_crs(4326).geometry.to_numpy()
    for (lat, lon), polygon in zip(labels["latlon"], polygons, strict=True):
        assert polygon.contains(Point(lon, lat))
    assert _payload_data(html, "Roads")["labels"] is None  # line labels stay on the desktop


def _layout_options(html: str) -> dict:
    """The options handed to gisdesk.layoutPage (scale bar, panels, initial view)."""
    match = re.search(r"gisdesk\.layoutPage\(map_\w+, (\{.*?\})\);", html)
    assert match is not None, "page has no layout call"
    return json.loads(match.group(1))


def test_export_webmap_initial_view_is_the_data_extent(tmp_path: Path, catalog) -> None:
    out = tmp_path / "m.html"
    export_web_map([_layer("roads", roads(), catalog), _layer("valves", valves(), catalog)],
                   out, title="t", catalog=catalog)
    html = out.read_text(encoding="utf-8")
    both = pd.concat([roads().geometry, valves().geometry]).to_crs(4326)
    west, south, east, north = both.total_bounds
    options = _layout_options(html)
    (s, w), (n, e) = options["bounds"]
    assert [s, w, n, e] == pytest.approx([south, west, north, east], abs=1e-9)
    assert options["maxZoom"] is None  # an extent: as close as it fits
    assert options["padding"] > 0
    assert "L.control.scale()" not in html  # folium's scale bar would add feet and miles
    assert re.search(r"map_\w+\.fitBounds\(", html) is None  # the runtime fits, after the panels
    assert '"zoomSnap": 0.25' in html  # quarter steps: the fit is close, not up to 2x too small


def test_export_webmap_single_point_caps_the_zoom(tmp_path: Path, catalog) -> None:
    one = gpd.GeoDataFrame({"n": [1]}, geometry=[Point(X0, Y0)], crs=CRS)
    out = tmp_path / "m.html"
    export_web_map([MapLayer("pts", one)], out, title="t", catalog=catalog)
    options = _layout_options(out.read_text(encoding="utf-8"))
    south, west = options["bounds"][0]
    assert options["bounds"][1] == [south, west]
    assert options["maxZoom"] == POINT_ZOOM
