"""Expression builder: live count while typing, error position, sample values with labels."""

from __future__ import annotations

import geopandas as gpd
import pytest
import shapely

from gisdesk.core.definitions import default_catalog
from gisdesk.core.layer import MapLayer
from gisdesk.ui.analysis.expression_builder import ExpressionBuilderDialog


@pytest.fixture
def dialog(qtbot):
    catalog = default_catalog()
    frame = gpd.GeoDataFrame({
        "floors": [1, 3, 5, 2],
        "building_use": ["RESIDENTIAL", "HOSPITAL", "SCHOOL", "RESIDENTIAL"],
    }, geometry=[shapely.Point(i, 0) for i in range(4)], crs="EPSG:32651")
    layer = MapLayer("buildings", frame, catalog.match("buildings"))
    dlg = ExpressionBuilderDialog(layer, catalog)
    qtbot.addWidget(dlg)
    return dlg


def test_ui_analysis_expression_live_count_as_you_type(qtbot, dialog):
    dialog.editor.setPlainText('"floors" > 2')
    qtbot.waitUntil(lambda: dialog.match_count == 2, timeout=3000)
    assert "2 of 4" in dialog.status.text()
    dialog.editor.setPlainText('"floors" >= 2 AND "building_use" = \'RESIDENTIAL\'')
    qtbot.waitUntil(lambda: dialog.match_count == 1, timeout=3000)
    assert dialog.mask().tolist() == [False, False, False, True]


def test_ui_analysis_expression_error_position(qtbot, dialog):
    dialog.editor.setPlainText('"floors" > AND 3')
    qtbot.waitUntil(lambda: dialog.error is not None, timeout=3000)
    assert dialog.error_position == 11  # the AND
    assert "^^^" in dialog.status.text()
    assert len(dialog.editor.extraSelections()) == 1
    assert dialog.editor.extraSelections()[0].cursor.selectedText() == "AND"


def test_ui_analysis_expression_unknown_field_points_at_it(qtbot, dialog):
    dialog.editor.setPlainText('"floors" > 1 AND "storeys" = 2')
    qtbot.waitUntil(lambda: dialog.error is not None, timeout=3000)
    assert dialog.error_position == 17
    assert "storeys" in dialog.status.text()


def test_ui_analysis_expression_sample_values_with_domain_labels(dialog):
    dialog.fields.setCurrentRow(1)  # building_use
    texts = [dialog.values.item(i).text() for i in range(dialog.values.count())]
    assert texts[0] == "'RESIDENTIAL' — Residential"
    assert "'HOSPITAL' — Hospital or clinic" in texts


def test_ui_analysis_expression_value_insert(qtbot, dialog):
    dialog.fields.setCurrentRow(1)
    dialog.insert('"building_use" = ')
    dialog.values.itemDoubleClicked.emit(dialog.values.item(1))
    dialog.evaluate()
    assert dialog.text() == "\"building_use\" = 'HOSPITAL'"
    assert dialog.match_count == 1


def test_ui_analysis_expression_saved_in_project_and_rerun(qtbot, dialog):
    from gisdesk.core.project import Project
    from gisdesk.query.saved import SavedQuery

    project = Project(catalog=dialog.catalog)
    project.add_layer(dialog.layer)
    dialog.project = project
    dialog.editor.setPlainText('"building_use" IN (\'SCHOOL\', \'HOSPITAL\')')
    dialog.save_query("schools and hospitals")
    assert project.saved_queries[0]["where"] == "\"building_use\" IN ('SCHOOL', 'HOSPITAL')"
    again = SavedQuery.from_dict(project.saved_queries[0])
    assert again.run({"buildings": dialog.layer}, dialog.catalog).tolist() == [
        False, True, True, False]
