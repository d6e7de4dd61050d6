"""Summaries by area: a table per kelurahan (km of road by condition, buildings…) and a chart.

The summary runs as a background job (progress and Cancel in the dialog).
"""

from __future__ import annotations

import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gisdesk.core.project import Project
from gisdesk.query.expression import Expression
from gisdesk.query.summary import summarise_by_area
from gisdesk.ui.analysis.background import JobPanel, reporter, start_dialog_job
from gisdesk.ui.analysis.layer_combo import LayerCombo
from gisdesk.ui.analysis.result_table import ResultTable
from gisdesk.ui.jobs import Job, JobContext, JobRunner
from gisdesk.ui.panels.value_format import format_scalar


class SummaryDialog(QDialog):
    """Choose areas, features, an optional category field and filter; shows table and bars."""

    applied = Signal(object)
    """The summary table, once it is shown."""

    def __init__(self, project: Project, parent: QWidget | None = None,
                 jobs: JobRunner | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.jobs = jobs or JobRunner(parent=self)
        self.job: Job | None = None
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
        self.run_button.clicked.connect(self.run)
        self.panel = JobPanel()
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
        layout.addWidget(self.panel)
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

    def run(self) -> Job | None:
        """Start the summary in the background; table and chart (one row per area) follow.

        Returns None (and starts nothing) when a layer is missing or a summary is running.
        """
        areas, features = self.areas.layer(), self.features.layer()
        if areas is None or features is None or self.job is not None:
            return None
        area_frame, feature_frame = areas.frame, features.frame
        text, catalog = self.filter.text().strip(), self.project.catalog
        area_field, category = self.area_field.currentText(), self.category.currentData()
        message = self.tr("Summaries by area")

        def work(ctx: JobContext) -> pd.DataFrame:
            frame = feature_frame
            if text:
                frame = frame[Expression(text).mask(frame, features.definition, catalog,
                                                    features.name)]
            return summarise_by_area(area_frame, frame, area_field, category=category,
                                     names=(areas.name, features.name),
                                     cancel=ctx.cancel_event,
                                     progress=reporter(ctx, message)).reset_index()

        return start_dialog_job(self, work, message, self._show,
                                self.tr("Cannot summarise"), [self.run_button])


    def _show(self, table: pd.DataFrame) -> None:
        self.table.set_result(self.tr("{n} areas").format(n=format_scalar(len(table))), table,
                              catalog=self.project.catalog)
        self._draw(table)
        self.applied.emit(table)

    def reject(self) -> None:
        """Close; a running summary is cancelled."""
        if self.job is not None:
            self.job.cancel()
        super().reject()

    def _draw(self, table: pd.DataFrame) -> None:
        self.chart.clear()
        totals = table["total"].to_numpy(dtype=float)
        bars = pg.BarGraphItem(x=list(range(len(totals))), height=totals, width=0.7,
                               brush="#3366cc")
        self.chart.addItem(bars)
        labels = [(i, str(name)) for i, name in enumerate(table.iloc[:, 0])]
        self.chart.getAxis("bottom").setTicks([labels])
