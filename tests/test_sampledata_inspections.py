"""Inspections span several years and inspectors, and assets carry their latest result."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyogrio
import pytest

from gisdesk.core.definitions import default_catalog
from gisdesk.core.inspections import defect_codes
from gisdesk.sampledata import generate_city
from gisdesk.sampledata.inspections import POLICIES


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate_city(tmp_path_factory.mktemp("insp") / "insp.gpkg", scale=0.1, seed=21)


@pytest.fixture(scope="module")
def inspections(city: Path) -> pd.DataFrame:
    return pyogrio.read_dataframe(city, layer="inspections", use_arrow=True)


def test_sampledata_inspections_span_years_and_inspectors(inspections: pd.DataFrame) -> None:
    days = pd.to_datetime(inspections["inspected_on"])
    assert days.min() >= pd.Timestamp("2019-01-01")
    assert days.max() <= pd.Timestamp("2026-12-31")
    assert days.dt.year.nunique() >= 6
    assert inspections["inspector"].nunique() >= 10
    assert (pd.to_datetime(inspections["next_due"]) > days).all()


def test_sampledata_inspections_link_to_existing_assets(city: Path,
                                                        inspections: pd.DataFrame) -> None:
    catalog = default_catalog()
    for layer_name, rows in inspections.groupby("asset_layer"):
        assert layer_name in catalog.layers
        assert catalog.layers[layer_name].is_spatial
        keys = pyogrio.read_dataframe(city, layer=layer_name, columns=["uuid"],
                                      read_geometry=False)["uuid"]
        assert rows["asset_uuid"].isin(keys).all(), layer_name
    assert inspections["asset_layer"].nunique() == 8


def test_sampledata_asset_state_equals_latest_inspection(city: Path,
                                                         inspections: pd.DataFrame) -> None:
    latest = inspections.sort_values("inspected_on").groupby("asset_uuid").tail(1)
    latest = latest.set_index("asset_uuid")
    for layer_name in inspections["asset_layer"].unique():
        assets = pyogrio.read_dataframe(
            city, layer=layer_name, columns=["uuid", "condition", "last_inspected"],
            read_geometry=False,
        ).set_index("uuid")
        seen = assets.index.isin(latest.index)
        assert seen.any()
        joined = assets[seen].merge(latest[["condition", "inspected_on"]], left_index=True,
                                    right_index=True, suffixes=("", "_insp"))
        assert (joined["condition"] == joined["condition_insp"]).all(), layer_name
        assert (pd.to_datetime(joined["last_inspected"])
                == pd.to_datetime(joined["inspected_on"])).all(), layer_name
        assert assets.loc[~seen, "condition"].isna().all(), layer_name
        assert assets.loc[~seen, "last_inspected"].isna().all(), layer_name


def test_sampledata_poor_inspections_record_defects(inspections: pd.DataFrame) -> None:
    poor = inspections[inspections["condition"] <= 2]
    good = inspections[inspections["condition"] >= 4]
    assert len(poor) > 0 and len(good) > 0
    assert poor["defects"].notna().all()
    assert good["defects"].isna().all()


def test_sampledata_inspection_defects_use_domain_codes_and_separator(
        inspections: pd.DataFrame) -> None:
    catalog = default_catalog()
    for layer_name, policy in POLICIES.items():  # every code it may draw, drawn or not
        template = catalog.layers[layer_name].inspection
        assert template is not None, layer_name
        allowed = {str(c) for c in catalog.domains[template.defects_domain].codes()}
        assert set(policy.defects) <= allowed, (layer_name, set(policy.defects) - allowed)
    poor = inspections[inspections["condition"] <= 2]["defects"]
    assert poor.map(lambda v: len(defect_codes(v)) == 2).all()  # two codes, split the core's way
    assert not poor.str.contains(",", regex=False).any()
