"""A synthetic buildings layer of any size, built column-wise (Arrow strings, numpy numbers).

Used by the attribute-table tests and the table/form benchmark: a million rows build in about a
second because no Python string is made per row for the key and code columns.
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import shapely

from gisdesk.core.definitions import Catalog, default_catalog
from gisdesk.core.layer import MapLayer

USES = ["RESIDENTIAL", "COMMERCIAL", "SCHOOL", "WORSHIP"]


def _text(array: pa.Array) -> pd.Series:
    arrow = pd.arrays.ArrowStringArray(pa.chunked_array([array.cast(pa.large_string())]))
    return pd.Series(arrow).astype("str")  # the reader's string dtype


def _numbered(prefix: str, idx: pa.Array, width: int) -> pd.Series:
    digits = pc.utf8_lpad(pc.cast(idx, pa.string()), width, "0")
    return _text(pc.binary_join_element_wise(pa.scalar(prefix), digits, ""))


def synthetic_buildings(n: int, catalog: Catalog | None = None, seed: int = 0) -> MapLayer:
    """``n`` buildings: uuid, asset code, owner, year, condition, name, use, floors, point geometry.

    Row ``i`` has asset code ``BG-<i:07d>``, floors ``1 + i % 4``, condition ``1 + i % 5`` and
    the name "Masjid Agung" when ``i % 7 == 0`` (else "Rumah"), so tests can count by hand.
    """
    catalog = catalog or default_catalog()
    rng = np.random.default_rng(seed)
    idx = pa.array(np.arange(n))
    names = np.where(np.arange(n) % 7 == 0, 1, 0)
    frame = gpd.GeoDataFrame(
        {
            "uuid": _numbered("00000000-0000-4000-8000-", idx, 12),
            "asset_id": _numbered("BG-", idx, 7),
            "owner_opd": _text(pa.DictionaryArray.from_arrays(
                pa.array(np.zeros(n, np.int32)), pa.array(["PERKIM"])).dictionary_decode()),
            "install_year": rng.integers(1950, 2024, n),
            "condition": (1 + np.arange(n) % 5).astype(float),
            "name": _text(pa.DictionaryArray.from_arrays(
                pa.array(names.astype(np.int32)), pa.array(["Rumah", "Masjid Agung"])
            ).dictionary_decode()),
            "building_use": _text(pa.DictionaryArray.from_arrays(
                pa.array((np.arange(n) % 4).astype(np.int32)), pa.array(USES)
            ).dictionary_decode()),
            "floors": 1 + np.arange(n) % 4,
        },
        geometry=gpd.GeoSeries(shapely.points(rng.uniform(0, 9000, (n, 2))), crs="EPSG:32651"),
    )
    return MapLayer("buildings", frame, catalog.layers["buildings"])
