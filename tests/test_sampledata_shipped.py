"""The shipped sample city exists, is the size the app expects, and is up to date.

If the generator or ``layers/`` change, this fails until the file is regenerated with
``gisdesk sample-data --out sample_data``.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyogrio
import pytest
import shapely

from gisdesk import paths
from gisdesk.sampledata import DEFAULT_SEED, generate_city

REGENERATE = ("sample_data/gorontalo_sample.gpkg is stale: "
              "run `gisdesk sample-data --out sample_data`")


def _frame(path: Path, layer: str) -> pd.DataFrame:
    df = pyogrio.read_dataframe(path, layer=layer, use_arrow=True)
    if "geometry" in df:
        wkb = shapely.to_wkb(df.geometry.values, hex=True)
        df = pd.DataFrame(df.drop(columns="geometry")).assign(geometry=wkb)
    return pd.DataFrame(df)


def test_sampledata_shipped_file_opens_with_all_layers() -> None:
    shipped = paths.sample_city_path()
    assert shipped.is_file()
    assert shipped.stat().st_size < 15e6
    layers = {str(name) for name, _ in pyogrio.list_layers(shipped)}
    assert "buildings" in layers and "inspections" in layers
    assert 9_000 <= pyogrio.read_info(shipped, layer="buildings")["features"] <= 11_000


def test_sampledata_shipped_file_is_current(tmp_path: Path) -> None:
    shipped = paths.sample_city_path()
    fresh = generate_city(tmp_path / "fresh.gpkg", scale=1, seed=DEFAULT_SEED)
    names = [str(n) for n, _ in pyogrio.list_layers(fresh)]
    assert names == [str(n) for n, _ in pyogrio.list_layers(shipped)], REGENERATE
    for name in names:
        try:
            pd.testing.assert_frame_equal(_frame(shipped, name), _frame(fresh, name),
                                          check_exact=True, obj=name)
        except AssertionError as exc:
            pytest.fail(f"{REGENERATE}\n{exc}")
