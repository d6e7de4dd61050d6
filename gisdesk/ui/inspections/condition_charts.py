"""Condition distribution charts: one bar per class for a layer, stacked bars per kelurahan.

The counting is done in the Qt-free :mod:`gisdesk.core.condition_stats`; this widget only draws
the small tables it returns with pyqtgraph, in the condition domain's own colours.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from gisdesk.core.condition_stats import (
    condition_by_district,
    condition_codes,
    condition_counts,
    missing_condition,
)
from gisdesk.core.layer import MapLayer
from gisdesk.core.project import Project
from gisdesk.ui.i18n import current_language
from gisdesk.ui.panels.value_format import format_scalar

DISTRICTS = "districts"


class ConditionCharts(QWidget):
    """A layer chooser, the per-layer bar chart and the per-kelurahan stacked chart."""

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.lang = current_language()
        self.codes = condition_codes(project.catalog)
        self.layer_box = QComboBox()
        self.note = QLabel()
        self.layer_plot = pg.PlotWidget()
        self.district_plot = pg.PlotWidget()
        for plot in (self.layer_plot, self.district_plot):
            plot.setBackground("w")
            plot.setMouseEnabled(x=False, y=False)
        self.counts = pd.Series(dtype=np.int64)
        self.by_district = pd.DataFrame()
        layout = QVBoxLayout(self)
        layout.addWidget(self.layer_box)
        layout.addWidget(self.layer_plot, 1)
        layout.addWidget(self.district_plot, 1)
        layout.addWidget(self.note)
        self.fill_layers()
        self.layer_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.retranslateUi()

    def _colors(self) -> list[str]:
        domain = self.project.catalog.domains.get("condition")
        if domain is None:
            return ["#888888"] * len(self.codes)
        return [v.color or "#888888" for v in domain.values]

    def _labels(self) -> list[str]:
        domain = self.project.catalog.domains.get("condition")
        if domain is None:
            return [str(c) for c in self.codes]
        return [v.label.get(self.lang) for v in domain.values]

    def condition_layers(self) -> list[MapLayer]:
        """Layers with a condition field."""
        return [lyr for lyr in self.project.layers
                if lyr.definition is not None and lyr.definition.field("condition") is not None
                and lyr.definition.inspection is not None]

    def fill_layers(self) -> None:
        """List the layers that carry a condition."""
        self.layer_box.blockSignals(True)
        self.layer_box.clear()
        for lyr in self.condition_layers():
            self.layer_box.addItem(lyr.title_in(self.lang), lyr.name)
        self.layer_box.blockSignals(False)

    def show_layer(self, name: str) -> None:
        """Chart layer ``name``."""
        self.layer_box.setCurrentIndex(self.layer_box.findData(name))
        self.refresh()

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Condition distribution"))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def refresh(self) -> None:
        """Recount and redraw for the chosen layer."""
        self.layer_plot.clear()
        self.district_plot.clear()
        name = self.layer_box.currentData()
        layer = self.project.layer(name) if name else None
        if layer is None:
            self.counts, self.by_district = pd.Series(dtype=np.int64), pd.DataFrame()
            self.note.setText(self.tr("No layer with a condition is open."))
            return
        self.counts = condition_counts(layer, self.codes)
        self._draw_layer()
        districts = self.project.layer(DISTRICTS)
        if districts is not None and layer.is_spatial and "name" in districts.frame:
            self.by_district = condition_by_district(layer, districts, "name", self.codes)
            self._draw_districts()
        else:
            self.by_district = pd.DataFrame()
        self.note.setText(self.tr("{n} assets without a condition (never inspected)").format(
            n=format_scalar(missing_condition(layer))))

    def _draw_layer(self) -> None:
        x = np.arange(len(self.codes))
        bars = pg.BarGraphItem(x=x, height=self.counts.to_numpy(float), width=0.7,
                               brushes=self._colors())
        self.layer_plot.addItem(bars)
        self.layer_plot.getAxis("bottom").setTicks([list(zip(x.tolist(), self._labels(),
                                                             strict=True))])
        self.layer_plot.setTitle(self.tr("Assets per condition"))

    def _draw_districts(self) -> None:
        table = self.by_district
        x = np.arange(len(table))
        base = np.zeros(len(table))
        for code, color in zip(self.codes, self._colors(), strict=True):
            height = table[code].to_numpy(float)
            self.district_plot.addItem(pg.BarGraphItem(x=x, y0=base, height=height, width=0.7,
                                                       brush=color))
            base = base + height
        ticks = list(zip(x.tolist(), [str(i) for i in table.index], strict=True))
        self.district_plot.getAxis("bottom").setTicks([ticks])
        self.district_plot.setTitle(self.tr("Condition per kelurahan"))
