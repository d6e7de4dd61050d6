"""Files that cannot be read fail with a ReadError naming the file (and layer) and the reason."""

from __future__ import annotations

import zipfile
from pathlib import Path

import geopandas as gpd
import pytest
import shapely

from gisdesk.io.errors import ReadError
from gisdesk.io.readers import list_layers, open_path, read_layer


def _points(path: Path, **kwargs: object) -> Path:
    frame = gpd.GeoDataFrame(
        {"asset_id": ["D-1", "D-2"]},
        geometry=[shapely.Point(123.06, 0.54), shapely.Point(123.07, 0.55)],
        crs="EPSG:4326",
    )
    frame.to_file(path, engine="pyogrio", **kwargs)
    return path


def test_io_errors_missing_file_names_it(tmp_path: Path):
    path = tmp_path / "nope.gpkg"
    with pytest.raises(ReadError) as info:
        read_layer(path)
    assert str(path) in str(info.value)
    assert "does not exist" in str(info.value)


@pytest.mark.parametrize("name", ["drains.gpkg", "drains.geojson", "drains.shp", "drains.kml"])
def test_io_errors_garbage_content_names_file_and_says_what_to_do(tmp_path: Path, name: str):
    path = tmp_path / name
    path.write_bytes(b"\x00\x01this is not a map\xff" * 20)
    with pytest.raises(ReadError) as info:
        open_path(path)
    message = str(info.value)
    assert name in message
    assert info.value.hint, "a hint tells the user what to do"
    with pytest.raises(ReadError):
        list_layers(path)


def test_io_errors_truncated_geojson_is_a_clean_error(tmp_path: Path):
    good = _points(tmp_path / "drains.geojson").read_text()
    path = tmp_path / "cut.geojson"
    path.write_text(good[: len(good) // 2])
    with pytest.raises(ReadError) as info:
        read_layer(path)
    assert "cut.geojson" in str(info.value)
    assert "damaged" in str(info.value) or "not a vector format" in str(info.value)


def test_io_errors_unknown_layer_lists_the_real_ones(tmp_path: Path):
    path = _points(tmp_path / "city.gpkg", layer="drains")
    with pytest.raises(ReadError) as info:
        read_layer(path, "roads")
    assert "roads" in str(info.value) and "drains" in str(info.value)
    assert read_layer(path, "DRAINS").name == "drains"


def test_io_errors_empty_zip_says_so(tmp_path: Path):
    path = tmp_path / "empty.zip"
    with zipfile.ZipFile(path, "w"):
        pass
    with pytest.raises(ReadError) as info:
        open_path(path)
    assert "empty.zip" in str(info.value)
    assert "zip" in info.value.reason


def test_io_errors_one_bad_layer_does_not_stop_the_others(tmp_path: Path):
    good = _points(tmp_path / "drains.shp")
    bad = tmp_path / "broken.geojson"
    bad.write_text('{"type": "FeatureCollection", "features": [ {"type": "Feat')
    path = tmp_path / "delivery.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for part in tmp_path.glob("drains.*"):
            archive.write(part, f"delivery/{part.name}")
        archive.write(bad, "delivery/broken.geojson")
    result = open_path(path)
    assert [layer.name for layer in result.layers] == ["drains"]
    assert len(result.layers[0].frame) == 2
    assert good.exists()


def test_io_errors_unsupported_format_suggests_alternatives(tmp_path: Path):
    path = tmp_path / "notes.txt"
    path.write_text("just some notes about the pump station\n")
    with pytest.raises(ReadError) as info:
        read_layer(path)
    assert "notes.txt" in str(info.value)


def test_io_errors_message_mentions_layer_when_a_layer_fails(tmp_path: Path):
    err = ReadError(tmp_path / "x.gpkg", "the geometry is damaged", layer="roads", hint="Fix it.")
    text = str(err)
    assert "x.gpkg" in text and "'roads'" in text and "geometry is damaged" in text
    assert text.endswith("Fix it.")
