"""Null, empty, invalid, curved and unsupported geometries: kept, reported, never fatal."""

from __future__ import annotations

import json
from pathlib import Path

import shapely

from gisdesk.io.readers import read_layer


def _feature(fid: int, geometry: dict | None) -> dict:
    return {"type": "Feature", "properties": {"asset_id": f"B-{fid}"}, "geometry": geometry}


def _ring(x0: float, y0: float, d: float = 0.001) -> list[list[float]]:
    return [[x0, y0], [x0 + d, y0], [x0 + d, y0 + d], [x0, y0 + d], [x0, y0]]


def _write_geojson(path: Path, features: list[dict]) -> Path:
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    return path


def test_io_hard_geometries_null_empty_invalid_are_kept_and_reported(tmp_path: Path):
    bowtie = [[[123.05, 0.54], [123.06, 0.55], [123.06, 0.54], [123.05, 0.55], [123.05, 0.54]]]
    features = [
        _feature(0, {"type": "Polygon", "coordinates": [_ring(123.05, 0.54)]}),
        _feature(1, None),
        _feature(2, {"type": "Polygon", "coordinates": []}),
        _feature(3, {"type": "Polygon", "coordinates": bowtie}),
        _feature(4, {"type": "Polygon", "coordinates": [_ring(123.07, 0.56)]}),
    ]
    layer = read_layer(_write_geojson(tmp_path / "buildings.geojson", features))
    assert layer.frame["asset_id"].tolist() == [f"B-{i}" for i in range(5)]
    missing = layer.frame.geometry.isna()
    assert missing.tolist() == [False, True, True, False, False]
    no_geom = [p for p in layer.problems if "no geometry" in p]
    invalid = [p for p in layer.problems if "invalid geometry" in p]
    assert len(no_geom) == 1 and no_geom[0].startswith("2 feature(s)")
    assert len(invalid) == 1 and invalid[0].startswith("1 feature(s)")
    assert "ids 3" in invalid[0]
    assert not shapely.is_valid(layer.frame.geometry.iloc[3])  # kept as it is


def test_io_hard_geometries_collection_of_one_kind_becomes_multi(tmp_path: Path):
    collection = {
        "type": "GeometryCollection",
        "geometries": [
            {"type": "Point", "coordinates": [123.05, 0.54]},
            {"type": "Point", "coordinates": [123.06, 0.55]},
        ],
    }
    mixed = {
        "type": "GeometryCollection",
        "geometries": [
            {"type": "Point", "coordinates": [123.05, 0.54]},
            {"type": "LineString", "coordinates": [[123.05, 0.54], [123.06, 0.55]]},
        ],
    }
    layer = read_layer(
        _write_geojson(tmp_path / "gc.geojson", [_feature(0, collection), _feature(1, mixed)])
    )
    assert layer.frame.geom_type.tolist() == ["MultiPoint", "GeometryCollection"]
    assert len(layer.frame.geometry.iloc[0].geoms) == 2
    mixed = [p for p in layer.problems if "GeometryCollection" in p]
    assert len(mixed) == 1 and mixed[0].startswith("1 feature(s)") and "ids 1" in mixed[0]


def test_io_hard_geometries_unclosed_ring_is_closed(tmp_path: Path):
    ring = _ring(123.05, 0.54)[:-1]  # last point missing: not a valid GeoJSON ring
    layer = read_layer(
        _write_geojson(tmp_path / "open.geojson", [_feature(0, {"type": "Polygon",
                                                                 "coordinates": [ring]})])
    )
    geom = layer.frame.geometry.iloc[0]
    assert geom is not None and geom.geom_type == "Polygon"
    assert geom.area > 0


def test_io_hard_geometries_curves_are_linearised(tmp_path: Path):
    path = tmp_path / "curves.csv"
    path.write_text(
        "asset_id,wkt\n"
        'R-1,"CIRCULARSTRING (123.05 0.54, 123.06 0.55, 123.07 0.54)"\n'
        'R-2,"LINESTRING (123.05 0.54, 123.07 0.54)"\n'
    )
    layer = read_layer(path)
    assert layer.frame["asset_id"].tolist() == ["R-1", "R-2"]
    arc = layer.frame.geometry.iloc[0]
    assert arc.geom_type in ("LineString", "MultiLineString")
    assert len(shapely.get_coordinates(arc)) > 10  # an arc, not a chord
    assert layer.geometry_kind == "line"


def test_io_hard_geometries_tin_loads_attributes_with_a_warning(tmp_path: Path):
    path = tmp_path / "terrain.csv"
    path.write_text(
        "asset_id,wkt\n"
        'T-1,"TIN Z (((0 0 0,0 0 1,0 1 0,0 0 0)),((0 0 0,0 1 0,1 1 0,0 0 0)))"\n'
        'T-2,"POINT (1 1)"\n'
    )
    layer = read_layer(path)
    assert layer.frame["asset_id"].tolist() == ["T-1", "T-2"]
    assert layer.frame.geometry.iloc[0] is None
    assert layer.frame.geometry.iloc[1].geom_type == "Point"
    warning = [p for p in layer.problems if "cannot draw" in p]
    assert len(warning) == 1 and warning[0].startswith("1 feature(s)")
    assert not any("no geometry" in p for p in layer.problems)


def test_io_hard_geometries_nan_point_is_not_drawn(tmp_path: Path):
    path = tmp_path / "nan.csv"
    path.write_text("asset_id,x,y\nP-1,123.05,0.54\nP-2,nan,nan\n")
    layer = read_layer(path)
    assert len(layer.frame) == 2
    assert layer.frame.geometry.isna().tolist() == [False, True]
