"""IdentifyPanel on real layers: labels not codes, units, navigation, selection count."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import geopandas as gpd
import numpy as np
import pytest
from shapely.geometry import LineString, Point, box

from gisdesk.core.definitions import default_catalog
from gisdesk.core.layer import MapLayer
from gisdesk.core.project import Project
from gisdesk.core.selection import Selection
from gisdesk.ui import i18n as ui_i18n
from gisdesk.ui.panels.identify_panel import IdentifyPanel


@pytest.fixture
def project():
    catalog = default_catalog()
    proj = Project(catalog=catalog)
    valves = gpd.GeoDataFrame(
        {"uuid": ["a1", "b2"], "asset_id": ["V-001", "V-002"], "owner_opd": ["PDAM", "PDAM"],
         "install_year": [2015, np.nan], "condition": [2, 5], "status": ["CLOSED", "OPEN"],
         "diameter_mm": [150, 12000], "valve_type": ["GATE", "GATE"], "extra_col": [1.5, 2.25]},
        geometry=[Point(0, 0), Point(5, 5)], crs="EPSG:32651")
    proj.add_layer(MapLayer("valves", valves, catalog.match("valves")))
    raw = gpd.GeoDataFrame({"kode": ["X9"], "panjang": [1234.5]}, geometry=[Point(1, 1)],
                           crs="EPSG:32651")
    proj.add_layer(MapLayer("survey", raw))
    return proj


@pytest.fixture
def lang(qapp):
    def use(code):
        assert ui_i18n.install_language(qapp, code)
        qapp.processEvents()  # LanguageChange reaches widgets as a posted event
    yield use
    ui_i18n.install_language(qapp, "en")


def _table(panel):
    return {panel.table.item(r, 0).text(): panel.table.item(r, 1).text()
            for r in range(panel.table.rowCount())}


def test_identify_panel_shows_labels_not_codes(qtbot, project, lang):
    lang("en")
    panel = IdentifyPanel(project)
    qtbot.addWidget(panel)
    panel.show_features(project.layer("valves"), [0])
    shown = _table(panel)
    assert panel.title.text() == "Valves"
    assert shown["Status"] == "Closed"
    assert shown["Condition"] == "Poor"
    assert shown["Owner"] == "Water Utility (PDAM)"
    assert shown["Diameter"] == "150 mm"
    assert shown["Year installed"] == "2015"
    assert shown["extra_col"] == "1.5"  # undeclared column shown raw
    assert "geometry" not in shown


def test_identify_panel_indonesian_labels_and_numbers(qtbot, project, lang):
    lang("id")
    panel = IdentifyPanel(project)
    qtbot.addWidget(panel)
    panel.show_features("valves", [1])
    shown = _table(panel)
    assert panel.title.text() == "Katup"
    assert shown["Status"] == "Terbuka"
    assert shown["Kondisi"] == "Sangat baik"
    assert shown["Diameter"] == "12.000 mm"
    assert shown["Tahun pemasangan"] == ""  # missing value is blank, not 'nan'
    assert shown["extra_col"] == "2,25"
    panel.show_features("survey", [0])
    assert _table(panel) == {"kode": "X9", "panjang": "1234,5", "Koordinat": "1,00; 1,00"}


def test_identify_panel_retranslates_on_language_switch(qtbot, project, lang):
    lang("en")
    panel = IdentifyPanel(project)
    qtbot.addWidget(panel)
    panel.show_features("valves", [0])
    assert panel.next_button.text() == "Next"
    lang("id")
    assert panel.next_button.text() == "Berikutnya"
    assert _table(panel)["Status"] == "Tertutup"


def test_identify_panel_navigates_across_layers(qtbot, project, lang):
    lang("en")
    panel = IdentifyPanel(project)
    qtbot.addWidget(panel)
    shown = []
    panel.feature_shown.connect(lambda name, row: shown.append((name, row)))
    panel.show_results([("valves", [1, 0]), ("survey", [0])])
    assert panel.position.text() == "Feature 1 of 3"
    assert not panel.previous_button.isEnabled()
    panel.next_button.click()
    assert _table(panel)["Asset code"] == "V-001"
    panel.next_button.click()
    assert panel.title.text() == "survey"
    assert not panel.next_button.isEnabled()
    assert shown == [("valves", 1), ("valves", 0), ("survey", 0)]
    panel.clear()
    assert panel.table.rowCount() == 0
    assert panel.title.text() == "No feature identified"


def test_identify_panel_counts_selection(qtbot, project, lang):
    lang("en")
    selection = Selection()
    panel = IdentifyPanel(project, selection)
    qtbot.addWidget(panel)
    assert panel.selection_label.text() == "No features selected"
    selection.set("valves", [0, 1])
    selection.set("survey", [0])
    assert panel.selection_label.text() == "3 features selected"
    lang("id")
    assert panel.selection_label.text() == "3 fitur dipilih"


def test_identify_panel_measures_lines_and_polygons(qtbot, project, lang):
    lang("id")
    frame = gpd.GeoDataFrame({"n": [1, 2]}, geometry=[LineString([(0, 0), (3000, 4000)]),
                                                      box(0, 0, 100, 25.5)], crs="EPSG:32651")
    project.add_layer(MapLayer("shapes", frame))
    panel = IdentifyPanel(project)
    qtbot.addWidget(panel)
    panel.show_features("shapes", [0, 1])
    assert _table(panel)["Panjang"] == "5.000,0 m"
    panel.go_to(1)
    assert _table(panel)["Luas"] == "2.550,0 m²"


def test_identify_panel_follows_edits_and_removal(qtbot, project, lang):
    lang("en")
    panel = IdentifyPanel(project)
    qtbot.addWidget(panel)
    panel.show_results([("survey", [0]), ("valves", [0])])
    panel.go_to(1)
    layer = project.layer("valves")
    layer.frame.loc[layer.frame.index[0], "status"] = "BROKEN"
    layer.touch()
    assert _table(panel)["Status"] == "Inoperable"
    project.remove_layer("survey")
    assert panel.hits() == [("valves", 0)]
    assert _table(panel)["Asset code"] == "V-001"
    project.remove_layer("valves")
    assert panel.hits() == []
    assert panel.table.rowCount() == 0


def test_identify_panel_picker_lists_hits_by_label(qtbot, project, lang):
    lang("en")
    panel = IdentifyPanel(project)
    qtbot.addWidget(panel)
    panel.show_results([("valves", [1, 0]), ("survey", [0])])
    items = [panel.picker.itemText(i) for i in range(panel.picker.count())]
    assert items == ["Valves — V-002", "Valves — V-001", "survey — #1"]
    panel.picker.setCurrentIndex(2)
    assert panel.current() == ("survey", 0)
    assert panel.position.text() == "Feature 3 of 3"
    panel.previous_button.click()
    assert panel.picker.currentIndex() == 1


def test_identify_value_format_dates_booleans_and_unknown_codes(qapp, lang):
    import datetime as dt

    import pandas as pd

    from gisdesk.ui.panels.value_format import format_field, format_scalar

    lang("id")
    catalog = default_catalog()
    valves = catalog.match("valves")
    # dates follow the language: day, month name, year (never 05/03, read two ways)
    assert format_scalar(pd.Timestamp("2024-05-05")) == "5 Mei 2024"
    assert format_scalar(dt.datetime(2024, 3, 5, 14, 30)) == "5 Mar 2024 14.30"
    last = valves.field("last_inspected")
    assert format_field("2024-08-17", last, catalog, valves, "id") == "17 Agu 2024"
    assert format_field("2024-08-17", last, catalog, valves, "en") == "17 Aug 2024"
    assert format_scalar(np.bool_(True)) == "Ya"
    assert format_scalar(pd.NaT) == ""
    assert format_scalar(-1234567) == "-1.234.567"
    # a code outside the domain is shown as stored, not hidden
    assert format_field("LEAKING", valves.field("status"), catalog, valves, "id") == "LEAKING"
    # integer domains survive pandas turning the column into floats
    assert format_field(2.0, valves.field("condition"), catalog, valves, "id") == "Buruk"


def test_identify_panel_copies_label_value_lines(qtbot, project, lang):
    from PySide6.QtGui import QGuiApplication

    lang("en")
    panel = IdentifyPanel(project)
    qtbot.addWidget(panel)
    panel.show_features("valves", [0])
    panel.table.selectRow(1)  # Asset code
    assert panel.copy_to_clipboard() == "Asset code\tV-001"
    assert QGuiApplication.clipboard().text() == "Asset code\tV-001"
    panel.table.clearSelection()
    lines = panel.copy_to_clipboard().splitlines()
    assert len(lines) == panel.table.rowCount()
    assert "Status\tClosed" in lines
