"""Select by location: features of A that intersect / lie within / contain / are near B.

B may be narrowed to its selected features or by a filter expression. The answer becomes the
selection, a temporary layer, or a layer saved into a GeoPackage; the query can be saved in
the project and run again (:class:`gisdesk.query.saved.SavedQuery`). The query runs as a
background job (progress and Cancel in the dialog); its answer is applied when it ends.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from gisdesk.core.definitions import Catalog, LayerDef
from gisdesk.core.layer import MapLayer
from gisdesk.core.project import Project
from gisdesk.core.selection import Selection
from gisdesk.query.expression import Expression, ExpressionError
from gisdesk.query.output import write_result
from gisdesk.query.saved import SavedQuery
from gisdesk.query.spatial import select_by_location
from gisdesk.ui.analysis.background import (
    JobPanel,
    layers_stamp,
    reporter,
    start_dialog_job,
    still_current,
)
from gisdesk.ui.analysis.layer_combo import LayerCombo
from gisdesk.ui.jobs import Job, JobContext, JobRunner

PREDICATES = ["intersects", "within", "contains", "dwithin"]


class SelectByLocationDialog(QDialog):
    """Choose A, the relation, B and where the result goes; :meth:`run` starts the work."""

    applied = Signal(object)
    """Rows (positions) of A that were sent to the output, once the job's answer is applied."""

    def __init__(self, project: Project, selection: Selection,
                 parent: QWidget | None = None, jobs: JobRunner | None = None) -> None:
        super().__init__(parent)
        self.project, self.selection = project, selection
        self.jobs = jobs or JobRunner(parent=self)
        self.job: Job | None = None
        self._closing = False
        self.setWindowTitle(self.tr("Select by Location"))
        self.target = LayerCombo(project, "buildings")
        self.reference = LayerCombo(project, "water_mains")
        self.predicate = QComboBox()
        for text in (self.tr("intersect"), self.tr("are within"), self.tr("contain"),
                     self.tr("are within a distance of")):
            self.predicate.addItem(text)
        self.distance = QDoubleSpinBox(suffix=" m", maximum=100000.0, value=50.0)
        self.predicate.currentIndexChanged.connect(
            lambda i: self.distance.setEnabled(PREDICATES[i] == "dwithin"))
        self.predicate.setCurrentIndex(3)
        self.only_selected = QCheckBox(self.tr("Only the selected features of B"))
        self.reference_filter = QLineEdit()
        self.reference_filter.setPlaceholderText(self.tr('e.g. "condition" <= 2'))
        self.to_selection = QRadioButton(self.tr("Select them"))
        self.to_layer = QRadioButton(self.tr("New temporary layer"))
        self.to_gpkg = QRadioButton(self.tr("Save to a GeoPackage…"))
        self.to_selection.setChecked(True)
        self.outputs = QButtonGroup(self)
        for button in (self.to_selection, self.to_layer, self.to_gpkg):
            self.outputs.addButton(button)
        self.gpkg_path: Path | None = None
        self.save_query_button = QPushButton(self.tr("Save query…"))
        self.save_query_button.clicked.connect(self.save_query_dialog)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._ok)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.panel = JobPanel()
        form = QFormLayout()
        form.addRow(self.tr("Select features of (A)"), self.target)
        form.addRow(self.tr("that"), self.predicate)
        form.addRow(self.tr("Distance"), self.distance)
        form.addRow(self.tr("features of (B)"), self.reference)
        form.addRow("", self.only_selected)
        form.addRow(self.tr("Filter B"), self.reference_filter)
        out = QHBoxLayout()
        for button in (self.to_selection, self.to_layer, self.to_gpkg):
            out.addWidget(button)
        self.inputs = QWidget()  # disabled as a whole while a query runs
        inputs = QVBoxLayout(self.inputs)
        inputs.setContentsMargins(0, 0, 0, 0)
        inputs.addLayout(form)
        inputs.addLayout(out)
        inputs.addWidget(self.save_query_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.inputs)
        layout.addWidget(self.panel)
        layout.addWidget(buttons)

    def predicate_name(self) -> str:
        """The relation as the core names it."""
        return PREDICATES[self.predicate.currentIndex()]

    def reference_features(self, reference: MapLayer) -> gpd.GeoDataFrame:
        """B's features after "only selected" and the filter."""
        rows = self.selection.rows(reference.name) if self.only_selected.isChecked() else None
        return narrow(reference.frame, rows, self.reference_filter.text(), reference.definition,
                      self.project.catalog, reference.name)

    def run(self) -> Job | None:
        """Start the query in the background; its rows go to the output when it ends.

        Returns None (and starts nothing) when a layer is missing or a query is running.
        """
        target, reference = self.target.layer(), self.reference.layer()
        if target is None or reference is None or self.job is not None:
            return None
        predicate = self.predicate_name()
        distance = self.distance.value() if predicate == "dwithin" else None
        rows = self.selection.rows(reference.name) if self.only_selected.isChecked() else None
        text, catalog = self.reference_filter.text(), self.project.catalog
        target_frame, reference_frame = target.frame, reference.frame
        names = (target.name, reference.name)
        stamp = layers_stamp([target, reference])
        message = self.tr("Select by location")

        def work(ctx: JobContext) -> np.ndarray:
            near = narrow(reference_frame, rows, text, reference.definition, catalog,
                          reference.name)
            mask = select_by_location(target_frame, near, predicate, distance, names=names,
                                      cancel=ctx.cancel_event, progress=reporter(ctx, message))
            return np.flatnonzero(mask)

        return start_dialog_job(self, work, message,
                                lambda found: self._apply(target, reference, stamp, found),
                                self.tr("Cannot run the query"), [self.inputs, self.ok_button])


    def _apply(self, target: MapLayer, reference: MapLayer, stamp: tuple,
               rows: np.ndarray) -> None:
        """Send the answer to the chosen output (GUI thread), if the layers are unchanged."""
        if self._closing:
            return
        if not still_current(self.project, [target, reference], stamp):
            QMessageBox.warning(self, self.tr("Cannot run the query"), self.tr(
                "{a} or {b} changed while the query ran; nothing was selected. Run it again.")
                .format(a=target.name, b=reference.name))
            return
        try:
            self._output(target, rows)
        except (OSError, ValueError) as exc:
            QMessageBox.warning(self, self.tr("Cannot run the query"), str(exc))
            return
        self.applied.emit(rows)

    def _output(self, target: MapLayer, rows: np.ndarray) -> None:
        """Rows of A to the selection, a temporary layer or a GeoPackage layer."""
        if self.to_selection.isChecked():
            self.selection.set(target.name, rows)
            return
        result = target.frame.iloc[rows]
        name = f"{target.name}_{self.predicate_name()}_{self.reference.layer_name()}"
        if self.to_gpkg.isChecked() and self.gpkg_path is not None:
            write_result(result, self.gpkg_path, layer_name=name)
        self.project.add_layer(MapLayer(name=name, frame=result, definition=target.definition))

    def saved_query(self, name: str) -> SavedQuery:
        """The current choices as a query that can be stored in the project."""
        distance = self.distance.value() if self.predicate_name() == "dwithin" else None
        return SavedQuery(name=name, layer=self.target.layer_name(),
                          near_layer=self.reference.layer_name(),
                          near_where=self.reference_filter.text().strip() or None,
                          relation=self.predicate_name(), distance=distance)

    def save_query_dialog(self) -> None:
        """Ask for a name and store the query in the project (re-run from Analysis menu)."""
        name, ok = QInputDialog.getText(self, self.tr("Save query"), self.tr("Name"))
        if ok and name.strip():
            try:
                query = self.saved_query(name.strip())
            except (ValueError, ExpressionError) as exc:
                QMessageBox.warning(self, self.tr("Cannot save query"), str(exc))
                return
            self.project.saved_queries = [q for q in self.project.saved_queries
                                          if q.get("name") != query.name] + [query.to_dict()]

    def _ok(self) -> None:
        if self.to_gpkg.isChecked() and self.gpkg_path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save to GeoPackage"), "",
                                                  "GeoPackage (*.gpkg)")
            if not path:
                return
            self.gpkg_path = Path(path)
        if self.run() is not None:
            self.applied.connect(self._accept_once)

    def _accept_once(self) -> None:
        self.applied.disconnect(self._accept_once)
        self.accept()

    def reject(self) -> None:
        """Close; a running query is cancelled and its answer never applied."""
        self._closing = True
        if self.job is not None:
            self.job.cancel()
        super().reject()


def narrow(frame: pd.DataFrame, rows: np.ndarray | None, text: str,
           definition: LayerDef | None, catalog: Catalog, name: str) -> pd.DataFrame:
    """``frame`` limited to ``rows`` (positions; None = all) and the filter expression ``text``.

    Plain data in, plain data out: it runs on the job's worker thread.
    """
    if rows is not None:
        frame = frame.iloc[rows]
    text = text.strip()
    if text:
        frame = frame[Expression(text).mask(frame, definition, catalog, name)]
    return frame
