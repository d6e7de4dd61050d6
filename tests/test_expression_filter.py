"""Expression filters on a small hand-made water-mains table, written to and read from a GPKG."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import pytest
from shapely.geometry import LineString

from gisdesk.core.definitions import default_catalog
from gisdesk.query.expression import Expression, filter_mask


@pytest.fixture(scope="module")
def catalog():
    return default_catalog()


@pytest.fixture(scope="module")
def mains(tmp_path_factory) -> gpd.GeoDataFrame:
    """Five mains in UTM 50S: lengths 100, 200, 300, 400, 500 m; one condition NULL."""
    frame = gpd.GeoDataFrame(
        {
            "asset_id": ["WM-1", "WM-2", "WM-3", "WM-4", "wm-5"],
            "condition": pd.array([1, 2, 3, None, 5], dtype="Int64"),
            "install_year": [1980, 1995, 1970, 1960, 2000],
            "material": ["CI", "PVC", "AC", "PVC", "HDPE"],
            "name": ["Jl. Sudirman", "Jl. Ahmad Yani", None, "Gang Mawar", "jl. pantai"],
            "last_inspected": pd.to_datetime(
                ["2020-01-01", "2021-05-03", None, "2019-12-31", "2024-01-01"]
            ),
        },
        geometry=[LineString([(0, i * 10), ((i + 1) * 100, i * 10)]) for i in range(5)],
        crs="EPSG:32750",
    )
    path = tmp_path_factory.mktemp("expr") / "mains.gpkg"
    frame.to_file(path, layer="water_mains")
    return pyogrio.read_dataframe(path, layer="water_mains", use_arrow=True)


def ids(frame: gpd.GeoDataFrame, text: str, catalog=None) -> list[str]:
    definition = catalog.layers["water_mains"] if catalog else None
    return frame.loc[filter_mask(text, frame, definition, catalog), "asset_id"].tolist()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"condition" <= 2 AND "install_year" < 1990', ["WM-1"]),
        ('"condition" <= 2 OR "install_year" < 1975', ["WM-1", "WM-2", "WM-3", "WM-4"]),
        ('NOT "condition" > 2', ["WM-1", "WM-2"]),
        ('"condition" <> 1', ["WM-2", "WM-3", "wm-5"]),
        ('"condition" != 1', ["WM-2", "WM-3", "wm-5"]),
        ('"condition" IS NULL', ["WM-4"]),
        ('"condition" IS NOT NULL AND "condition" >= 3', ["WM-3", "wm-5"]),
        ('"material" IN (\'CI\', \'AC\')', ["WM-1", "WM-3"]),
        ('"material" NOT IN (\'CI\', \'AC\')', ["WM-2", "WM-4", "wm-5"]),
        ('"install_year" BETWEEN 1970 AND 1990', ["WM-1", "WM-3"]),
        ('"install_year" NOT BETWEEN 1970 AND 1990', ["WM-2", "WM-4", "wm-5"]),
        ("\"name\" LIKE 'Jl. %'", ["WM-1", "WM-2"]),
        ("\"name\" ILIKE 'jl. %'", ["WM-1", "WM-2", "wm-5"]),
        ("\"asset_id\" LIKE 'WM-_'", ["WM-1", "WM-2", "WM-3", "WM-4"]),
        ("\"name\" NOT LIKE '%a%'", []),
        ("(\"install_year\" + 5) * 2 > 4000", ["wm-5"]),
        ('"install_year" % 20 = 0', ["WM-1", "WM-4", "wm-5"]),
        ("year(\"last_inspected\") = 2021", ["WM-2"]),
        ("month(\"last_inspected\") = 12", ["WM-4"]),
        ("\"last_inspected\" < '2020-06-01'", ["WM-1", "WM-4"]),
        ("lower(\"asset_id\") = 'wm-3'", ["WM-3"]),
        ("upper(\"name\") = 'JL. PANTAI'", ["wm-5"]),
        ("length(\"name\") = 10", ["WM-4", "wm-5"]),
        ("coalesce(\"condition\", 0) = 0", ["WM-4"]),
        ("abs(\"install_year\" - 1990) <= 10", ["WM-1", "WM-2", "wm-5"]),
        ("round(\"install_year\" / 100, 1) = 19.8", ["WM-1"]),
        ("to_int('42') = 42 AND \"condition\" = 1", ["WM-1"]),
        ("\"asset_id\" || '/' || \"install_year\" = 'WM-3/1970'", ["WM-3"]),
        ("year(now()) - \"install_year\" > 40", ["WM-1", "WM-3", "WM-4"]),
        ('$length > 250', ["WM-3", "WM-4", "wm-5"]),
        ('$length = 200', ["WM-2"]),
        ('$x = 250', ["wm-5"]),
        ('$y >= 30', ["WM-4", "wm-5"]),
        ('TRUE', ["WM-1", "WM-2", "WM-3", "WM-4", "wm-5"]),
        ('condition = 2', ["WM-2"]),
        ('("condition" > 2) = FALSE', ["WM-1", "WM-2"]),
    ],
)
def test_expression_filter_selects_expected_rows(mains, text, expected):
    assert ids(mains, text) == expected


def test_expression_filter_null_follows_three_valued_logic(mains):
    # NULL condition: "condition" > 2 is unknown, so neither it nor its negation selects WM-4
    assert "WM-4" not in ids(mains, '"condition" > 2')
    assert "WM-4" not in ids(mains, 'NOT "condition" > 2')
    # ... but FALSE AND unknown is FALSE and TRUE OR unknown is TRUE
    assert "WM-4" in ids(mains, '"condition" > 2 OR "install_year" = 1960')


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\"condition\" = 'Poor'", ["WM-2"]),
        ("\"condition\" = 'Buruk'", ["WM-2"]),
        ("\"condition\" = 'sangat buruk'", ["WM-1"]),
        ("\"condition\" <= 'Poor'", ["WM-1", "WM-2"]),
        ("\"condition\" IN ('Very poor', 'Baik', 5)", ["WM-1", "wm-5"]),
        ("\"material\" = 'Cast iron'", ["WM-1"]),
        ("\"material\" = 'Asbes semen'", ["WM-3"]),
        ("\"material\" = 'PVC'", ["WM-2", "WM-4"]),
    ],
)
def test_expression_filter_matches_domain_labels(mains, catalog, text, expected):
    assert ids(mains, text, catalog) == expected


def test_expression_values_returns_computed_column(mains):
    values = Expression('"asset_id" || \':\' || "condition"').values(mains)
    assert values.tolist() == ["WM-1:1", "WM-2:2", "WM-3:3", None, "wm-5:5"]
    areas = Expression("$length / 1000").values(mains)
    assert np.allclose(areas.to_numpy(dtype=float), [0.1, 0.2, 0.3, 0.4, 0.5])


def test_expression_referenced_fields_lists_field_names():
    expr = Expression('"condition" <= 2 AND lower(name) LIKE \'jl%\' AND $area > 3')
    assert expr.referenced_fields == {"condition", "name"}


def test_expression_area_and_length_are_metres_in_wgs84():
    from shapely.geometry import box

    squares = gpd.GeoDataFrame(
        {"side": [100, 20]},
        geometry=[box(506_000, 60_000, 506_100, 60_100), box(506_500, 60_000, 506_520, 60_020)],
        crs="EPSG:32651",
    ).to_crs(4326)
    areas = Expression("$area").values(squares).to_numpy(dtype=float)
    assert np.allclose(areas, [10_000, 400], rtol=1e-3)
    perimeters = Expression("$perimeter").values(squares).to_numpy(dtype=float)
    assert np.allclose(perimeters, [400, 80], rtol=1e-3)
    assert filter_mask("$area > 1000", squares).tolist() == [True, False]
