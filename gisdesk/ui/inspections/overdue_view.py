"""Overdue inspections of one layer: most overdue first; double-click shows the asset on the map.

The table is built from the core's :func:`~gisdesk.core.inspections.inspection_status`; only
assets that are due (zero or more days overdue, never-inspected included) are listed.
"Export…" writes the list as CSV or XLSX through the same table export as the attribute table
(:func:`gisdesk.export.tables.export_table`), headed as on screen in the UI language, so the
field crew's work list can be printed or mailed.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd
from PySide6.QtCore import QEvent, QModelIndex, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gisdesk.core import edits_frame as rows
from gisdesk.core.inspections import INSPECTIONS, inspection_status
from gisdesk.core.layer import MapLayer
from gisdesk.core.project import Project
from gisdesk.export.tables import TableExport, export_table
from gisdesk.ui.i18n import current_language, format_date
from gisdesk.ui.panels.value_format import format_scalar

MIN_EXTENT = 50.0
"""Zoom box (metres) around a point asset, so the map does not zoom to a single pixel."""


def _status(asset: MapLayer, inspections: MapLayer, today: dt.date) -> pd.DataFrame:
    """The core's status table; a layer with no inspections at all is wholly due today."""
    frame = inspections.frame
    if len(frame) and "asset_layer" in frame and (frame["asset_layer"] == asset.name).any():
        return inspection_status(asset, inspections, today)
    n = len(asset.frame)  # (inspection_status cannot type an empty "latest" table yet)
    return pd.DataFrame({
        "uuid": asset.frame[rows.key_of(asset)].to_numpy(),
        "last_inspected": pd.Series(pd.NaT, index=range(n), dtype="datetime64[ns]"),
        "next_due": pd.Series(pd.Timestamp(today), index=range(n)),
        "days_overdue": np.zeros(n, dtype=np.int64),
    })


def overdue(asset: MapLayer, inspections: MapLayer, today: dt.date) -> pd.DataFrame:
    """Assets whose next inspection is due by ``today``, with their label and row position."""
    status = _status(asset, inspections, today)
    due = status[status["next_due"] <= pd.Timestamp(today)].copy()
    key = rows.key_of(asset)
    position = pd.Series(np.arange(len(asset.frame)), index=asset.frame[key].to_numpy())
    due["row"] = due["uuid"].map(position).to_numpy()
    label = asset.definition.label_field if asset.definition else None
    due["label"] = (asset.frame[label].to_numpy()[due["row"].to_numpy(int)]
                    if label and label in asset.frame else due["uuid"])
    return due.reset_index(drop=True)


class OverdueView(QWidget):
    """Layer chooser and the overdue table."""

    zoom_requested = Signal(object)
    """Extent of the double-clicked asset."""
    asset_activated = Signal(str, int)
    """(layer name, row) of the double-clicked asset, e.g. to select it."""

    def __init__(self, project: Project, today: dt.date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.today = today or dt.date.today()
        self.lang = current_language()
        self.layer_box = QComboBox()
        self.summary = QLabel()
        self.model = QStandardItemModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.view.doubleClicked.connect(self._activated)
        self.frame = pd.DataFrame()
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self.export_dialog)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.layer_box)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        self.fill_layers()
        self.layer_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.retranslateUi()

    def inspected_layers(self) -> list[MapLayer]:
        """Layers with an inspection template (assets that get inspected)."""
        return [lyr for lyr in self.project.layers
                if lyr.definition is not None and lyr.definition.inspection is not None]

    def fill_layers(self) -> None:
        """List the inspected layers in the chooser."""
        self.layer_box.blockSignals(True)
        self.layer_box.clear()
        for lyr in self.inspected_layers():
            self.layer_box.addItem(lyr.title_in(self.lang), lyr.name)
        self.layer_box.blockSignals(False)

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Overdue inspections"))
        self.export_button.setText(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Save this list as a CSV or Excel file"))
        self.refresh()

    def headers(self) -> list[str]:
        """Column titles in the UI language (the table's and the exported file's)."""
        return [self.tr("Asset"), self.tr("Last inspected"), self.tr("Due"),
                self.tr("Days overdue")]

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def show_layer(self, name: str) -> None:
        """Show the overdue assets of layer ``name``."""
        self.layer_box.setCurrentIndex(self.layer_box.findData(name))
        self.refresh()

    def refresh(self) -> None:
        """Recompute the table for the chosen layer."""
        self.model.clear()
        self.model.setHorizontalHeaderLabels(self.headers())
        name = self.layer_box.currentData()
        asset = self.project.layer(name) if name else None
        inspections = self.project.layer(INSPECTIONS)
        if asset is None or inspections is None:
            self.frame = pd.DataFrame()
            self.summary.setText(self.tr("No inspected layer is open."))
            self.export_button.setEnabled(False)
            return
        self.export_button.setEnabled(True)
        self.frame = overdue(asset, inspections, self.today)
        for rec in self.frame.itertuples():  # due assets of one layer: a bounded list
            last = "" if pd.isna(rec.last_inspected) else format_date(rec.last_inspected.date())
            self.model.appendRow([QStandardItem(str(rec.label)), QStandardItem(last),
                                  QStandardItem(format_date(rec.next_due.date())),
                                  QStandardItem(str(int(rec.days_overdue)))])
        self.summary.setText(self.tr("{n} of {total} assets are due for inspection").format(
            n=format_scalar(len(self.frame)), total=format_scalar(len(asset.frame))))

    def export_frame(self) -> pd.DataFrame:
        """The listed assets as plain columns under the on-screen headers."""
        columns = ["label", "last_inspected", "next_due", "days_overdue"]
        if self.frame.empty:
            return pd.DataFrame(columns=self.headers())
        table = self.frame[columns].copy()
        table["label"] = table["label"].astype(str)
        table.columns = self.headers()
        return table

    def export_to(self, path: Path) -> TableExport:
        """Write the list to ``path`` (.csv or .xlsx); raises ValueError/OSError naming it."""
        return export_table(self.export_frame(), path, lang=current_language(),
                            sheet_name=self.tr("Overdue inspections"))

    def export_dialog(self) -> None:
        """Ask for a file and export the list; errors are shown, never raised."""
        name = self.layer_box.currentData() or "overdue"
        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Export overdue inspections"), f"overdue_{name}.xlsx",
            self.tr("Excel (*.xlsx);;CSV (*.csv)"))
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() not in (".csv", ".xlsx"):
            target = target.with_suffix(".csv" if "csv" in chosen.lower() else ".xlsx")
        try:
            self.export_to(target)
        except (OSError, ValueError) as exc:
            text = str(exc) if str(target) in str(exc) else f"{target}: {exc}"
            QMessageBox.warning(self, self.tr("Cannot export"), text)

    def _activated(self, index: QModelIndex) -> None:
        name = self.layer_box.currentData()
        asset = self.project.layer(name) if name else None
        if asset is None or not index.isValid() or index.row() >= len(self.frame):
            return
        row = int(self.frame["row"].iat[index.row()])
        self.asset_activated.emit(asset.name, row)
        if asset.is_spatial:
            minx, miny, maxx, maxy = asset.frame.geometry.iloc[row].bounds
            cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
            half = max(maxx - minx, maxy - miny, MIN_EXTENT) / 2
            self.zoom_requested.emit((cx - half, cy - half, cx + half, cy + half))
