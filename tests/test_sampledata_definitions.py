"""The generated sample city matches the layer definitions exactly, and GDAL tools can read it."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from pathlib import Path

import numpy as np
import pyogrio
import pytest

from gisdesk import paths
from gisdesk.core.definitions import Catalog, default_catalog, load_catalog
from gisdesk.sampledata import generate_city
from gisdesk.sampledata.writer import SampleDataError

# GeoPackage column types GDAL writes for each definition field type.
SQL_TYPES = {
    "uuid": {"TEXT"}, "text": {"TEXT"}, "integer": {"INTEGER", "MEDIUMINT", "SMALLINT"},
    "real": {"REAL", "FLOAT", "DOUBLE"}, "date": {"DATE"}, "datetime": {"DATETIME"},
    "boolean": {"BOOLEAN"},
}
GEOMETRY_TYPES = {"Point": "POINT", "LineString": "LINESTRING", "Polygon": "POLYGON"}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return default_catalog()


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory, catalog: Catalog) -> Path:
    return generate_city(tmp_path_factory.mktemp("city") / "city.gpkg", scale=0.1, seed=11,
                         catalog=catalog)


def test_sampledata_has_one_layer_per_definition(city: Path, catalog: Catalog) -> None:
    names = {str(row[0]) for row in pyogrio.list_layers(city)}
    assert names == set(catalog.layers)


def test_sampledata_columns_match_field_types(city: Path, catalog: Catalog) -> None:
    with sqlite3.connect(city) as con:
        for layer in catalog.layers.values():
            info = con.execute(f'PRAGMA table_info("{layer.name}")').fetchall()
            columns = {row[1]: row[2].upper() for row in info if row[1] not in ("fid", "geom")}
            assert list(columns) == layer.field_names, layer.name
            for fdef in layer.fields:
                assert columns[fdef.name] in SQL_TYPES[fdef.type], (layer.name, fdef.name)


def test_sampledata_geometry_type_and_crs(city: Path, catalog: Catalog) -> None:
    with sqlite3.connect(city) as con:
        rows = con.execute(
            "SELECT table_name, geometry_type_name, srs_id FROM gpkg_geometry_columns"
        ).fetchall()
    found = {name: (gtype, srs) for name, gtype, srs in rows}
    for layer in catalog.layers.values():
        if layer.is_spatial:
            assert found[layer.name] == (GEOMETRY_TYPES[layer.geometry], 32651), layer.name
        else:
            assert layer.name not in found


def test_sampledata_values_respect_domains_ranges_required(city: Path, catalog: Catalog) -> None:
    for layer in catalog.layers.values():
        df = pyogrio.read_dataframe(city, layer=layer.name, read_geometry=False)
        assert len(df) > 0, layer.name
        for fdef in layer.fields:
            values = df[fdef.name]
            present = values.dropna()
            where = f"{layer.name}.{fdef.name}"
            if fdef.required:
                assert values.notna().all(), where
            domain = catalog.domain_for(layer, fdef.name)
            if domain is not None:
                assert set(present) <= set(domain.codes()), where
            if fdef.min is not None:
                assert (present >= fdef.min).all(), where
            if fdef.max is not None:
                assert (present <= fdef.max).all(), where
            if fdef.max_length is not None:
                assert present.str.len().max() <= fdef.max_length, where


def test_sampledata_keys_are_unique_uuid4_strings(city: Path, catalog: Catalog) -> None:
    pattern = r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"
    for layer in catalog.layers.values():
        keys = pyogrio.read_dataframe(city, layer=layer.name, columns=[layer.key],
                                      read_geometry=False)[layer.key]
        assert keys.is_unique, layer.name
        assert keys.str.match(pattern).all(), layer.name


def test_sampledata_geometries_valid_and_nonempty(city: Path, catalog: Catalog) -> None:
    for layer in catalog.layers.values():
        if not layer.is_spatial:
            continue
        gdf = pyogrio.read_dataframe(city, layer=layer.name, columns=[])
        assert gdf.crs.to_epsg() == 32651
        assert (~gdf.geometry.is_empty).all() and gdf.geometry.is_valid.all(), layer.name
        assert set(gdf.geom_type) == {layer.geometry}, layer.name


def test_sampledata_ogrinfo_lists_every_layer(city: Path, catalog: Catalog) -> None:
    ogrinfo = shutil.which("ogrinfo")
    if ogrinfo is None:
        pytest.skip("gdal-bin (ogrinfo) is not installed")
    result = subprocess.run([ogrinfo, "-ro", "-q", str(city)], capture_output=True, text=True,
                            check=True)
    listed = {line.split(":", 1)[1].split("(")[0].strip()
              for line in result.stdout.splitlines() if ":" in line}
    assert listed == set(catalog.layers)
    assert "Warning" not in result.stderr


def test_sampledata_scale_sets_building_count(tmp_path: Path, catalog: Catalog) -> None:
    small = generate_city(tmp_path / "a.gpkg", scale=0.05, catalog=catalog)
    bigger = generate_city(tmp_path / "b.gpkg", scale=0.2, catalog=catalog)
    n_small = pyogrio.read_info(small, layer="buildings")["features"]
    n_big = pyogrio.read_info(bigger, layer="buildings")["features"]
    assert 350 <= n_small <= 650
    assert 1500 <= n_big <= 2500
    assert np.isclose(n_big / n_small, 4, rtol=0.25)


def test_sampledata_follows_edited_definitions(tmp_path: Path) -> None:
    layers = tmp_path / "layers"
    shutil.copytree(paths.layers_dir(), layers)
    roads_yaml = layers / "roads" / "layer.yaml"
    text = roads_yaml.read_text(encoding="utf-8")
    extra = ("  - {name: speed_limit, type: integer, label: {en: Speed limit, id: Batas kecepatan},"
             " default: 40, min: 10, max: 120}\n"
             "  - {name: paved_by, type: text, label: {en: Paved by, id: Diaspal oleh}}\n")
    roads_yaml.write_text(text.replace("fields:\n", "fields:\n" + extra, 1), encoding="utf-8")
    catalog = load_catalog(layers)
    assert catalog.errors == []
    city = generate_city(tmp_path / "c.gpkg", scale=0.03, catalog=catalog)
    roads = pyogrio.read_dataframe(city, layer="roads", read_geometry=False)
    assert list(roads.columns[:2]) == ["speed_limit", "paved_by"]
    assert (roads["speed_limit"] == 40).all()
    assert roads["paved_by"].isna().all()


def test_sampledata_rejects_required_field_it_cannot_fill(tmp_path: Path) -> None:
    layers = tmp_path / "layers"
    shutil.copytree(paths.layers_dir(), layers)
    valves_yaml = layers / "valves" / "layer.yaml"
    extra = "  - {name: chamber_no, type: text, required: true, label: {en: Chamber, id: Bak}}\n"
    text = valves_yaml.read_text(encoding="utf-8")
    valves_yaml.write_text(text.replace("fields:\n", "fields:\n" + extra, 1), encoding="utf-8")
    with pytest.raises(SampleDataError, match=r"valves.*chamber_no"):
        generate_city(tmp_path / "c.gpkg", scale=0.03, catalog=load_catalog(layers))
    assert not list(tmp_path.glob("*.gpkg"))
