"""Set CRS… and Properties… of the layers panel, on real GeoPackages in a real main window."""

from __future__ import annotations

import warnings
from pathlib import Path

import geopandas as gpd
import numpy as np
import pyogrio
import pytest
import shapely
from _edit_fixtures import ADMIN, uuids, write_city
from _ui_editing_fixtures import answer_next_box, close_window, make_window, open_file
from pyproj import Transformer
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialogButtonBox

from gisdesk.core.crs import no_crs_problem
from gisdesk.core.edits import SetAttribute
from gisdesk.ui.canvas.map_canvas import BACKGROUND
from gisdesk.ui.dialogs.layer_crs_dialog import SetCrsDialog
from gisdesk.ui.dialogs.layer_properties_dialog import LayerPropertiesDialog
from gisdesk.ui.i18n import install_language
from gisdesk.ui.panels.layer_tree_model import LayerNameRole

# Survey points around Kota Gorontalo, in lon/lat, in a GeoPackage that does not say so.
LONLAT = [(123.0590, 0.5412), (123.0641, 0.5437), (123.0702, 0.5391)]
TO_UTM = Transformer.from_crs("EPSG:4326", "EPSG:32651", always_xy=True)


@pytest.fixture
def english(qapp):
    install_language(qapp, "en")
    yield


def _write_without_crs(path: Path, coords=LONLAT) -> Path:
    frame = gpd.GeoDataFrame(
        {"ref": [f"S-{i}" for i in range(len(coords))]},
        geometry=[shapely.Point(x, y) for x, y in coords], crs=None,
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # "'crs' was not provided": on purpose
        frame.to_file(path, layer="survey_points", engine="pyogrio")
    assert pyogrio.read_info(path)["crs"] is None
    return path


@pytest.fixture
def window(qtbot, tmp_path, english):
    w = make_window(qtbot, tmp_path)
    yield w
    close_window(w)


def _menu_action(window, name: str, text: str):
    menu = window.layers_panel.build_menu(name)
    return {a.text(): a for a in menu.actions() if a.text()}[text]


def _painted_near(canvas, x, y) -> bool:
    image = canvas.grab().toImage()
    px, py = canvas.viewport.to_pixel(x, y)
    bg = QColor(BACKGROUND)
    for dx in range(-3, 4):
        for dy in range(-3, 4):
            c = image.pixelColor(int(px) + dx, int(py) + dy)
            if max(abs(c.red() - bg.red()), abs(c.green() - bg.green()),
                   abs(c.blue() - bg.blue())) > 40:
                return True
    return False


def test_layer_dialogs_set_crs_places_a_layer_without_crs(qtbot, tmp_path, window):
    open_file(qtbot, window, _write_without_crs(tmp_path / "survey.gpkg"))
    layer = window.project.layer("survey_points")
    assert layer.source_crs is None and no_crs_problem() in layer.problems
    assert layer.extent()[0] == pytest.approx(123.059)  # shown in file coordinates

    _menu_action(window, "survey_points", "Set CRS…").trigger()
    dialog = window.findChild(SetCrsDialog)
    assert dialog is not None and dialog.isVisible()
    assert "none" in dialog.current.text()
    codes = [dialog.suggestions.item(i).data(Qt.ItemDataRole.UserRole)
             for i in range(dialog.suggestions.count())]
    assert codes[:2] == ["EPSG:32651", "EPSG:4326"] and "EPSG:3857" in codes
    dialog.suggestions.setCurrentRow(codes.index("EPSG:4326"))
    assert dialog.code_edit.text() == "EPSG:4326"
    assert dialog.name_label.text() == "EPSG:4326 — WGS 84"
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not window.canvas.is_rendering, timeout=10000)

    assert layer.source_crs == "EPSG:4326"
    assert layer.frame.crs.to_epsg() == 32651
    assert no_crs_problem() not in layer.problems
    expected = np.array([TO_UTM.transform(x, y) for x, y in LONLAT])
    got = shapely.get_coordinates(layer.frame.geometry.values)
    assert np.abs(got - expected).max() < 0.01  # declared, then reprojected: no other shift
    # the view followed the layer to Gorontalo, and its points are drawn there
    minx, miny, maxx, maxy = window.canvas.viewport.extent
    assert minx <= expected[:, 0].min() and expected[:, 0].max() <= maxx
    assert miny <= expected[:, 1].min() and expected[:, 1].max() <= maxy
    assert _painted_near(window.canvas, *expected[0])
    assert "EPSG:4326" in window.status.currentMessage()
    row = window.layers_panel.model.row_of("survey_points")
    tooltip = window.layers_panel.model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "No coordinate reference system" not in tooltip


def test_layer_dialogs_set_crs_rejects_unknown_and_impossible_codes(qtbot, tmp_path, window):
    # metre coordinates (UTM) without a CRS: declaring them lon/lat cannot be right
    utm = [TO_UTM.transform(x, y) for x, y in LONLAT]
    open_file(qtbot, window, _write_without_crs(tmp_path / "survey_utm.gpkg", utm))
    layer = window.project.layer("survey_points")
    before = shapely.get_coordinates(layer.frame.geometry.values).copy()
    dialog = window.show_set_crs("survey_points")
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)

    dialog.code_edit.setText("EPSG:999999")
    assert not ok.isEnabled()
    assert "'EPSG:999999' is not a CRS GIS Desk knows" in dialog.name_label.text()

    dialog.code_edit.setText("4326")
    assert ok.isEnabled()
    ok.click()
    assert dialog.isVisible()  # refused: the dialog stays with the reason
    assert "survey_points" in dialog.name_label.text()
    assert "cannot be in EPSG:4326" in dialog.name_label.text()
    assert layer.source_crs is None and layer.frame.crs is None
    assert np.array_equal(shapely.get_coordinates(layer.frame.geometry.values), before)

    dialog.code_edit.setText("32651")  # the right one: already in the project CRS
    ok.click()
    assert not dialog.isVisible()
    assert layer.source_crs == "EPSG:32651"
    assert np.abs(shapely.get_coordinates(layer.frame.geometry.values) - before).max() < 1e-6


