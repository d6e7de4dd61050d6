"""Risk & programme: edit the weights (saved with the project), run, see layer, table, charts.

The run is a background job (:mod:`gisdesk.ui.jobs`) calling the Qt-free
:func:`gisdesk.planning.risk.score_risk` and :func:`gisdesk.planning.programme.plan_programme`;
the result becomes the temporary layer ``risk_programme`` styled by risk class.

The ranked table and the risk chart read as ``gisdesk plan --out`` writes: field labels, and
coded values (risk class 4, material "DI") as their domain labels in the UI language, from
:func:`~gisdesk.planning.result_layer.programme_definition`; the table still sorts by the
stored values.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gisdesk.core.definitions import LayerDef
from gisdesk.core.project import Project
from gisdesk.planning.programme import Programme, plan_programme
from gisdesk.planning.result_layer import (
    RESULT_LAYER,
    programme_catalog,
    programme_definition,
    risk_class_domain,
    risk_layer,
)
from gisdesk.planning.risk import RiskInputs, score_risk
from gisdesk.planning.table import programme_table
from gisdesk.planning.weights import RiskWeights
from gisdesk.query.output import write_result
from gisdesk.ui.analysis.layer_combo import LayerCombo, find_layer
from gisdesk.ui.analysis.result_table import ResultTable
from gisdesk.ui.i18n import current_language
from gisdesk.ui.jobs import Job, JobContext, JobRunner
from gisdesk.ui.locale_axis import LocaleAxisItem
from gisdesk.ui.panels.value_format import format_scalar

WEIGHT_FIELDS = ["condition", "age", "defects", "service", "critical"]


class RiskDialog(QDialog):
    """Weights in spin boxes, budget and horizon, Run; results in tabs."""

    finished_run = Signal(object)
    """The :class:`Programme` of a finished run."""

    def __init__(self, project: Project, jobs: JobRunner | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.jobs = jobs or JobRunner(parent=self)
        self.job: Job | None = None
        self.programme: Programme | None = None
        self.assets_definition: LayerDef | None = None
        """The definition of the layer of the last run (labels its columns in the table)."""
        self.setWindowTitle(self.tr("Risk & Programme"))
        self.layer = LayerCombo(project, "water_mains")
        self.spins: dict[str, QDoubleSpinBox | QSpinBox] = {}
        self.budget = QDoubleSpinBox(decimals=0, maximum=1e15, singleStep=1e8, value=5e9,
                                     prefix="Rp ")
        self.budget.setGroupSeparatorShown(True)  # Rp 5.000.000.000: the locale's grouping
        self.years = QSpinBox(minimum=1, maximum=50, value=5)
        self.progress = QProgressBar()
        self.run_button = QPushButton(self.tr("Run"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.save_button = QPushButton(self.tr("Save weights in project"))
        self.run_button.clicked.connect(self.run)
        self.cancel_button.clicked.connect(self.cancel)
        self.save_button.clicked.connect(self.save_weights)
        self.save_layer_button = QPushButton(self.tr("Save layer to GeoPackage…"))
        self.save_layer_button.clicked.connect(self.save_layer_dialog)
        self.save_layer_button.setEnabled(False)
        self.summary = QLabel()
        self.table = ResultTable()
        self.budget_chart = pg.PlotWidget(title=self.tr("Spending per year"), axisItems={
            "left": LocaleAxisItem("left"), "bottom": LocaleAxisItem("bottom", integer=True)})
        self.risk_chart = pg.PlotWidget(title=self.tr("Assets per risk class"), axisItems={
            "left": LocaleAxisItem("left", integer=True),
            "bottom": LocaleAxisItem("bottom", integer=True)})
        self._layout()
        self.load_weights(RiskWeights.from_dict(project.planning, "project"))
        self.budget.setValue(float(project.planning.get("budget", self.budget.value())))
        self.years.setValue(int(project.planning.get("years", self.years.value())))

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Assets"), self.layer)
        labels = {
            "condition": self.tr("Weight: condition"), "age": self.tr("Weight: age"),
            "defects": self.tr("Weight: recent defects"),
            "service": self.tr("Weight: customers / traffic"),
            "critical": self.tr("Weight: hospitals and schools nearby"),
            "defect_years": self.tr("Defects counted over (years)"),
            "critical_distance_m": self.tr("Critical facilities within (m)"),
            "customers_per_point": self.tr("Customers per consequence point"),
        }
        for name, label in labels.items():
            if name == "defect_years":
                spin: QDoubleSpinBox | QSpinBox = QSpinBox(minimum=1, maximum=50)
            else:
                spin = QDoubleSpinBox(decimals=2, minimum=0.0, maximum=100000.0,
                                      singleStep=0.05 if name in WEIGHT_FIELDS else 10.0)
            self.spins[name] = spin
            form.addRow(label, spin)
        form.addRow(self.tr("Budget per year"), self.budget)
        form.addRow(self.tr("Years"), self.years)
        buttons = QHBoxLayout()
        for button in (self.save_button, self.run_button, self.cancel_button,
                       self.save_layer_button):
            buttons.addWidget(button)
        tabs = QTabWidget()
        tabs.addTab(self.table, self.tr("Ranked table"))
        tabs.addTab(self.budget_chart, self.tr("Budget per year"))
        tabs.addTab(self.risk_chart, self.tr("Risk distribution"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        layout.addWidget(tabs, 1)
        self.resize(760, 820)

    def load_weights(self, weights: RiskWeights) -> None:
        """Put ``weights`` into the spin boxes."""
        for name, spin in self.spins.items():
            spin.setValue(getattr(weights, name))

    def weights(self) -> RiskWeights:
        """The weights as edited (other knobs kept from the project's saved weights)."""
        base = RiskWeights.from_dict(self.project.planning, "project").to_dict()
        base.update({name: spin.value() for name, spin in self.spins.items()})
        return RiskWeights.from_dict(base, "dialog")

    def save_weights(self) -> bool:
        """Store the weights in the project (written with File ▸ Save Project)."""
        try:
            self.project.planning = {**self.weights().to_dict(), "budget": self.budget.value(),
                                     "years": self.years.value()}
        except ValueError as exc:
            QMessageBox.warning(self, self.tr("Invalid weights"), str(exc))
            return False
        return True

    def run(self) -> Job | None:
        """Save the weights, then score and plan in the background."""
        layer = self.layer.layer()
        if layer is None or not self.save_weights():
            return None
        weights, budget, years = self.weights(), self.budget.value(), self.years.value()
        inputs = RiskInputs(layer.frame, layer.name, *self._context_frames())
        self.assets_definition = layer.definition
        start = (weights.as_of_year or dt.date.today().year) + 1

        def work(ctx: JobContext) -> Programme:
            scored = score_risk(inputs, weights, lambda d, t, m: (ctx.progress(d, t + 1, m),
                                                                  ctx.check()))
            return plan_programme(scored, budget, years, start)

        self.job = Job(self.tr("Risk and programme"), work)
        self.job.progressed.connect(lambda d, t, _m: (self.progress.setMaximum(t),
                                                      self.progress.setValue(d)))
        # scoring reports its steps; planning is the last one and reports none
        self.job.succeeded.connect(lambda _p: self.progress.setValue(self.progress.maximum()))
        self.job.succeeded.connect(self.show_programme)
        self.job.failed.connect(lambda exc: QMessageBox.warning(
            self, self.tr("Risk run failed"), str(exc)))
        self.job.cancelled.connect(lambda: self.summary.setText(self.tr("Cancelled")))
        self.run_button.setEnabled(False)
        self.job.ended.connect(lambda: self.run_button.setEnabled(True))
        return self.jobs.start(self.job)

    def cancel(self) -> None:
        """Stop a running job."""
        if self.job is not None:
            self.job.cancel()

    def _context_frames(self) -> tuple[Any, Any, Any]:
        found = [find_layer(self.project, k) for k in ("buildings", "inspections", "valves")]
        return tuple(lyr.frame if lyr is not None else None for lyr in found)

    def show_programme(self, programme: Programme) -> None:
        """Result layer (replacing an older one), table and charts."""
        self.programme = programme
        if self.project.layer(RESULT_LAYER) is not None:
            self.project.remove_layer(RESULT_LAYER)
        self.project.add_layer(risk_layer(programme.assets))
        funded = int(programme.assets["year"].notna().sum())
        self.summary.setText(self.tr("{n} assets ranked, {funded} funded").format(
            n=format_scalar(len(programme.assets)), funded=format_scalar(funded)))
        table = programme_table(programme.assets)
        self.table.set_result(self.tr("Programme"), table,
                              programme_definition(self.assets_definition, table.columns),
                              programme_catalog(self.project.catalog))
        data = programme.chart_data()
        self.budget_chart.clear()
        self.budget_chart.addItem(pg.BarGraphItem(x=data["year"], height=data["spent"],
                                                  width=0.6, brush="#3366cc"))
        self._show_risk_classes(data["risk_class"], data["assets_per_class"])
        self.save_layer_button.setEnabled(True)
        self.finished_run.emit(programme)

    def _show_risk_classes(self, classes: list[float], counts: list[float]) -> None:
        """One bar per risk class in the class's map colour, named below it ("Risiko tinggi")."""
        domain, lang = risk_class_domain(), current_language()
        colours = [next((v.color for v in domain.values if v.code == round(c)), None) or "#999999"
                   for c in classes]
        self.risk_chart.clear()
        self.risk_chart.addItem(pg.BarGraphItem(x=classes, height=counts, width=0.6,
                                                brushes=colours))
        self.risk_chart.getAxis("bottom").setTicks([[
            (c, domain.label(round(c), lang) or format_scalar(c)) for c in classes]])

    def save_layer(self, path: Path) -> Path:
        """Write the ranked assets (with geometry) as layer ``risk_programme`` of ``path``."""
        if self.programme is None:
            raise ValueError(self.tr("Run the programme first"))
        return write_result(self.programme.assets, path, layer_name=RESULT_LAYER)

    def save_layer_dialog(self) -> None:
        """Ask for a GeoPackage and save the result layer into it."""
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save layer to GeoPackage"), "",
                                              "GeoPackage (*.gpkg)")
        if not path:
            return
        try:
            self.save_layer(Path(path).with_suffix(".gpkg"))
        except (OSError, ValueError) as exc:
            QMessageBox.warning(self, self.tr("Cannot save the layer"), f"{path}: {exc}")
