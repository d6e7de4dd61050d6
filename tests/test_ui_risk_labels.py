"""Risk & Programme dialog on a copy of the sample city, in English and Indonesian: the ranked
table and the risk chart show labels ("Risiko tinggi", "Ductile iron"), not the stored codes
(4, "DI"), and a header click still sorts by the stored values, not alphabetically."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTabWidget

from gisdesk import paths
from gisdesk.core.definitions import default_catalog
from gisdesk.core.layer import DataSource
from gisdesk.core.project import Project
from gisdesk.io.project_file import read_source
from gisdesk.ui import i18n
from gisdesk.ui.analysis.risk_dialog import RiskDialog

pytestmark = pytest.mark.skipif(not paths.sample_city_path().is_file(), reason="no sample city")

RISK_CLASS = {  # written out here, not read from the code under test
    "en": {1: "Very low risk", 2: "Low risk", 3: "Medium risk", 4: "High risk",
           5: "Very high risk"},
    "id": {1: "Risiko sangat rendah", 2: "Risiko rendah", 3: "Risiko sedang",
           4: "Risiko tinggi", 5: "Risiko sangat tinggi"},
}
MATERIAL = {"en": {"DI": "Ductile iron", "CI": "Cast iron", "AC": "Asbestos cement"},
            "id": {"DI": "Besi ulet (DI)", "CI": "Besi tuang (CI)", "AC": "Asbes semen"}}
HEADER = {"en": ("Risk class", "Material"), "id": ("Kelas risiko", "Bahan")}


@pytest.fixture
def project(tmp_path):
    city = shutil.copy(paths.sample_city_path(), tmp_path / "gorontalo.gpkg")
    project = Project(catalog=default_catalog())
    for name in ("water_mains", "valves", "buildings", "inspections"):
        project.add_layer(read_source(DataSource(city, name), project.catalog, project.crs))
    return project


def _shown(dialog, column: int) -> list[str]:
    model = dialog.table.model
    return [model.index(r, column).data() for r in range(model.rowCount())]


def _stored(dialog, name: str) -> list:
    model = dialog.table.model
    return [model.frame[name].iloc[model.source_row(r)] for r in range(model.rowCount())]


def _double_click_first_row(qtbot, table) -> int:
    """Double-click the first shown row; the frame position ``row_activated`` reports."""
    rect = table.view.visualRect(table.model.index(0, 0))
    with qtbot.waitSignal(table.row_activated) as activated:
        # Qt 6 sees a double-click only after a press/release at the same spot
        QTest.mouseClick(table.view.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier, rect.center())
        QTest.mouseDClick(table.view.viewport(), Qt.MouseButton.LeftButton,
                          Qt.KeyboardModifier.NoModifier, rect.center())
    return activated.args[0]


def _drawn_ticks(axis) -> list[str]:
    """The tick texts pyqtgraph would paint (it leaves out those that do not fit)."""
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        return [spec[2] for spec in axis.generateDrawSpecs(painter)[2]]
    finally:
        painter.end()


@pytest.mark.parametrize("lang", ["en", "id"])
def test_ui_risk_dialog_table_and_chart_show_labels_and_sort_by_value(qapp, qtbot, project,
                                                                     lang):
    assert i18n.install_language(qapp, lang)
    try:
        project.planning = {"as_of_year": 2026, "budget": 5e9, "years": 2}
        dialog = RiskDialog(project)
        qtbot.addWidget(dialog)
        dialog.show()
        with qtbot.waitSignal(dialog.finished_run, timeout=60000):
            dialog.run()
        dialog.jobs.wait(5000)
        qapp.processEvents()
        assert dialog.progress.value() == dialog.progress.maximum()  # not left at 80 %
        model, frame = dialog.table.model, dialog.table.model.frame
        columns = list(frame.columns)
        risk_col, material_col = columns.index("risk_class"), columns.index("material")
        header = lambda c: model.headerData(c, Qt.Orientation.Horizontal)  # noqa: E731
        assert (header(risk_col), header(material_col)) == HEADER[lang]

        # opened in rank order, every risk class read as its label in the UI language
        assert _stored(dialog, "rank") == sorted(frame["rank"])
        classes = _stored(dialog, "risk_class")
        assert len(set(classes)) >= 3  # enough classes that label order != value order
        assert _shown(dialog, risk_col) == [RISK_CLASS[lang][c] for c in classes]
        materials = _stored(dialog, "material")
        assert {"DI", "CI"} <= set(materials)
        assert [t for t, m in zip(_shown(dialog, material_col), materials, strict=True)
                if m in MATERIAL[lang]] == [MATERIAL[lang][m] for m in materials
                                            if m in MATERIAL[lang]]

        # a header click sorts by the class number: labels follow 1..5, not the alphabet
        dialog.table.view.sortByColumn(risk_col, Qt.SortOrder.AscendingOrder)
        ascending = _stored(dialog, "risk_class")
        assert ascending == sorted(classes)
        labels = list(dict.fromkeys(_shown(dialog, risk_col)))
        assert labels == [RISK_CLASS[lang][c] for c in sorted(set(classes))]
        assert labels != sorted(labels)  # an alphabetical sort of the labels would differ
        dialog.table.view.sortByColumn(risk_col, Qt.SortOrder.DescendingOrder)
        assert _stored(dialog, "risk_class") == sorted(classes, reverse=True)

        # a double-click on a sorted row names that asset's row of the frame (map zoom)
        row = _double_click_first_row(qtbot, dialog.table)
        assert frame["risk_class"].iloc[row] == max(classes)
        assert frame["asset_id"].iloc[row] == model.index(0, 0).data()

        # the chart names its bars the same way, and every name is really drawn
        tabs = dialog.findChild(QTabWidget)
        tabs.setCurrentWidget(dialog.risk_chart)
        qapp.processEvents()
        drawn = _drawn_ticks(dialog.risk_chart.getAxis("bottom"))
        assert drawn == [RISK_CLASS[lang][c] for c in range(1, 6)]
    finally:
        i18n.install_language(qapp, "en")
        qapp.processEvents()
