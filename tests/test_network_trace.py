"""Upstream/downstream traces on hand-drawn drains (digitised in the direction of flow).

    D3 (100,100)
        |  flows down
    D1 (0,0) -> (100,0) -D2-> (200,0) -D4-> (300,0) <-D6- (400,0)
                                              |
                                        D5 (300,0) -> (300,-100)
"""

from __future__ import annotations

import geopandas as gpd
import pyogrio
import pytest
from shapely.geometry import LineString

from gisdesk.network.graph import build_network
from gisdesk.network.trace import trace_flow

X0, Y0 = 506_000.0, 60_000.0


@pytest.fixture
def drains(tmp_path) -> gpd.GeoDataFrame:
    frame = gpd.GeoDataFrame(
        {"asset_id": ["D1", "D2", "D3", "D4", "D5", "D6"]},
        geometry=gpd.GeoSeries([
            LineString([(0, 0), (100, 0)]), LineString([(100, 0), (200, 0)]),
            LineString([(100, 100), (100, 0)]), LineString([(200, 0), (300, 0)]),
            LineString([(300, 0), (300, -100)]), LineString([(400, 0), (300, 0)]),
        ]).translate(X0, Y0).tolist(),
        crs="EPSG:32651",
    )
    path = tmp_path / "d.gpkg"
    frame.to_file(path, layer="drains")
    return pyogrio.read_dataframe(path, layer="drains", use_arrow=True)


def traced(drains, x, y, direction):
    net = build_network(drains)
    return sorted(drains.loc[trace_flow(net, X0 + x, Y0 + y, direction), "asset_id"])


def test_network_trace_downstream_follows_flow(drains):
    assert traced(drains, 100, 50, "downstream") == ["D2", "D3", "D4", "D5"]
    assert traced(drains, 350, 1, "downstream") == ["D5", "D6"]
    assert traced(drains, 300, -50, "downstream") == ["D5"]


def test_network_trace_upstream_walks_against_flow(drains):
    assert traced(drains, 250, 0, "upstream") == ["D1", "D2", "D3", "D4"]
    assert traced(drains, 300, -50, "upstream") == ["D1", "D2", "D3", "D4", "D5", "D6"]
    assert traced(drains, 10, 0, "upstream") == ["D1"]


def test_network_trace_rejects_unknown_direction(drains):
    with pytest.raises(ValueError, match="sideways"):
        trace_flow(build_network(drains), X0, Y0, "sideways")
