"""Nearest: the N nearest features of B for every feature of A, with distances, as a table.

The search runs as a background job (progress and Cancel in the dialog).
"""

from __future__ import annotations

import pandas as pd
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gisdesk.core.project import Project
from gisdesk.core.selection import Selection
from gisdesk.query.spatial import nearest
from gisdesk.ui.analysis.background import JobPanel, reporter, start_dialog_job
from gisdesk.ui.analysis.layer_combo import LayerCombo
from gisdesk.ui.analysis.result_table import ResultTable
from gisdesk.ui.jobs import Job, JobContext, JobRunner
from gisdesk.ui.panels.value_format import format_scalar


class NearestDialog(QDialog):
    """E.g. the 3 nearest hydrants of each selected building; only A's selection if any."""

    applied = Signal(object)
    """The pairs table, once it is shown."""

    def __init__(self, project: Project, selection: Selection,
                 parent: QWidget | None = None, jobs: JobRunner | None = None) -> None:
        super().__init__(parent)
        self.project, self.selection = project, selection
        self.jobs = jobs or JobRunner(parent=self)
        self.job: Job | None = None
        self.setWindowTitle(self.tr("Nearest Features"))
        self.target = LayerCombo(project, "buildings")
        self.reference = LayerCombo(project, "hydrants")
        self.count = QSpinBox(minimum=1, maximum=100, value=3)
        self.max_distance = QDoubleSpinBox(suffix=" m", maximum=1e6, value=0.0)
        self.max_distance.setSpecialValueText(self.tr("no limit"))
        self.run_button = QPushButton(self.tr("Find nearest"))
        self.run_button.clicked.connect(self.run)
        self.panel = JobPanel()
        self.table = ResultTable()
        form = QFormLayout()
        form.addRow(self.tr("For each feature of"), self.target)
        form.addRow(self.tr("find the nearest"), self.count)
        form.addRow(self.tr("features of"), self.reference)
        form.addRow(self.tr("within"), self.max_distance)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.run_button)
        layout.addWidget(self.panel)
        layout.addWidget(self.table)
        self.resize(640, 520)

    def run(self) -> Job | None:
        """Start the search in the background; the pairs table is shown when it ends.

        The table: A's identifier, rank, B's identifier, distance in metres. Returns None (and
        starts nothing) when a layer is missing or a search is already running.
        """
        a, b = self.target.layer(), self.reference.layer()
        if a is None or b is None or self.job is not None:
            return None
        rows = self.selection.rows(a.name)
        a_frame, b_frame = a.frame, b.frame
        n, limit = self.count.value(), self.max_distance.value() or None
        message = self.tr("Nearest features")

        def work(ctx: JobContext) -> pd.DataFrame:
            frame = a_frame.iloc[rows] if len(rows) else a_frame
            pairs = nearest(frame, b_frame, n=n, max_distance=limit, names=(a.name, b.name),
                            cancel=ctx.cancel_event, progress=reporter(ctx, message))
            return pd.DataFrame({
                a.name: _ids(a_frame, pairs["target"]), "rank": pairs["rank"].astype(int),
                b.name: _ids(b_frame, pairs["reference"]),
                "distance_m": pairs["distance_m"].round(1),
            })

        return start_dialog_job(self, work, message, self._show,
                                self.tr("Cannot find nearest features"), [self.run_button])


    def _show(self, table: pd.DataFrame) -> None:
        self.table.set_result(self.tr("{n} pairs").format(n=format_scalar(len(table))), table,
                              catalog=self.project.catalog)
        self.applied.emit(table)

    def reject(self) -> None:
        """Close; a running search is cancelled."""
        if self.job is not None:
            self.job.cancel()
        super().reject()


def _ids(frame: pd.DataFrame, labels: pd.Series) -> list:
    """Asset codes (or names) of the rows with the given index labels."""
    for column in ("asset_id", "name"):
        if column in frame.columns:
            return frame.loc[labels, column].tolist()
    return list(labels)
