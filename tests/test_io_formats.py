"""Every supported vector format opens through gisdesk.io.readers (fixtures written in tmp_path)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import geopandas as gpd
import pytest
import shapely

from gisdesk.core.definitions import default_catalog
from gisdesk.io.readers import list_layers, open_path, read_layer

# Three valves in Kota Gorontalo (lon/lat), with Indonesian text that needs a code page.
LONLAT = [(123.0590, 0.5412), (123.0641, 0.5437), (123.0702, 0.5391)]
NAMES = ["Katup Jalan Nani Wartabone", "Katup Pasar Sentral — café", "Katup Ñandú"]


def _valves(crs: str | None = "EPSG:4326") -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {"asset_id": ["V-001", "V-002", "V-003"], "notes": NAMES, "diam_mm": [100, 150, 200]},
        geometry=[shapely.Point(x, y) for x, y in LONLAT],
        crs=crs,
    )


def _write(frame: gpd.GeoDataFrame, path: Path, driver: str, **kwargs: object) -> Path:
    frame.to_file(path, driver=driver, engine="pyogrio", **kwargs)
    return path


def _assert_valves(layer, name: str = "valves") -> None:
    assert layer.name.lower() == name
    assert len(layer.frame) == 3
    assert sorted(layer.frame["asset_id"]) == ["V-001", "V-002", "V-003"]
    assert layer.frame.crs.to_epsg() == 32651
    assert layer.geometry_kind == "point"
    minx, miny, maxx, maxy = layer.extent()
    assert 500_000 < minx < maxx < 520_000 and 55_000 < miny < maxy < 65_000


@pytest.mark.parametrize(
    ("suffix", "driver"),
    [
        (".gpkg", "GPKG"),
        (".geojson", "GeoJSON"),
        (".geojsonl", "GeoJSONSeq"),
        (".fgb", "FlatGeobuf"),
        (".kml", "KML"),
        (".gml", "GML"),
        (".shp", "ESRI Shapefile"),
    ],
)
def test_io_formats_each_driver_loads_and_reprojects(tmp_path: Path, suffix: str, driver: str):
    path = _write(_valves(), tmp_path / f"valves{suffix}", driver)
    layer = read_layer(path, catalog=default_catalog())
    _assert_valves(layer)
    assert layer.source_crs == "EPSG:4326"
    assert layer.definition is not None and layer.definition.name == "valves"
    assert layer.source.path == path


def test_io_formats_geopackage_every_layer_with_definitions(tmp_path: Path):
    path = tmp_path / "city.gpkg"
    _write(_valves(), path, "GPKG", layer="valves")
    mains = gpd.GeoDataFrame(
        {"asset_id": ["M-1"]}, geometry=[shapely.LineString(LONLAT)], crs="EPSG:4326"
    )
    _write(mains, path, "GPKG", layer="Water_Mains")
    _write(_valves(), path, "GPKG", layer="survey_points")
    result = open_path(path, catalog=default_catalog())
    assert result.errors == []
    by_name = {layer.name: layer for layer in result.layers}
    assert set(by_name) == {"valves", "Water_Mains", "survey_points"}
    assert by_name["Water_Mains"].definition.name == "water_mains"
    assert by_name["survey_points"].definition is None
    assert by_name["Water_Mains"].geometry_kind == "line"
    infos = {info.name: info for info in list_layers(path)}
    assert infos["valves"].feature_count == 3
    assert infos["valves"].crs == "EPSG:4326"
    assert infos["Water_Mains"].fields == {"asset_id": "object"}


@pytest.mark.parametrize("encoding", ["cp1252", "latin1"])
def test_io_formats_shapefile_honours_cpg(tmp_path: Path, encoding: str):
    frame = _valves()
    frame.loc[1, "notes"] = "Katup Pasar Sentral — café" if encoding == "cp1252" else "café"
    path = _write(frame, tmp_path / "valves.shp", "ESRI Shapefile", encoding=encoding)
    assert (tmp_path / "valves.cpg").read_text().strip() != ""
    layer = read_layer(path)
    assert layer.frame["notes"].tolist()[1] == frame.loc[1, "notes"]
    assert layer.frame["notes"].tolist()[2] == "Katup Ñandú"


def test_io_formats_shapefile_without_cpg_reads_latin1(tmp_path: Path):
    frame = _valves()
    frame["notes"] = ["Jalan Pangeran Hidayat", "café", "Katup Ñandú"]
    path = _write(frame, tmp_path / "valves.shp", "ESRI Shapefile", encoding="latin1")
    (tmp_path / "valves.cpg").unlink()
    layer = read_layer(path)
    assert layer.frame["notes"].tolist() == frame["notes"].tolist()


def test_io_formats_shapefile_missing_shx_is_rebuilt_in_a_copy(tmp_path: Path):
    path = _write(_valves(), tmp_path / "valves.shp", "ESRI Shapefile")
    (tmp_path / "valves.shx").unlink()
    layer = read_layer(path)
    _assert_valves(layer)
    assert not (tmp_path / "valves.shx").exists(), "the user's folder must not be written to"


def test_io_formats_zipped_shapefile_at_root_and_in_subfolder(tmp_path: Path):
    folder = tmp_path / "shp"
    folder.mkdir()
    _write(_valves(), folder / "valves.shp", "ESRI Shapefile")
    for name, prefix in (("root.zip", ""), ("nested.zip", "data/2024/")):
        with zipfile.ZipFile(tmp_path / name, "w") as archive:
            for part in folder.iterdir():
                archive.write(part, prefix + part.name)
        result = open_path(tmp_path / name, catalog=default_catalog())
        assert result.errors == []
        assert len(result.layers) == 1
        _assert_valves(result.layers[0])
        assert result.layers[0].definition.name == "valves"
        again = read_layer(tmp_path / name, "valves")
        assert len(again.frame) == 3


def test_io_formats_geojson_with_bang_in_name(tmp_path: Path):
    # pyogrio cannot write such a name either: write, then rename.
    path = _write(_valves(), tmp_path / "valves.geojson", "GeoJSON").rename(
        tmp_path / "!valves.geojson"
    )
    layer = read_layer(path)
    assert layer.name == "!valves"
    assert len(layer.frame) == 3
    assert [info.name for info in list_layers(path)] == ["!valves"]


def test_io_formats_newline_geojson_with_odd_extension_reads_every_feature(tmp_path: Path):
    seq = _write(_valves(), tmp_path / "valves.geojsonl", "GeoJSONSeq")
    odd = seq.rename(tmp_path / "valves.seq")
    layer = read_layer(odd)
    assert len(layer.frame) == 3


@pytest.mark.parametrize("column", ["wkt", "WKT", "geom", "the_geom", "geometry"])
def test_io_formats_csv_wkt_column_any_common_name(tmp_path: Path, column: str):
    lines = [f"asset_id,{column},name"] + [
        f'V-00{i + 1},"POINT ({x} {y})",{n}'
        for i, ((x, y), n) in enumerate(zip(LONLAT, NAMES, strict=True))
    ]
    path = tmp_path / "valves.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    layer = read_layer(path)
    _assert_valves(layer)
    assert column == "geometry" or column not in layer.frame.columns
    assert layer.frame["name"].tolist() == NAMES
    assert any("EPSG:4326 was assumed" in p for p in layer.problems)


@pytest.mark.parametrize(
    ("xname", "yname"),
    [("x", "y"), ("lon", "lat"), ("Longitude", "Latitude"), ("bujur", "lintang")],
)
def test_io_formats_csv_xy_lonlat_assumes_wgs84(tmp_path: Path, xname: str, yname: str):
    rows = [f"asset_id,{xname},{yname}"]
    rows += [f"V-00{i + 1},{x},{y}" for i, (x, y) in enumerate(LONLAT)]
    path = tmp_path / "valves.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    layer = read_layer(path)
    _assert_valves(layer)
    assert layer.source_crs == "EPSG:4326"
    assert layer.frame["asset_id"].tolist() == ["V-001", "V-002", "V-003"]


def test_io_formats_csv_easting_northing_without_crs_is_flagged(tmp_path: Path):
    utm = _valves().to_crs("EPSG:32651")
    rows = ["asset_id,easting,northing"] + [
        f"{a},{p.x:.2f},{p.y:.2f}" for a, p in zip(utm["asset_id"], utm.geometry, strict=True)
    ]
    path = tmp_path / "valves.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    layer = read_layer(path)
    assert layer.source_crs is None
    assert layer.frame.crs is None
    assert "no CRS — set it with Layer ▸ Set CRS" in layer.problems
    assert layer.frame.geometry.x.round(2).tolist() == utm.geometry.x.round(2).tolist()


def test_io_formats_shapefile_with_bang_in_name(tmp_path: Path):
    _write(_valves(), tmp_path / "valves.shp", "ESRI Shapefile")
    for part in list(tmp_path.glob("valves.*")):
        part.rename(tmp_path / ("survey!" + part.name))
    layer = read_layer(tmp_path / "survey!valves.shp")
    _assert_valves(layer, name="survey!valves")
    assert layer.source.path == tmp_path / "survey!valves.shp"


def test_io_formats_folder_of_shapefiles(tmp_path: Path):
    folder = tmp_path / "delivery"
    folder.mkdir()
    _write(_valves(), folder / "valves.shp", "ESRI Shapefile")
    _write(_valves(), folder / "hydrants.shp", "ESRI Shapefile")
    result = open_path(folder, catalog=default_catalog())
    assert sorted(layer.name for layer in result.layers) == ["hydrants", "valves"]
    assert {layer.definition.name for layer in result.layers} == {"hydrants", "valves"}


def test_io_formats_kmz(tmp_path: Path):
    kml = _write(_valves(), tmp_path / "doc.kml", "KML")
    with zipfile.ZipFile(tmp_path / "valves.kmz", "w") as archive:
        archive.write(kml, "doc.kml")
    result = open_path(tmp_path / "valves.kmz")
    assert result.errors == []
    assert sum(len(layer.frame) for layer in result.layers) == 3


def test_io_formats_csv_excel_export_with_semicolons_and_decimal_commas(tmp_path: Path):
    # Excel in an Indonesian locale writes "123,059" and separates columns with ";".
    rows = ["asset_id;lon;lat"] + [
        f"V-00{i + 1};{x};{y}".replace(".", ",") for i, (x, y) in enumerate(LONLAT)
    ]
    path = tmp_path / "valves.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    layer = read_layer(path)
    _assert_valves(layer)


def test_io_formats_gml_open_writes_no_gfs_next_to_the_data(tmp_path: Path):
    # GDAL saves the schema it guessed as <name>.gfs beside a GML without .xsd unless told not to.
    path = _write(_valves(), tmp_path / "valves.gml", "GML")
    (tmp_path / "valves.xsd").unlink()
    before = sorted(p.name for p in tmp_path.iterdir())
    assert [info.name for info in list_layers(path)] == ["valves"]
    result = open_path(path, catalog=default_catalog())
    assert result.errors == []
    _assert_valves(result.layers[0])
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert not (tmp_path / "valves.gfs").exists()


def test_io_formats_gml_with_two_layers_lists_both_without_gfs(tmp_path: Path):
    source = Path(__file__).resolve().parents[2] / "shared" / "realdata" / "rouault-gdal2" / "gml"
    if not (source / "wfs_200_multiplelayers.gml").is_file():
        pytest.skip(f"no real GML sample in {source}")
    path = tmp_path / "wfs.gml"
    path.write_bytes((source / "wfs_200_multiplelayers.gml").read_bytes())
    assert [info.name for info in list_layers(path)] == ["road", "popplace"]
    result = open_path(path)
    assert [(layer.name, len(layer.frame)) for layer in result.layers] == [
        ("road", 1), ("popplace", 1)]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["wfs.gml"]
