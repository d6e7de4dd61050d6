"""Select by location: features of A that intersect / lie within / contain / are near B.

B may be narrowed to its selected features or by a filter expression. The answer becomes the
selection, a temporary layer, or a layer saved into a GeoPackage; the query can be saved in
the project and run again (:class:`gisdesk.query.saved.SavedQuery`).
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
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

from gisdesk.core.layer import MapLayer
from gisdesk.core.project import Project
from gisdesk.core.selection import Selection
from gisdesk.query.expression import Expression, ExpressionError
from gisdesk.query.metric import CRSMissingError
from gisdesk.query.output import write_result
from gisdesk.query.saved import SavedQuery
from gisdesk.query.spatial import select_by_location
from gisdesk.ui.analysis.layer_combo import LayerCombo

PREDICATES = ["intersects", "within", "contains", "dwithin"]


class SelectByLocationDialog(QDialog):
    """Choose A, the relation, B and where the result goes; :meth:`run` does the work."""

    def __init__(self, project: Project, selection: Selection,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project, self.selection = project, selection
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
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(out)
        layout.addWidget(self.save_query_button)
        layout.addWidget(buttons)

    def predicate_name(self) -> str:
        """The relation as the core names it."""
        return PREDICATES[self.predicate.currentIndex()]

    def reference_features(self, reference: MapLayer) -> gpd.GeoDataFrame:
        """B's features after "only selected" and the filter."""
        frame = reference.frame
        if self.only_selected.isChecked():
            frame = frame.iloc[self.selection.rows(reference.name)]
        text = self.reference_filter.text().strip()
        if text:
            mask = Expression(text).mask(frame, reference.definition, self.project.catalog,
                                         reference.name)
            frame = frame[mask]
        return frame

    def run(self) -> np.ndarray:
        """Rows (positions) of A that satisfy the relation, and send them to the output."""
        target, reference = self.target.layer(), self.reference.layer()
        if target is None or reference is None:
            return np.zeros(0, dtype=np.intp)
        distance = self.distance.value() if self.predicate_name() == "dwithin" else None
        mask = select_by_location(target.frame, self.reference_features(reference),
                                  self.predicate_name(), distance,
                                  names=(target.name, reference.name))
        rows = np.flatnonzero(mask)
        if self.to_selection.isChecked():
            self.selection.set(target.name, rows)
        else:
            result = target.frame.iloc[rows]
            name = f"{target.name}_{self.predicate_name()}_{reference.name}"
            if self.to_gpkg.isChecked() and self.gpkg_path is not None:
                write_result(result, self.gpkg_path, layer_name=name)
            self.project.add_layer(MapLayer(name=name, frame=result,
                                            definition=target.definition))
        return rows

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
        try:
            self.run()
        except (ValueError, ExpressionError, CRSMissingError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Cannot run the query"), str(exc))
            return
        self.accept()
