"""The shipped layer definitions load, and broken ones are reported precisely."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from gisdesk import paths
from gisdesk.core.definitions import SCHEMA_VERSION, load_catalog

EXPECTED_LAYERS = {
    "roads", "buildings", "water_mains", "valves", "hydrants", "drains", "manholes",
    "streetlights", "districts", "inspections",
}


@pytest.fixture
def layers_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped layers/ folder to break on purpose."""
    dst = tmp_path / "layers"
    shutil.copytree(paths.layers_dir(), dst)
    return dst


def test_definitions_shipped_layers_all_valid() -> None:
    catalog = load_catalog(paths.layers_dir())
    assert catalog.errors == []
    assert set(catalog.layers) == EXPECTED_LAYERS
    for layer in catalog.layers.values():
        assert layer.schema_version == SCHEMA_VERSION
        assert layer.field(layer.key).type == "uuid"
        assert layer.title.en and layer.title.id


def test_definitions_every_domain_value_has_both_languages() -> None:
    catalog = load_catalog(paths.layers_dir())
    assert {"condition", "opd", "pipe_material", "surface", "building_use"} <= set(catalog.domains)
    for domain in catalog.domains.values():
        for value in domain.values:
            assert value.label.en.strip() and value.label.id.strip()


def test_definitions_condition_ramp_resolves_from_domain() -> None:
    catalog = load_catalog(paths.layers_dir())
    classes = catalog.symbol_classes(catalog.layers["water_mains"])
    assert [c.value for c in classes] == [1, 2, 3, 4, 5]
    assert classes[0].label.id == "Sangat buruk"
    assert classes[0].symbol.color == "#d7191c"
    assert classes[0].symbol.width == 2  # template symbol kept


def test_definitions_labels_filled_from_domain_for_explicit_classes() -> None:
    catalog = load_catalog(paths.layers_dir())
    roads = catalog.symbol_classes(catalog.layers["roads"])
    assert {c.value: c.label.id for c in roads}["ARTERIAL"] == "Arteri"


def test_definitions_unknown_domain_names_file_field_and_problem(layers_copy: Path) -> None:
    path = layers_copy / "valves" / "layer.yaml"
    path.write_text(path.read_text().replace("domain: valve_status", "domain: valve_stats"))
    catalog = load_catalog(layers_copy)
    assert "valves" not in catalog.layers
    assert "roads" in catalog.layers  # the others still load
    [err] = catalog.errors
    assert err.path == path
    assert "'status'" in err.location
    assert "unknown domain 'valve_stats'" in err.message


def test_definitions_min_above_max_is_reported_with_field_name(layers_copy: Path) -> None:
    path = layers_copy / "water_mains" / "layer.yaml"
    text = path.read_text().replace("min: 25, max: 1500", "min: 2000, max: 1500")
    path.write_text(text)
    catalog = load_catalog(layers_copy)
    assert "water_mains" not in catalog.layers
    [err] = catalog.errors
    assert "diameter_mm" in str(err)
    assert "min (2000.0) is greater than max (1500.0)" in err.message


def test_definitions_form_naming_unknown_field_is_reported(layers_copy: Path) -> None:
    path = layers_copy / "roads" / "layer.yaml"
    path.write_text(path.read_text().replace("fields: [road_class,", "fields: [road_klass,"))
    catalog = load_catalog(layers_copy)
    assert "roads" not in catalog.layers
    assert "unknown field 'road_klass'" in str(catalog.errors[0])


def test_definitions_yaml_syntax_error_keeps_other_layers(layers_copy: Path) -> None:
    path = layers_copy / "hydrants" / "layer.yaml"
    path.write_text("name: hydrants\nfields: [ {name: uuid\n")
    catalog = load_catalog(layers_copy)
    assert "hydrants" not in catalog.layers
    assert len(catalog.layers) == len(EXPECTED_LAYERS) - 1
    assert str(path) in str(catalog.errors[0])
    assert "cannot read layer definition" in catalog.errors[0].message


def test_definitions_newer_schema_version_is_refused(layers_copy: Path) -> None:
    path = layers_copy / "manholes" / "layer.yaml"
    path.write_text(path.read_text().replace("schema_version: 1", "schema_version: 99"))
    catalog = load_catalog(layers_copy)
    assert "manholes" not in catalog.layers
    assert "upgrade GIS Desk" in catalog.errors[0].message


def test_definitions_bad_colour_names_the_location(layers_copy: Path) -> None:
    path = layers_copy / "streetlights" / "layer.yaml"
    path.write_text(path.read_text().replace('"#f1c40f"', '"yellow"'))
    catalog = load_catalog(layers_copy)
    assert "streetlights" not in catalog.layers
    assert "symbology → classes[0] → symbol → color" in catalog.errors[0].location


def test_definitions_new_asset_type_by_adding_a_folder(layers_copy: Path) -> None:
    """The layers/README.md recipe: a bus-stop layer with no code change."""
    folder = layers_copy / "bus_stops"
    folder.mkdir()
    (folder / "layer.yaml").write_text(
        """
name: bus_stops
title: {en: Bus stops, id: Halte bus}
geometry: Point
owner: DISHUB
fields:
  - {name: uuid, type: uuid, label: {en: UUID, id: UUID}, required: true, readonly: true}
  - {name: name, type: text, label: {en: Name, id: Nama}}
  - {name: shelter, type: boolean, label: {en: Shelter, id: Atap}, default: false}
  - {name: condition, type: integer, label: {en: Condition, id: Kondisi}, domain: condition}
symbology: {type: categorized, field: condition, from_domain: true, symbol: {size: 6}}
labeling: {field: name, max_scale: 3000}
"""
    )
    catalog = load_catalog(layers_copy)
    assert catalog.errors == []
    assert catalog.layers["bus_stops"].title.id == "Halte bus"
    assert len(catalog.symbol_classes(catalog.layers["bus_stops"])) == 5


def test_definitions_user_folder_overrides_shipped(layers_copy: Path, tmp_path: Path) -> None:
    user = tmp_path / "user_layers" / "roads"
    user.mkdir(parents=True)
    text = (layers_copy / "roads" / "layer.yaml").read_text()
    renamed = text.replace("{en: Roads, id: Jalan}", "{en: Streets, id: Jalan kota}")
    (user / "layer.yaml").write_text(renamed)
    catalog = load_catalog(layers_copy, tmp_path / "user_layers")
    assert catalog.layers["roads"].title.en == "Streets"
