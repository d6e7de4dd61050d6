"""Every layer export format reopens with the same features, attributes and geometry."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio
import pytest
import shapely
from test_export_support import districts, roads, valves

from gisdesk.core.definitions import default_catalog
from gisdesk.core.layer import MapLayer
from gisdesk.export.layers import export_layer, filtered_layer, shapefile_names
from gisdesk.io.formats import csv_options
from gisdesk.io.readers import read_layer

FRAMES = {"roads": roads, "valves": valves, "districts": districts}
# KML readers add their own standard columns and call the placemark name "Name".
KML_EXTRA = {"id", "description", "timestamp", "begin", "end", "altitudeMode", "tessellate",
             "extrude", "visibility", "drawOrder", "icon"}


def _comparable(frame: pd.DataFrame, renamed: dict[str, str]) -> pd.DataFrame:
    """Attributes as text keyed by uuid, so formats that keep types differently compare fairly."""
    table = pd.DataFrame(frame.drop(columns=frame.geometry.name)).rename(columns=renamed)
    table = table.rename(columns={"Name": "name"}).drop(columns=KML_EXTRA, errors="ignore")
    text = table.astype(object).where(table.notna(), "").astype(str)
    text = text.map(lambda v: v[:-2] if v.endswith(".0") else v)
    return text.set_index("uuid").sort_index().sort_index(axis=1)


@pytest.mark.parametrize("suffix", ["gpkg", "shp", "geojson", "kml", "fgb", "csv"])
@pytest.mark.parametrize("name", ["roads", "valves", "districts"])
def test_export_layers_roundtrip(tmp_path: Path, name: str, suffix: str) -> None:
    frame = FRAMES[name]()
    out = tmp_path / f"{name}.{suffix}"
    result = export_layer(MapLayer(name, frame), out)
    assert result.features == len(frame)
    options = csv_options() if suffix == "csv" else {}  # tell GDAL the WKT column, as ogr2ogr
    back = pyogrio.read_dataframe(out, use_arrow=True, **options)  # GDAL itself, not our reader
    assert len(back) == len(frame)
    expected_crs = "EPSG:4326" if suffix in ("geojson", "kml", "csv") else "EPSG:32651"
    if suffix != "csv":  # CSV has no CRS; GIS Desk's reader assumes lon/lat (checked below)
        assert back.crs.to_epsg() == int(expected_crs.split(":")[1])
    else:
        back = back.set_crs(4326)
    original = _comparable(frame, result.renamed)
    again = _comparable(back, {})
    assert set(again.columns) - set(original.columns) <= ({"name"} if suffix == "kml" else set())
    pd.testing.assert_frame_equal(again[original.columns], original)
    geoms = back.set_index("uuid").sort_index().to_crs(frame.crs).geometry.to_numpy()
    want = frame.set_index("uuid").sort_index().geometry.to_numpy()
    assert (shapely.get_type_id(geoms) == shapely.get_type_id(want)).all()
    assert shapely.hausdorff_distance(geoms, want).max() < 0.05  # 5 cm: 4326 rounding at most


def test_export_layers_reopen_in_gisdesk_reader(tmp_path: Path) -> None:
    catalog = default_catalog()
    for suffix in ("shp", "csv", "geojson"):
        (tmp_path / suffix).mkdir()
        out = tmp_path / suffix / f"valves.{suffix}"
        export_layer(MapLayer("valves", valves()), out)
        layer = read_layer(out, catalog=catalog)
        assert len(layer.frame) == 4 and layer.frame.crs.to_epsg() == 32651
        moved = shapely.distance(layer.frame.geometry.to_numpy(), valves().geometry.to_numpy())
        assert moved.max() < 0.05


def test_export_layers_shapefile_warns_about_truncated_names(tmp_path: Path) -> None:
    out = tmp_path / "roads.shp"
    result = export_layer(MapLayer("roads", roads()), out)
    assert result.renamed == {"install_year": "install_ye", "last_inspected": "last_inspe"}
    assert len(result.warnings) == 1
    assert "install_year -> install_ye" in result.warnings[0]
    assert "last_inspected -> last_inspe" in result.warnings[0]
    assert out.with_suffix(".cpg").read_text().strip().upper() in ("UTF-8", "UTF8")
    back = pyogrio.read_dataframe(out)
    assert back.loc[0, "notes"] == "<b>rusak</b> – perlu perbaikan"  # non-ASCII intact


def test_export_layers_shapefile_names_stay_unique() -> None:
    renamed = shapefile_names(["condition_a", "condition_b", "CONDITION_", "short"])
    assert renamed == {"condition_a": "conditio_1", "condition_b": "conditio_2"}


def test_export_layers_gpkg_keeps_other_layers(tmp_path: Path) -> None:
    out = tmp_path / "both.gpkg"
    export_layer(MapLayer("roads", roads()), out)
    export_layer(MapLayer("valves", valves()), out)
    export_layer(MapLayer("valves", valves().iloc[:2]), out)  # replaced, not appended
    layers = dict(pyogrio.list_layers(out).tolist())
    assert set(layers) == {"roads", "valves"}
    assert len(pyogrio.read_dataframe(out, layer="valves")) == 2


def test_export_layers_rejects_unknown_format(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"roads\.dxf.*\.fgb"):
        export_layer(MapLayer("roads", roads()), tmp_path / "roads.dxf")


def test_export_layers_filtered_by_expression() -> None:
    catalog = default_catalog()
    layer = MapLayer("roads", roads(), catalog.layers["roads"])
    poor = filtered_layer(layer, "condition <= 2", catalog)
    assert list(poor.frame["asset_id"]) == ["JL-000", "JL-001", "JL-005"]
    assert isinstance(poor.frame, gpd.GeoDataFrame) and len(layer.frame) == 6


def test_export_layers_table_without_geometry(tmp_path: Path) -> None:
    frame = valves().drop(columns="geometry")
    table = gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries([None] * len(frame)))  # as read
    for suffix in ("gpkg", "csv", "shp"):
        out = tmp_path / f"inspections.{suffix}"
        result = export_layer(MapLayer("inspections", table), out)
        assert not result.has_geometry and result.crs is None
        back = pyogrio.read_dataframe(out if suffix != "shp" else out.with_suffix(".dbf"))
        assert "geometry" not in back.columns or back.geometry.isna().all()
        assert list(back["asset_id"]) == ["KT-000", "KT-001", "KT-002", "KT-003"]
    with pytest.raises(ValueError, match="layer 'inspections' has no geometry"):
        export_layer(MapLayer("inspections", table), tmp_path / "inspections.geojson")


def test_export_layers_csv_and_shapefile_must_not_share_prj(tmp_path: Path) -> None:
    export_layer(MapLayer("roads", roads()), tmp_path / "roads.shp")
    with pytest.raises(ValueError, match=r"roads\.shp is in the same folder.*roads\.prj"):
        export_layer(MapLayer("roads", roads()), tmp_path / "roads.csv")
    export_layer(MapLayer("valves", valves()), tmp_path / "valves.csv")
    with pytest.raises(ValueError, match=r"valves\.csv is in the same folder"):
        export_layer(MapLayer("valves", valves()), tmp_path / "valves.shp")
    assert pyogrio.read_info(tmp_path / "roads.shp")["crs"] == "EPSG:32651"  # untouched
