"""Nearest: the N nearest features of B for every feature of A, with distances, as a table."""

from __future__ import annotations

import pandas as pd
from PySide6.QtWidgets import (
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gisdesk.core.project import Project
from gisdesk.core.selection import Selection
from gisdesk.query.metric import CRSMissingError
from gisdesk.query.spatial import nearest
from gisdesk.ui.analysis.layer_combo import LayerCombo
from gisdesk.ui.analysis.result_table import ResultTable
from gisdesk.ui.panels.value_format import format_scalar


class NearestDialog(QDialog):
    """E.g. the 3 nearest hydrants of each selected building; only A's selection if any."""

    def __init__(self, project: Project, selection: Selection,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project, self.selection = project, selection
        self.setWindowTitle(self.tr("Nearest Features"))
        self.target = LayerCombo(project, "buildings")
        self.reference = LayerCombo(project, "hydrants")
        self.count = QSpinBox(minimum=1, maximum=100, value=3)
        self.max_distance = QDoubleSpinBox(suffix=" m", maximum=1e6, value=0.0)
        self.max_distance.setSpecialValueText(self.tr("no limit"))
        self.run_button = QPushButton(self.tr("Find nearest"))
        self.run_button.clicked.connect(self._run_clicked)
        self.table = ResultTable()
        form = QFormLayout()
        form.addRow(self.tr("For each feature of"), self.target)
        form.addRow(self.tr("find the nearest"), self.count)
        form.addRow(self.tr("features of"), self.reference)
        form.addRow(self.tr("within"), self.max_distance)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.run_button)
        layout.addWidget(self.table)
        self.resize(640, 520)

    def run(self) -> pd.DataFrame:
        """The pairs table (A's identifier, rank, B's identifier, distance in metres)."""
        a, b = self.target.layer(), self.reference.layer()
        if a is None or b is None:
            return pd.DataFrame()
        rows = self.selection.rows(a.name)
        frame = a.frame.iloc[rows] if len(rows) else a.frame
        limit = self.max_distance.value() or None
        pairs = nearest(frame, b.frame, n=self.count.value(), max_distance=limit,
                        names=(a.name, b.name))
        table = pd.DataFrame({
            a.name: _ids(a.frame, pairs["target"]), "rank": pairs["rank"].astype(int),
            b.name: _ids(b.frame, pairs["reference"]),
            "distance_m": pairs["distance_m"].round(1),
        })
        self.table.set_result(self.tr("{n} pairs").format(n=format_scalar(len(table))), table,
                              catalog=self.project.catalog)
        return table

    def _run_clicked(self) -> None:
        try:
            self.run()
        except (ValueError, CRSMissingError) as exc:
            QMessageBox.warning(self, self.tr("Cannot find nearest features"), str(exc))


def _ids(frame: pd.DataFrame, labels: pd.Series) -> list:
    """Asset codes (or names) of the rows with the given index labels."""
    for column in ("asset_id", "name"):
        if column in frame.columns:
            return frame.loc[labels, column].tolist()
    return list(labels)
