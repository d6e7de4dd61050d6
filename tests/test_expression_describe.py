"""Filters written for readers of a printed map: field labels, coded values by their domain
labels and keywords in the page language, from the shipped layer definitions."""

from __future__ import annotations

from dataclasses import fields, is_dataclass

import pytest

from gisdesk.core.definitions import default_catalog
from gisdesk.query.expression import Expression
from gisdesk.query.expression.describe import describe_expression


@pytest.fixture(scope="module")
def catalog():
    return default_catalog()


@pytest.mark.parametrize(("text", "en", "id_"), [
    ("condition <= 2", "Condition ≤ 2 (Poor)", "Kondisi ≤ 2 (Buruk)"),
    ('"Condition" <> 5', "Condition ≠ 5 (Very good)", "Kondisi ≠ 5 (Sangat baik)"),
    ("road_class = 'ARTERIAL' AND condition < 3",
     "Road class = Arterial and Condition < 3 (Fair)",
     "Kelas jalan = Arteri dan Kondisi < 3 (Sedang)"),
    ("road_class IN ('ARTERIAL', 'LOCAL') OR NOT (condition >= 4)",
     "Road class is one of (Arterial, Local) or not (Condition ≥ 4 (Good))",
     "Kelas jalan salah satu dari (Arteri, Lokal) atau bukan (Kondisi ≥ 4 (Baik))"),
    ("condition BETWEEN 1 AND 2",
     "Condition from 1 (Very poor) to 2 (Poor)",
     "Kondisi antara 1 (Sangat buruk) dan 2 (Buruk)"),
    ("name IS NOT NULL", "Street name is not empty", "Nama jalan tidak kosong"),
    ("name LIKE 'Jalan%'", "Street name matches “Jalan%”", "Nama jalan cocok dengan “Jalan%”"),
    ("width_m >= 6.5", "Carriageway width ≥ 6.5 m", "Lebar badan jalan ≥ 6,5 m"),
    ("(condition <= 2 OR surface = 'EARTH') AND $length > 100",
     "(Condition ≤ 2 (Poor) or Surface = Earth) and length > 100",
     "(Kondisi ≤ 2 (Buruk) atau Permukaan = Tanah) dan panjang > 100"),
])
def test_describe_expression_in_both_languages(catalog, text, en, id_):
    roads = catalog.layers["roads"]
    assert describe_expression(text, [roads], catalog, "en") == en
    assert describe_expression(text, [roads], catalog, "id") == id_


def test_describe_expression_keeps_brackets_the_meaning_needs(catalog):
    roads = catalog.layers["roads"]
    text = "lanes - (condition - 1) * 2 = 0 AND (road_class = 'LOCAL' OR lanes > 2)"
    written = describe_expression(text, [roads], catalog, "en")
    assert written == ("Lanes - (Condition - 1) * 2 = 0 and "
                       "(Road class = Local or Lanes > 2)")
    # Back to field names, the written form parses to the same tree shape as the original.
    back = written.replace("Road class", "road_class").replace("Condition", "condition") \
        .replace("Lanes", "lanes").replace("and", "AND").replace("or", "OR") \
        .replace("Local", "'LOCAL'")
    assert _shape(Expression(back).tree) == _shape(Expression(text).tree)


def _shape(node):
    """The tree without source positions (brackets only move positions)."""
    if isinstance(node, tuple):
        return tuple(_shape(c) for c in node)
    if not is_dataclass(node):
        return node
    return (type(node).__name__,
            *(_shape(getattr(node, f.name)) for f in fields(node) if f.name not in ("pos", "end")))


def test_describe_expression_unknown_fields_and_bad_text_stay_as_written(catalog):
    roads = catalog.layers["roads"]
    assert describe_expression("pressure_bar > 2", [roads], catalog, "id") == "pressure_bar > 2"
    assert describe_expression("condition <=", [roads], catalog, "id") == "condition <="
    # A code no domain lists keeps its value; without a catalog there are no domain labels.
    assert describe_expression("condition = 9", [roads], catalog, "en") == "Condition = 9"
    assert describe_expression("surface = 'MUD'", [roads], catalog, "en") == "Surface = “MUD”"
    assert describe_expression("condition = 2", [roads], None, "en") == "Condition = 2"


def test_describe_expression_first_definition_with_the_field_names_it(catalog):
    roads, valves = catalog.layers["roads"], catalog.layers["valves"]
    assert describe_expression("status = 'CLOSED'", [roads, valves], catalog, "id") == \
        "Status = Tertutup"


def test_describe_expression_looks_a_code_up_in_each_filtered_layers_domain(catalog):
    lights, valves = catalog.layers["streetlights"], catalog.layers["valves"]
    # Both layers have "status"; only the valves' domain knows CLOSED, only the lights' FAULTY.
    assert describe_expression("status <> 'CLOSED'", [lights, valves], catalog, "en") == \
        "Status ≠ Closed"
    assert describe_expression("status = 'FAULTY'", [valves, lights], catalog, "id") == \
        "Status = Rusak"
