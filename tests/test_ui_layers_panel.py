"""LayersPanel around a real Project: the view edits the project and follows its events."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import geopandas as gpd
import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication
from shapely.geometry import LineString, Point

from gisdesk.core.definitions import default_catalog
from gisdesk.core.layer import MapLayer
from gisdesk.core.project import Project
from gisdesk.ui import i18n as ui_i18n
from gisdesk.ui.panels.layer_tree_model import LayerNameRole
from gisdesk.ui.panels.layers_panel import LayersPanel


@pytest.fixture
def project():
    catalog = default_catalog()
    proj = Project(catalog=catalog)
    valves = gpd.GeoDataFrame({"status": ["OPEN", "CLOSED"]},
                              geometry=[Point(0, 0), Point(5, 5)], crs="EPSG:32651")
    roads = gpd.GeoDataFrame({"name": ["Jl. A"]}, geometry=[LineString([(0, 0), (9, 9)])],
                             crs="EPSG:32651")
    loose = gpd.GeoDataFrame({"x": [1]}, geometry=[Point(1, 1)])
    proj.add_layer(MapLayer("roads", roads, catalog.match("roads"), source_crs="EPSG:32651"))
    proj.add_layer(MapLayer("valves", valves, catalog.match("valves"), source_crs="EPSG:32651"))
    proj.add_layer(MapLayer("survey", loose))  # no definition, no CRS
    return proj


@pytest.fixture
def english(qapp):
    ui_i18n.install_language(qapp, "en")
    yield
    ui_i18n.install_language(qapp, "en")


def _names(model):
    return [model.index(r, 0).data(LayerNameRole) for r in range(model.rowCount())]


def test_layers_panel_top_row_is_drawn_last(qtbot, project, english):
    panel = LayersPanel(project)
    qtbot.addWidget(panel)
    assert _names(panel.model) == ["survey", "valves", "roads"]
    assert panel.model.index(1, 0).data() == "Valves"


def test_layers_panel_checkbox_toggles_project_visibility(qtbot, project, english):
    panel = LayersPanel(project)
    qtbot.addWidget(panel)
    index = panel.model.index(1, 0)
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert panel.model.setData(index, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert project.layer("valves").visible is False
    assert panel.model.index(1, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    project.set_visible("valves", True)  # and the other way: project -> view
    assert panel.model.index(1, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked


def test_layers_panel_drop_reorders_project(qtbot, project, english):
    panel = LayersPanel(project)
    qtbot.addWidget(panel)
    model = panel.model
    mime = model.mimeData([model.index(2, 0)])  # roads, at the bottom of the panel
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert [lyr.name for lyr in project.layers] == ["valves", "survey", "roads"]
    assert _names(model) == ["roads", "survey", "valves"]
    # dropping the top layer at the end puts it at the bottom of the drawing order
    mime = model.mimeData([model.index(0, 0)])
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, 0, QModelIndex())
    assert [lyr.name for lyr in project.layers] == ["roads", "valves", "survey"]


def test_layers_panel_legend_rows_follow_language(qtbot, project, qapp):
    panel = LayersPanel(project)
    qtbot.addWidget(panel)
    valves = panel.model.index(1, 0)
    try:
        assert ui_i18n.install_language(qapp, "en")
        labels_en = [panel.model.index(r, 0, valves).data()
                     for r in range(panel.model.rowCount(valves))]
        assert ui_i18n.install_language(qapp, "id")
        labels_id = [panel.model.index(r, 0, valves).data()
                     for r in range(panel.model.rowCount(valves))]
    finally:
        ui_i18n.install_language(qapp, "en")
    domain = project.catalog.domains["valve_status"]
    assert labels_en == [domain.label(c, "en") for c in ["OPEN", "CLOSED", "BROKEN"]]
    assert labels_id == [domain.label(c, "id") for c in ["OPEN", "CLOSED", "BROKEN"]]
    assert labels_id != labels_en
    assert panel.model.index(0, 0, valves).data(Qt.ItemDataRole.DecorationRole) is not None


def test_layers_panel_menu_signals_and_remove(qtbot, project, english):
    panel = LayersPanel(project)
    qtbot.addWidget(panel)
    menu = panel.build_menu("survey")
    actions = {a.text(): a for a in menu.actions() if a.text()}
    assert actions["Set CRS…"].isEnabled()
    with qtbot.waitSignal(panel.set_crs_requested) as crs:
        actions["Set CRS…"].trigger()
    assert crs.args == ["survey"]
    with qtbot.waitSignal(panel.zoom_to_layer_requested) as zoom:
        actions["Zoom to Layer"].trigger()
    assert zoom.args == ["survey"]
    # a layer whose file has a CRS may still need it corrected (a wrong .prj)
    assert {a.text(): a for a in panel.build_menu("valves").actions()}["Set CRS…"].isEnabled()
    actions["Remove Layer"].trigger()
    assert [lyr.name for lyr in project.layers] == ["roads", "valves"]
    assert _names(panel.model) == ["valves", "roads"]


def test_layers_panel_opacity_slider_sets_project_opacity(qtbot, project, english):
    from gisdesk.ui.panels.layers_panel import OpacitySlider

    panel = LayersPanel(project)
    qtbot.addWidget(panel)
    menu = panel.build_menu("roads")
    slider = menu.findChild(OpacitySlider)
    assert slider.slider.value() == 100
    slider.slider.setValue(40)
    assert project.layer("roads").opacity == pytest.approx(0.4)


def test_layers_panel_current_layer_signal(qtbot, project, english):
    panel = LayersPanel(project)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.current_layer_changed) as sig:
        panel.select_layer("valves")
    assert sig.args == ["valves"]
    assert panel.current_layer() == "valves"


def test_layers_panel_survives_deletion_of_widget(qtbot, project, english):
    import shiboken6
    from PySide6.QtCore import QCoreApplication, QEvent

    panel = LayersPanel(project)
    model = panel.model
    panel.deleteLater()
    QApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(model)
    project.set_visible("roads", False)  # must not call into the deleted model
    assert project.layer("roads").visible is False


def test_layers_panel_legend_other_row_and_line_swatch(qtbot, project, qapp):
    panel = LayersPanel(project)
    qtbot.addWidget(panel)
    roads = panel.model.index(2, 0)
    count = panel.model.rowCount(roads)
    assert count == 4  # ARTERIAL, COLLECTOR, LOCAL + Other
    try:
        ui_i18n.install_language(qapp, "id")
        assert panel.model.index(count - 1, 0, roads).data() == "Lainnya"
    finally:
        ui_i18n.install_language(qapp, "en")
    assert panel.model.index(count - 1, 0, roads).data() == "Other"
    icon = panel.model.index(0, 0, roads).data(Qt.ItemDataRole.DecorationRole)
    image = icon.pixmap(16, 16).toImage()
    # the arterial swatch is a red diagonal line: its centre is red, a corner is transparent
    centre = image.pixelColor(8, 8)
    assert centre.red() > 150 and centre.green() < 100
    assert image.pixelColor(15, 15).alpha() == 0


def test_layers_panel_table_without_geometries_needs_no_crs(qtbot, project, english):
    table = gpd.GeoDataFrame({"uuid": ["a"], "geometry": [None]}, geometry="geometry")
    project.add_layer(MapLayer("inspections", table, project.catalog.match("inspections")))
    panel = LayersPanel(project)
    qtbot.addWidget(panel)
    actions = {a.text(): a for a in panel.build_menu("inspections").actions()}
    assert not actions["Set CRS…"].isEnabled()
    assert not actions["Zoom to Layer"].isEnabled()
    assert panel.build_menu("survey").actions()[1].isEnabled()  # survey has points, no CRS
    row = panel.model.row_of("inspections")
    assert panel.model.index(row, 0).data(Qt.ItemDataRole.DecorationRole) is None


def test_layers_panel_legend_tooltip_is_domain_description(qtbot, project, english):
    cond = gpd.GeoDataFrame({"condition": [2]}, geometry=[Point(0, 0)], crs="EPSG:32651")
    project.add_layer(MapLayer("hydrants", cond, project.catalog.match("hydrants"),
                               source_crs="EPSG:32651"))
    panel = LayersPanel(project)
    qtbot.addWidget(panel)
    hydrants = panel.model.index(panel.model.row_of("hydrants"), 0)
    poor = panel.model.index(1, 0, hydrants)
    assert poor.data() == "Poor"
    assert poor.data(Qt.ItemDataRole.ToolTipRole) == "Major defects; renew within 1-2 years"


def test_layers_panel_double_click_requests_properties(qtbot, project, english):
    panel = LayersPanel(project)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.properties_requested) as sig:
        panel.view.doubleClicked.emit(panel.model.index(1, 0))
    assert sig.args == ["valves"]
    legend_row = panel.model.index(0, 0, panel.model.index(1, 0))
    with qtbot.assertNotEmitted(panel.properties_requested):
        panel.view.doubleClicked.emit(legend_row)


def test_layers_panel_keeps_current_layer_and_folds_after_reorder(qtbot, project, english):
    panel = LayersPanel(project)
    qtbot.addWidget(panel)
    panel.select_layer("roads")
    panel.view.collapse(panel.model.index(1, 0))  # fold the valves legend
    project.move_layer("roads", 2)  # roads to the top
    assert panel.current_layer() == "roads"
    assert panel.model.row_of("roads") == 0
    assert not panel.view.isExpanded(panel.model.index(panel.model.row_of("valves"), 0))
    assert panel.view.isExpanded(panel.model.index(0, 0))


def test_layers_panel_drop_event_on_view_reorders(qtbot, project, english):
    """A drop delivered to the tree view itself (not just the model) moves the layer."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent

    panel = LayersPanel(project)
    qtbot.addWidget(panel)
    panel.resize(300, 300)
    panel.show()
    qtbot.waitExposed(panel)
    model = panel.model
    mime = model.mimeData([model.index(2, 0)])  # roads, bottom row
    top = panel.view.visualRect(model.index(0, 0))
    pos = QPointF(top.center().x(), top.top() + 1)  # just above the top row
    viewport = panel.view.viewport()
    args = (Qt.DropAction.MoveAction, mime, Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier)
    for event in (QDragEnterEvent(pos.toPoint(), *args), QDragMoveEvent(pos.toPoint(), *args),
                  QDropEvent(pos, *args)):
        QApplication.sendEvent(viewport, event)
    assert [lyr.name for lyr in project.layers] == ["valves", "survey", "roads"]
    assert _names(model)[0] == "roads"
