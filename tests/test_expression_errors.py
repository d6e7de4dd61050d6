"""Bad expressions give ExpressionError with a caret at the culprit; injections change nothing."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import pyogrio
import pytest
from shapely.geometry import Point

from gisdesk.core.definitions import default_catalog
from gisdesk.query.expression import Expression, ExpressionError, filter_mask


@pytest.fixture
def frame() -> pd.DataFrame:
    return pd.DataFrame({"floors": [1, 3], "name": ["A", "B"], "condition": [1, 2]})


def error_of(text: str, frame: pd.DataFrame, **kwargs) -> ExpressionError:
    with pytest.raises(ExpressionError) as info:
        filter_mask(text, frame, **kwargs)
    return info.value


def test_expression_errors_unknown_field_lists_valid_fields(frame):
    err = error_of('"flors" > 2', frame, layer_name="buildings")
    assert 'Unknown field "flors"' in err.message
    assert "buildings" in err.message
    assert "floors, name, condition" in err.message
    assert (err.pos, err.end) == (0, 7)
    assert err.caret_line == "^^^^^^^"


def test_expression_errors_type_mismatch_names_both_sides(frame):
    err = error_of("\"floors\" > 'three'", frame)
    assert "Type mismatch" in err.message
    assert "number" in err.message and "text" in err.message
    assert err.pos == 0


def test_expression_errors_arithmetic_on_text_points_at_operand(frame):
    err = error_of('"floors" = 1 AND "name" * 2 > 1', frame)
    assert err.pos == len('"floors" = 1 AND ')
    assert err.end == err.pos + len('"name"')


@pytest.mark.parametrize(
    ("text", "position", "words"),
    [
        ('"floors" >', 10, "end of the expression"),
        ('"floors" > > 2', 11, "Expected a value"),
        ("(\"floors\" > 2", 13, "Expected ')'"),
        ('"floors" > 2 2', 13, "Unexpected '2'"),
        ('"floors" # 2', 9, "Unexpected character '#'"),
        ("'unclosed", 0, "Unterminated string"),
        ('"floors" IS 2', 12, "Expected 'NULL'"),
        ("1 < 2 < 3", 6, "cannot be chained"),
        ("", 0, "empty"),
        ("nosuch(1)", 0, "Unknown function nosuch()"),
        ("round()", 0, "takes 1 to 2 arguments"),
        ("year(\"floors\") = 1", 5, "year() expects date or text"),
        ('"floors" AND TRUE', 0, "AND needs a condition"),
        ("$area > 1", 0, "needs a layer with geometries"),
        ("$bogus > 1", 0, "Unknown variable $bogus"),
        ('"name" LIKE "floors"', 12, "LIKE needs a text pattern"),
    ],
)
def test_expression_errors_point_at_position(frame, text, position, words):
    err = error_of(text, frame)
    assert words in err.message
    assert err.pos == position
    if text:
        assert "^" in str(err).splitlines()[-1]


def test_expression_errors_filter_must_be_condition(frame):
    err = error_of('"floors" + 1', frame)
    assert "must be a condition" in err.message


def test_expression_errors_unknown_domain_label_lists_labels(frame):
    catalog = default_catalog()
    err = error_of(
        "\"condition\" = 'Terrible'", frame, definition=catalog.layers["buildings"],
        catalog=catalog,
    )
    assert "'Terrible' is not a label" in err.message
    assert "Poor / Buruk" in err.message
    assert err.pos == len('"condition" = ')


def test_expression_errors_area_without_crs_is_clear():
    frame = gpd.GeoDataFrame({"a": [1]}, geometry=[Point(0, 0).buffer(1)], crs=None)
    err = error_of("$area > 1", frame, layer_name="buildings")
    assert "no coordinate reference system" in err.message
    assert "buildings" in err.message


@pytest.mark.parametrize(
    "attack",
    [
        "'; DROP TABLE buildings; --",
        "\"floors\" = 1; DROP TABLE buildings; --",
        "__import__('os').system('touch pwned')",
        "\"floors\" = 1 OR 1=1; DELETE FROM buildings",
        "exec('import os')",
        "\"name\" = ''; DROP TABLE buildings; --'",
    ],
)
def test_expression_errors_injection_changes_nothing(tmp_path, attack, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "city.gpkg"
    frame = gpd.GeoDataFrame(
        {"floors": [1, 3], "name": ["A", "B"]}, geometry=[Point(0, 0), Point(1, 1)],
        crs="EPSG:32750",
    )
    frame.to_file(path, layer="buildings")
    before = path.read_bytes()
    data = pyogrio.read_dataframe(path, layer="buildings", use_arrow=True)
    try:
        mask = Expression(attack).mask(data)
    except ExpressionError:
        mask = None
    if mask is not None:  # a harmless string comparison at most
        assert mask.dtype == bool and len(mask) == 2
    assert path.read_bytes() == before
    assert pyogrio.list_layers(path)[:, 0].tolist() == ["buildings"]
    assert not (tmp_path / "pwned").exists()
    assert len(data) == 2
