"""The same seed and scale give identical features; another seed gives another city."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyogrio
import pytest
import shapely

from gisdesk.core.definitions import default_catalog
from gisdesk.sampledata import generate_city


def _layers(path: Path) -> dict[str, pd.DataFrame]:
    out = {}
    for name, _ in pyogrio.list_layers(path):
        df = pyogrio.read_dataframe(path, layer=name, use_arrow=True)
        if "geometry" in df:
            wkb = shapely.to_wkb(df.geometry.values, hex=True)
            df = pd.DataFrame(df.drop(columns="geometry")).assign(geometry=wkb)
        out[str(name)] = pd.DataFrame(df)
    return out


@pytest.fixture(scope="module")
def first(tmp_path_factory: pytest.TempPathFactory) -> dict[str, pd.DataFrame]:
    return _layers(generate_city(tmp_path_factory.mktemp("a") / "c.gpkg", scale=0.08, seed=42))


def test_sampledata_same_seed_gives_identical_city(
    first: dict[str, pd.DataFrame], tmp_path: Path
) -> None:
    again = _layers(generate_city(tmp_path / "c.gpkg", scale=0.08, seed=42))
    assert set(again) == set(first) == set(default_catalog().layers)
    for name, df in first.items():
        pd.testing.assert_frame_equal(df, again[name], check_exact=True, obj=name)


def test_sampledata_other_seed_gives_other_city(
    first: dict[str, pd.DataFrame], tmp_path: Path
) -> None:
    other = _layers(generate_city(tmp_path / "c.gpkg", scale=0.08, seed=43))
    assert not first["buildings"]["uuid"].isin(other["buildings"]["uuid"]).any()
    assert not first["roads"]["geometry"].equals(other["roads"]["geometry"])
