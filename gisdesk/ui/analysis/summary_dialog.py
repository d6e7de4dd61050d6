"""Summaries by area: a table per kelurahan (km of road by condition, buildings…) and a chart."""

from __future__ import annotations

import pandas as pd
import pyqtgraph as pg
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gisdesk.core.project import Project
from gisdesk.query.expression import Expression, ExpressionError
from gisdesk.query.metric import CRSMissingError
from gisdesk.query.summary import summarise_by_area
from gisdesk.ui.analysis.layer_combo import LayerCombo
from gisdesk.ui.analysis.result_table import ResultTable
from gisdesk.ui.panels.value_format import format_scalar


class SummaryDialog(QDialog):
    """Choose areas, features, an optional category field and filter; shows table and bars."""

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.setWindowTitle(self.tr("Summaries by Area"))
        self.areas = LayerCombo(project, "districts")
        self.area_field = QComboBox()
        self.features = LayerCombo(project, "roads")
        self.category = QComboBox()
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr('e.g. "install_year" < 1986'))
        self.areas.currentTextChanged.connect(self._fill_area_fields)
        self.features.currentTextChanged.connect(self._fill_categories)
        self._fill_area_fields()
        self._fill_categories()
        self.run_button = QPushButton(self.tr("Summarise"))
        self.run_button.clicked.connect(self._run_clicked)
        self.table = ResultTable()
        self.chart = pg.PlotWidget()
        self.chart.setMinimumHeight(180)
        form = QFormLayout()
        form.addRow(self.tr("Areas"), self.areas)
        form.addRow(self.tr("Area name field"), self.area_field)
        form.addRow(self.tr("Features"), self.features)
        form.addRow(self.tr("Split by"), self.category)
        form.addRow(self.tr("Filter"), self.filter)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.run_button)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.chart, 1)
        self.resize(720, 640)

    def _fill_area_fields(self) -> None:
        self.area_field.clear()
        layer = self.areas.layer()
        if layer is not None:
            names = [c for c in layer.frame.columns if c != layer.frame.geometry.name]
            self.area_field.addItems(names)
            if "name" in names:
                self.area_field.setCurrentText("name")

    def _fill_categories(self) -> None:
        self.category.clear()
        self.category.addItem(self.tr("(nothing)"), None)
        layer = self.features.layer()
        if layer is not None:
            for name in layer.frame.columns:
                if name != layer.frame.geometry.name:
                    self.category.addItem(str(name), name)

    def run(self) -> pd.DataFrame:
        """The summary table (one row per area) shown in the table and the chart."""
        areas, features = self.areas.layer(), self.features.layer()
        if areas is None or features is None:
            return pd.DataFrame()
        frame = features.frame
        text = self.filter.text().strip()
        if text:
            frame = frame[Expression(text).mask(frame, features.definition,
                                                self.project.catalog, features.name)]
        table = summarise_by_area(areas.frame, frame, self.area_field.currentText(),
                                  category=self.category.currentData(),
                                  names=(areas.name, features.name)).reset_index()
        self.table.set_result(self.tr("{n} areas").format(n=format_scalar(len(table))), table,
                              catalog=self.project.catalog)
        self._draw(table)
        return table

    def _draw(self, table: pd.DataFrame) -> None:
        self.chart.clear()
        totals = table["total"].to_numpy(dtype=float)
        bars = pg.BarGraphItem(x=list(range(len(totals))), height=totals, width=0.7,
                               brush="#3366cc")
        self.chart.addItem(bars)
        labels = [(i, str(name)) for i, name in enumerate(table.iloc[:, 0])]
        self.chart.getAxis("bottom").setTicks([labels])

    def _run_clicked(self) -> None:
        try:
            self.run()
        except (ValueError, ExpressionError, CRSMissingError) as exc:
            QMessageBox.warning(self, self.tr("Cannot summarise"), str(exc))
