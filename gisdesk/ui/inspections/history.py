"""An asset's inspections inside its form: the list, a condition-over-time chart, "Add inspection".

The list and the chart read the inspections layer (filtered by the asset's UUID) every time the
layer changes, so an inspection added here, from the map or by undo shows at once.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gisdesk.core.inspections import INSPECTIONS
from gisdesk.core.layer import MapLayer
from gisdesk.core.project import Project
from gisdesk.core.roles import can_edit
from gisdesk.ui.i18n import current_language
from gisdesk.ui.panels.value_format import defects_domain, format_codes, format_field
from gisdesk.ui.table.model import Editor, session_of

COLUMNS = ("inspected_on", "inspector", "condition", "defects", "next_due")


def asset_inspections(inspections: MapLayer, asset_uuid: str) -> pd.DataFrame:
    """The asset's inspections, newest first (ties: the last recorded first)."""
    frame = inspections.frame
    if len(frame) == 0 or "asset_uuid" not in frame:
        return frame.iloc[0:0]
    mine = frame[(frame["asset_uuid"] == asset_uuid).to_numpy(dtype=bool, na_value=False)]
    order = pd.to_datetime(mine["inspected_on"], errors="coerce")
    mine = mine.assign(_on=order.to_numpy(), _n=np.arange(len(mine)))
    return mine.sort_values(["_on", "_n"], ascending=False, na_position="last")


class InspectionHistory(QWidget):
    """History tab of one asset."""

    inspection_added = Signal()

    def __init__(self, project: Project, layer: MapLayer, uuid: str, editor: Editor | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project, self.layer, self.uuid, self.editor = project, layer, uuid, editor
        self.lang = current_language()
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.plot = pg.PlotWidget(axisItems={"bottom": pg.DateAxisItem()})
        self.plot.setBackground("w")
        self.plot.setYRange(0.5, 5.5)
        self.plot.setMouseEnabled(x=True, y=False)
        self.plot.setFixedHeight(160)
        self.curve = self.plot.plot([], [], pen=pg.mkPen("#3366cc", width=2), symbol="o",
                                    symbolBrush="#3366cc")
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.add_inspection)
        self.add_button.setEnabled(editor is not None and layer.definition is not None
                                   and can_edit(session_of(editor).profile, layer.definition))
        layout = QVBoxLayout(self)
        layout.addWidget(self.plot)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.add_button)
        self._inspections = project.layer(INSPECTIONS)
        if self._inspections is not None:
            self._inspections.changed.connect(self._on_changed)
        self.destroyed.connect(self._detach_layer)
        self.retranslateUi()
        self.refresh()

    def _detach_layer(self, *_args: object) -> None:
        if self._inspections is not None:
            self._inspections.changed.disconnect(self._on_changed)

    def _on_changed(self, *_args: object) -> None:
        try:
            self.refresh()
        except RuntimeError:  # the C++ widget is already gone
            self._detach_layer()

    def retranslateUi(self) -> None:
        self.table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Inspector"),
                                              self.tr("Condition"), self.tr("Defects"),
                                              self.tr("Next due")])
        self.add_button.setText(self.tr("Add inspection…"))
        self.plot.setLabel("left", self.tr("Condition"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def frame(self) -> pd.DataFrame:
        """The asset's inspections shown, newest first."""
        if self._inspections is None:
            return pd.DataFrame()
        return asset_inspections(self._inspections, self.uuid)

    def refresh(self) -> None:
        """Reload the list and the chart from the inspections layer."""
        mine = self.frame()
        self.table.setRowCount(len(mine))
        definition = self._inspections.definition if self._inspections else None
        for r, (_label, row) in enumerate(mine.iterrows()):  # one asset: a handful of rows
            for c, name in enumerate(COLUMNS):
                fdef = definition.field(name) if definition else None
                if name == "defects":  # codes ("CRACK;LEAK") read as labels ("Retak, Bocor")
                    text = format_codes(row.get(name), defects_domain(
                        self.project.catalog, self.layer.name), self.lang)
                elif fdef and definition:
                    text = format_field(row.get(name), fdef, self.project.catalog, definition,
                                        self.lang)
                else:
                    text = str(row.get(name))
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self._plot(mine)

    def timeline(self) -> tuple[np.ndarray, np.ndarray]:
        """(seconds since epoch, condition) of the dated inspections, oldest first."""
        mine = self.frame()
        if len(mine) == 0:
            return np.empty(0), np.empty(0)
        when = pd.to_datetime(mine["inspected_on"], errors="coerce")
        cond = pd.to_numeric(mine["condition"], errors="coerce")
        ok = (when.notna() & cond.notna()).to_numpy()
        epoch = pd.Timestamp("1970-01-01")
        seconds = ((when[ok] - epoch).dt.total_seconds()).to_numpy(float)
        order = np.argsort(seconds, kind="stable")
        return seconds[order], cond[ok].to_numpy(float)[order]

    def _plot(self, _mine: pd.DataFrame) -> None:
        x, y = self.timeline()
        self.curve.setData(x, y)
        if len(x):
            pad = 30 * 86400
            self.plot.setXRange(x.min() - pad, x.max() + pad)

    def add_inspection(self) -> None:
        """Open the inspection dialog for this asset."""
        from gisdesk.ui.inspections.dialog import InspectionDialog  # noqa: PLC0415

        if self.editor is None:
            return
        dialog = InspectionDialog(self.project, self.layer, self.uuid, self.editor, self)
        if dialog.exec():
            self.inspection_added.emit()

