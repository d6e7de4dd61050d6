"""Values are checked against the layer definition in the core, naming layer, feature and field."""

from __future__ import annotations

import pytest

from gisdesk.core.definitions import default_catalog
from gisdesk.core.validation import FieldValueError, coerce_record, coerce_value, describe_feature


@pytest.fixture(scope="module")
def catalog():
    return default_catalog()


def test_validation_coerces_to_canonical_types(catalog) -> None:
    mains = catalog.layers["water_mains"]
    assert coerce_value(mains, "diameter_mm", "150", catalog) == 150
    assert coerce_value(mains, "diameter_mm", 150.0, catalog) == 150
    assert coerce_value(mains, "last_inspected", "2024-03-05", catalog) == "2024-03-05"
    lights = catalog.layers["streetlights"]
    assert coerce_value(lights, "pole_height_m", 7, catalog) == 7.0
    assert coerce_value(mains, "notes", "   ", catalog) is None


def test_validation_refuses_code_outside_domain_listing_allowed(catalog) -> None:
    mains = catalog.layers["water_mains"]
    with pytest.raises(FieldValueError) as err:
        coerce_value(mains, "material", "GOLD", catalog, feature="WM-001 (abc)")
    text = str(err.value)
    assert "water_mains" in text and "WM-001 (abc)" in text and "'material'" in text
    assert "GOLD" in text and "PVC" in text  # says what is allowed


def test_validation_refuses_out_of_range_and_wrong_type(catalog) -> None:
    mains = catalog.layers["water_mains"]
    with pytest.raises(FieldValueError, match=r"diameter_mm.*above the maximum 1500"):
        coerce_value(mains, "diameter_mm", 5000, catalog)
    with pytest.raises(FieldValueError, match=r"install_year.*below the minimum 1900"):
        coerce_value(mains, "install_year", 1800, catalog)
    with pytest.raises(FieldValueError, match=r"diameter_mm.*'wide' is not a whole number"):
        coerce_value(mains, "diameter_mm", "wide", catalog)
    with pytest.raises(FieldValueError, match=r"diameter_mm.*not a whole number"):
        coerce_value(mains, "diameter_mm", True, catalog)
    with pytest.raises(FieldValueError, match=r"last_inspected.*not a date"):
        coerce_value(mains, "last_inspected", "31/02/2024", catalog)


def test_validation_refuses_empty_required_and_too_long_text(catalog) -> None:
    mains = catalog.layers["water_mains"]
    with pytest.raises(FieldValueError, match=r"asset_id.*required"):
        coerce_value(mains, "asset_id", "", catalog)
    with pytest.raises(FieldValueError, match=r"asset_id.*at most 32"):
        coerce_value(mains, "asset_id", "X" * 33, catalog)


def test_validation_record_reports_every_bad_field(catalog) -> None:
    mains = catalog.layers["water_mains"]
    record = {"uuid": "not-a-uuid", "asset_id": "WM-1", "owner_opd": "PDAM",
              "material": "GOLD", "diameter_mm": 10}
    with pytest.raises(FieldValueError) as err:
        coerce_record(mains, record, catalog)
    assert {p.field for p in err.value.problems} == {"uuid", "material", "diameter_mm"}


def test_validation_describe_feature_uses_label_and_uuid(catalog) -> None:
    mains = catalog.layers["water_mains"]
    assert describe_feature(mains, {"uuid": "u-1", "asset_id": "WM-7"}) == "WM-7 (u-1)"
