"""A results table with a title, export to CSV/XLSX and "go to this row" on double-click."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gisdesk.core.definitions import Catalog, LayerDef
from gisdesk.export.tables import export_table
from gisdesk.ui.analysis.frame_model import DataFrameModel, column_title
from gisdesk.ui.i18n import current_language


class ResultTable(QWidget):
    """Shows one result frame; ``row_activated`` gives the position of a double-clicked row
    in the frame (not in the view, which the user may have sorted)."""

    row_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.definition: LayerDef | None = None
        self.catalog: Catalog | None = None
        self.title = QLabel()
        self.model = DataFrameModel()
        self.view = QTableView()
        self.view.setModel(self.model)
        # a header click sorts by the stored values; no indicator at first, so a programme
        # opens in rank order (enabling sorting sorts by the indicator's column at once)
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        # widths from 200 rows, not all: sizing 300 000 nearest pairs froze the window 0.5 s
        self.view.horizontalHeader().setResizeContentsPrecision(200)
        self.view.doubleClicked.connect(self._activated)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.clicked.connect(self.export_dialog)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(top)
        layout.addWidget(self.view)

    def set_result(self, title: str, frame: pd.DataFrame, definition: LayerDef | None = None,
                   catalog: Catalog | None = None) -> None:
        """Show ``frame`` under ``title``; the definition labels the exported headers."""
        self.title.setText(title)
        self.definition, self.catalog = definition, catalog
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.model.set_frame(frame, definition, catalog)
        self.view.resizeColumnsToContents()

    def export_to(self, path: Path) -> Path:
        """Write the shown table to ``path`` (.csv or .xlsx) with readable headers."""
        frame = self.model.frame
        known = set(self.definition.field_names) if self.definition is not None else set()
        lang = current_language()
        frame = frame.rename(columns={  # the definition's own fields are labelled by export
            c: column_title(str(c), None, self.catalog, lang) for c in frame.columns
            if c not in known})
        export_table(frame, path, definition=self.definition, catalog=self.catalog, lang=lang)
        return path

    def export_dialog(self) -> None:
        """Ask for a file and export; errors are shown, never raised."""
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export table"), "", self.tr("Excel (*.xlsx);;CSV (*.csv)"))
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() not in (".csv", ".xlsx"):
            target = target.with_suffix(".xlsx")
        try:
            self.export_to(target)
        except (OSError, ValueError) as exc:
            QMessageBox.warning(self, self.tr("Cannot export"), f"{target}: {exc}")

    def _activated(self, index: QModelIndex) -> None:
        self.row_activated.emit(self.model.source_row(index.row()))