def test_layer_dialogs_set_crs_corrects_a_wrong_crs(qtbot, tmp_path, window):
    # lon/lat coordinates in a file that claims UTM 51N (a wrong .prj)
    frame = gpd.GeoDataFrame({"ref": ["W-1"]}, geometry=[shapely.Point(*LONLAT[0])],
                             crs="EPSG:32651")
    frame.to_file(tmp_path / "wrong.gpkg", layer="survey_points", engine="pyogrio")
    open_file(qtbot, window, tmp_path / "wrong.gpkg")
    action = _menu_action(window, "survey_points", "Set CRS…")
    assert action.isEnabled()
    action.trigger()
    dialog = window.findChild(SetCrsDialog)
    assert "EPSG:32651 — WGS 84 / UTM zone 51N" in dialog.current.text()
    dialog.code_edit.setText("EPSG:4326")
    dialog.accept()
    layer = window.project.layer("survey_points")
    x, y = TO_UTM.transform(*LONLAT[0])
    assert layer.frame.geometry.iloc[0].distance(shapely.Point(x, y)) < 0.01


def test_layer_dialogs_properties_show_real_count_crs_and_definition(
    qtbot, window, city_gpkg
):
    open_file(qtbot, window, city_gpkg)
    panel = window.layers_panel
    row = panel.model.row_of("valves")
    panel.view.doubleClicked.emit(panel.model.index(row, 0))  # as QGIS: double-click
    dialog = window.findChild(LayerPropertiesDialog)
    assert dialog is not None and dialog.isVisible()
    values = dialog.values
    info = pyogrio.read_info(city_gpkg, layer="valves")
    assert values["count"] == str(info["features"]) == "3"
    assert values["crs"].startswith("EPSG:4326 — WGS 84")
    assert "EPSG:32651" in values["crs"]  # where the map shows it
    assert values["source"] == str(city_gpkg) and values["source_layer"] == "valves"
    assert values["title_en"] == "Valves" and values["title_id"] != values["title_en"]
    assert values["definition"].endswith(str(Path("valves") / "layer.yaml"))
    assert Path(values["definition"]).is_file()
    assert values["geometry"].startswith("Point")
    loc = QLocale()
    (x0, x1), (y0, y1) = TO_UTM.transform([123.05, 123.07], [0.53, 0.55])
    assert values["extent"] == "x {} … {}, y {} … {} (EPSG:32651)".format(
        *(loc.toString(v, "f", 2) for v in (x0, x1, y0, y1)))
    scale = window.project.layer("valves").definition.scale_range
    assert scale.max_scale and loc.toString(round(scale.max_scale)) in values["scale_range"]
    names = [dialog.fields_table.item(r, 0).text() for r in range(dialog.fields_table.rowCount())]
    definition = window.project.layer("valves").definition
    assert names[: len(definition.field_names)] == definition.field_names
    assert "asset_id" in names
    kinds = {dialog.fields_table.item(r, 0).text(): dialog.fields_table.item(r, 1).text()
             for r in range(dialog.fields_table.rowCount())}
    assert kinds["asset_id"] == definition.field("asset_id").type
    legend = panel.model.index(0, 0, panel.model.index(row, 0))
    if legend.isValid():  # a legend class row opens nothing
        dialog.close()
        qtbot.waitUntil(lambda: window.findChild(LayerPropertiesDialog) is None, timeout=5000)
        panel.view.doubleClicked.emit(legend)
        assert window.findChild(LayerPropertiesDialog) is None


def test_layer_dialogs_properties_of_a_layer_without_definition_or_crs(
    qtbot, tmp_path, window
):
    open_file(qtbot, window, _write_without_crs(tmp_path / "survey.gpkg"))
    action = _menu_action(window, "survey_points", "Properties…")
    action.trigger()
    dialog = window.findChild(LayerPropertiesDialog)
    values = dialog.values
    assert values["count"] == "3"
    assert values["crs"].startswith("none")
    assert values["definition"].startswith("no definition")
    assert "file coordinates" in values["extent"]
    assert no_crs_problem() in values["problems"]
    assert [dialog.fields_table.item(r, 0).text()
            for r in range(dialog.fields_table.rowCount())] == ["ref"]
    assert window.layers_panel.model.index(0, 0).data(LayerNameRole) == "survey_points"


def test_layer_dialogs_set_crs_waits_for_edits_of_the_layer(qtbot, tmp_path, window):
    open_file(qtbot, window, write_city(tmp_path / "city.gpkg"))
    controller = window.editing.controller
    controller.set_profile(ADMIN)
    assert controller.apply(SetAttribute(layer="water_mains", uuid=uuids(6, 1)[0],
                                         field="notes", value="checked"))
    before = window.project.layer("water_mains").frame
    answers = answer_next_box("OK")
    assert window.show_set_crs("water_mains") is None
    assert "water_mains" in answers[0] and "edits" in answers[0]
    assert window.findChild(SetCrsDialog) is None
    assert window.project.layer("water_mains").frame is before
    dialog = window.show_set_crs("roads")  # other layers are not held up
    assert dialog is not None
    dialog.reject()
