"""Third-party real data (../shared/realdata): every sampled dataset opens or fails cleanly.

The sample covers each hard case listed in realdata/SOURCES.md (encodings, missing .shx, zips
with sub-folders, "!" in names, GeoJSONSeq with an odd extension, curves, TIN/MultiPatch, broken
JSON/KML, XML bombs, Parquet without a driver, custom CRSs, invalid Indonesian boundaries...).
bench/check_realdata.py sweeps all of them. Nothing is copied into the repository, and nothing
may be written into the data folder.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gisdesk.core.definitions import default_catalog
from gisdesk.io.errors import ReadError
from gisdesk.io.readers import list_layers, open_path

ROOT = Path(__file__).resolve().parents[2] / "shared" / "realdata"

pytestmark = [
    pytest.mark.realdata,
    pytest.mark.skipif(not ROOT.is_dir(), reason=f"no real data folder at {ROOT}"),
]

# path: (min layers read, min features in total, text expected in some problem note or None)
OPENS: dict[str, tuple[int, int, str | None]] = {
    "Toblerity-Fiona/coutwildrnp.shp": (1, 67, None),
    "Toblerity-Fiona/coutwildrnp.zip": (1, 67, None),
    "Toblerity-Fiona/!test.geojson": (1, 1, None),
    "Toblerity-Fiona/trio.seq": (1, 3, None),
    "Toblerity-Fiona/curves_line.csv": (1, 9, "EPSG:4326 was assumed"),
    "Toblerity-Fiona/test_tin.shp": (1, 1, "cannot draw"),
    "Toblerity-Fiona/testopenfilegdb.gdb.zip": (37, 400, "cannot draw"),
    "Toblerity-Fiona/test_gpx.gpx": (5, 1, None),
    "Toblerity-Fiona/example.topojson": (1, 3, "no CRS"),
    "rouault-gdal2/geojsonseq/test.geojsonl": (1, 1, None),
    "rouault-gdal2/shp/multipatch.shp": (1, 1, "cannot draw"),
    "rouault-gdal2/shp/chinese.dbf": (1, 1, None),
    "rouault-gdal2/shp/pointnan.shp": (1, 2, "no geometry"),
    "rouault-gdal2/shp/bigoffset.shp": (1, 1, "no CRS"),
    "rouault-gdal2/shp/extentnan.shp": (1, 0, "no CRS"),
    "rouault-gdal2/shp/buggymultipoly.shp": (1, 1, "no geometry"),
    "rouault-gdal2/shp/testpoly.shp": (1, 14, "invalid geometry"),
    "rouault-gdal2/shp/mixed_shape_type_non_conformant.shp": (1, 1, None),
    "rouault-gdal2/poly.shp": (1, 10, None),
    "rouault-gdal2/geojson/ogr_geojson_14.geojson": (1, 20, "invalid geometry"),
    "rouault-gdal2/geojson/test_type_promotion.json": (1, 2, None),
    "rouault-gdal2/geojson/point_with_utf8bom.json": (1, 1, None),
    "rouault-gdal2/testfgb/testmixed.geojson": (1, 2, None),
    "rouault-gdal2/testfgb/poly.fgb": (1, 10, None),
    "rouault-gdal2/gml/archsites.gml": (1, 1, "says it holds 25"),
    "rouault-gdal2/kml/geometries.kml": (1, 1, None),
    "rouault-gdal2/mitab/tab-win1251.TAB": (1, 3, None),
    "rouault-gdal2/mitab/all_geoms.tab": (1, 16, "cannot be transformed"),
    "rouault-gdal2/filegdb/weird_winding_order_fgdb.zip": (1, 1, None),
    "GeospatialPython-pyshp/latin1.shp": (1, 1, "no CRS"),
    "GeospatialPython-pyshp/REL.zip": (1, 1, None),
    "GeospatialPython-pyshp/blockgroups_multishapefile.zip": (2, 1326, "no CRS"),
    "geopandas-pyogrio/curve.gpkg": (1, 1, None),
    "geopandas-pyogrio/curvepolygon.gpkg": (1, 1, None),
    "geopandas-pyogrio/multisurface.gpkg": (1, 1, None),
    "geopandas-pyogrio/line_zm.gpkg": (1, 1, "Measured"),
    "geopandas-pyogrio/test_gpkg_nulls.gpkg": (1, 1, None),
    "geopandas-pyogrio/sample.osm.pbf": (5, 50, None),
    "geopandas-geopandas/qgis-intersection.shp": (1, 15, None),
    "geopandas-geopandas/null_geom.geojson": (1, 1, "no geometry"),
    "mapbox-geojsonhint/bad/different-first-last.geojson": (1, 1, None),
    "mapbox-geojsonhint/bad/short-line.geojson": (1, 1, "cannot draw"),
    "roelderickx-ogr2osm/shift-jis.geojson": (1, 2, "not valid UTF-8"),
    "roelderickx-ogr2osm/japanese.shp": (1, 2, "add a .cpg file"),
    "qgis-QGIS/delimitedtext/testwkt.csv": (1, 10, None),
    "qgis-QGIS/delimitedtext/testdms.csv": (1, 24, "no geometry"),
    "USEPA-WNTR/Net1_earthquake_data.geojson": (1, 4, "outside the area"),
    "ImperialCollegeLondon-SWMManywhere/nodes.geojson": (1, 15, None),
    "denyherianto-indonesia-38-provinces/indonesia-38-provinces.geojson": (1, 38, "invalid"),
    "inasafe-inasafe_data/boundaries/kecamatan_jakarta.shp": (1, 42, "invalid geometry"),
}

# path: text the ReadError must contain besides the file name
FAILS: dict[str, str] = {
    "GeospatialPython-pyshp/empty_zipfile.zip": "zip archive holds no file",
    "rouault-gdal2/kml/empty.kml": "no map layers",
    "rouault-gdal2/kml/truncated.kml": "damaged",
    "rouault-gdal2/kml/junk_content_after_valid_doc.kml": "damaged",
    "mapbox-geojsonhint/bad/bad-json.geojson": "damaged",
    "mapbox-geojsonhint/bad/rootstring.geojson": "not a vector format",
    "geopandas-pyogrio/list_field_values_file.parquet": "Parquet",
}


@pytest.fixture(scope="module")
def catalog():
    return default_catalog()


def _writable_files() -> set[Path]:
    return {p for p in ROOT.rglob("*") if p.is_file()}


@pytest.mark.parametrize("rel", sorted(OPENS))
def test_realdata_opens(rel: str, catalog) -> None:
    min_layers, min_features, note = OPENS[rel]
    path = ROOT / rel
    assert path.exists(), f"sample dataset missing: {rel}"
    result = open_path(path, catalog=catalog)
    assert len(result.layers) >= min_layers, [str(e) for e in result.errors]
    assert sum(len(layer.frame) for layer in result.layers) >= min_features
    for layer in result.layers:
        assert layer.source is not None and layer.source.path == path
        if layer.source_crs is not None and "cannot be transformed" not in " ".join(
            layer.problems
        ):
            assert layer.frame.crs.to_epsg() == 32651
    problems = " | ".join(p for layer in result.layers for p in layer.problems)
    if note is not None:
        assert note in problems


@pytest.mark.parametrize("rel", sorted(FAILS))
def test_realdata_fails_cleanly(rel: str) -> None:
    path = ROOT / rel
    assert path.exists(), f"sample dataset missing: {rel}"
    with pytest.raises(ReadError) as info:
        open_path(path)
    assert path.name in str(info.value)
    assert FAILS[rel] in str(info.value)
    assert info.value.hint


def test_realdata_xml_bomb_fails_per_layer_without_hanging() -> None:
    path = ROOT / "rouault-gdal2/osm/billionlaugh.osm"
    result = open_path(path)
    assert result.layers == []
    assert len(result.errors) == 5
    assert all("billionlaugh.osm" in str(e) and "damaged" in str(e) for e in result.errors)


def test_realdata_text_in_code_pages_is_decoded() -> None:
    chinese = open_path(ROOT / "rouault-gdal2/shp/chinese.dbf").layers[0].frame
    assert "中国" in chinese.columns
    cyrillic = open_path(ROOT / "rouault-gdal2/mitab/tab-win1251.TAB").layers[0].frame
    text = " ".join(str(v) for v in cyrillic.drop(columns="geometry").to_numpy().ravel())
    assert any("\u0400" <= ch <= "\u04ff" for ch in text)
    latin = open_path(ROOT / "GeospatialPython-pyshp/latin1.shp").layers[0].frame
    assert "Ñandú" in latin.drop(columns="geometry").to_numpy().ravel().tolist()


def test_realdata_custom_crs_kept_as_wkt() -> None:
    layer = open_path(ROOT / "geopandas-geopandas/qgis-intersection.shp").layers[0]
    assert layer.source_crs is not None and not layer.source_crs.startswith("EPSG:")
    assert layer.frame.crs.to_epsg() == 32651


def test_realdata_list_layers_of_multilayer_gdb() -> None:
    path = ROOT / "Toblerity-Fiona/testopenfilegdb.gdb.zip"
    infos = {info.name: info for info in list_layers(path)}
    assert len(infos) == 37
    assert infos["point"].feature_count == 5
    assert infos["point"].crs == "EPSG:4326"


def test_realdata_folder_is_never_written() -> None:
    before = {p: p.stat().st_mtime_ns for p in _writable_files()}
    for rel in ("GeospatialPython-pyshp/latin1.shp", "rouault-gdal2/shp/extentnan.shp"):
        open_path(ROOT / rel)
    after = {p: p.stat().st_mtime_ns for p in _writable_files()}
    assert after == before
