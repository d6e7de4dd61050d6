"""The history of one feature: its saved changes from the audit trail, and its inspections.

Who changed what and when is read from the ``gisdesk_audit`` table of the feature's
GeoPackage (a split piece also shows the line it was split from); inspections come from the
project's ``inspections`` layer, so an inspection recorded but not yet saved shows too. A saved
inspection's own audit row (who recorded it, when, where) is listed with the feature's changes,
and old → new values read as the field shows them (domain labels, dates, units).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from gisdesk.core.audit import INSPECTIONS_LAYER, AuditRecord
from gisdesk.core.layer import MapLayer
from gisdesk.core.project import Project
from gisdesk.io.gpkg_store_audit import read_history
from gisdesk.ui.i18n import current_language, format_date
from gisdesk.ui.panels.audit_panel import action_name, audit_value, field_label
from gisdesk.ui.panels.value_format import defects_domain, format_codes, format_field

_INSPECTION_COLUMNS = ("inspected_on", "inspector", "condition", "defects", "notes", "next_due")


def _item(value: object) -> QTableWidgetItem:
    text = "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)
    item = QTableWidgetItem(text if len(text) <= 80 else text[:77] + "…")
    item.setToolTip(text)
    return item


class FeatureHistoryPanel(QWidget):
    """Dock content showing the history of the feature passed to :meth:`show_feature`."""

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FeatureHistoryPanel")
        self.project = project
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.changes = QTableWidget(0, 6)
        self.inspections_label = QLabel()
        self.inspections = QTableWidget(0, len(_INSPECTION_COLUMNS))
        for table in (self.changes, self.inspections):
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.changes, 2)
        layout.addWidget(self.inspections_label)
        layout.addWidget(self.inspections, 1)
        self.records: list[AuditRecord] = []
        self._feature: tuple[str, str] | None = None
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.changes.setHorizontalHeaderLabels([
            self.tr("When (UTC)"), self.tr("Who"), self.tr("Workstation"), self.tr("Action"),
            self.tr("Field"), self.tr("Old → new"),
        ])
        self.inspections.setHorizontalHeaderLabels([
            self.tr("Date"), self.tr("Inspector"), self.tr("Condition"), self.tr("Defects"),
            self.tr("Notes"), self.tr("Next due"),
        ])
        self.inspections_label.setText(self.tr("Inspections"))
        if self._feature is None:
            self.title.setText(self.tr("Select a feature and choose Edit ▸ Feature History."))
        else:
            layer = self.project.layer(self._feature[0])
            title = layer.title_in(current_language()) if layer is not None else self._feature[0]
            self.title.setText(self.tr("History of {uuid} in {layer}").format(
                uuid=self._feature[1], layer=title))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def show_feature(self, layer_name: str, uuid: str) -> None:
        """Fill the panel for feature ``uuid`` of ``layer_name``."""
        self._feature = (layer_name, uuid)
        layer = self.project.layer(layer_name)
        path = Path(layer.source.path) if layer is not None and layer.source else None
        self.records = []
        if path is not None and path.suffix.lower() == ".gpkg" and path.is_file():
            self.records = self._with_inspections(read_history(path, feature_uuid=uuid), uuid)
        self.changes.setRowCount(len(self.records))
        lang, catalog = current_language(), self.project.catalog
        for r, rec in enumerate(self.records):
            change = "" if rec.field is None else "{} → {}".format(
                *(audit_value(catalog, rec.layer, rec.field, v, lang)
                  for v in (rec.old_value, rec.new_value)))
            for c, value in enumerate((format_date(rec.changed_at, lang, with_time=True),
                                       f"{rec.user_name} ({rec.opd})", rec.workstation,
                                       action_name(rec.action),
                                       field_label(catalog, rec.layer, rec.field, lang),
                                       change)):
                self.changes.setItem(r, c, _item(value))
        self._show_inspections(uuid)
        self.retranslateUi()

    def _with_inspections(self, records: list[AuditRecord], uuid: str) -> list[AuditRecord]:
        """``records`` plus the audit rows of the asset's saved inspections, in time order.

        The store files an inspection under its own UUID in the inspections table, so without
        this the asset's history shows its condition changing with no inspection and no one
        recorded as having inspected it.
        """
        table = self.project.layer(INSPECTIONS_LAYER)
        if table is None or table.source is None or "asset_uuid" not in table.frame.columns:
            return records
        mine = table.frame.loc[table.frame["asset_uuid"] == uuid, "uuid"]
        path = Path(table.source.path)
        if mine.empty or path.suffix.lower() != ".gpkg" or not path.is_file():
            return records
        wanted = set(mine.astype(str))
        found = [r for r in read_history(path, layer=INSPECTIONS_LAYER)
                 if r.feature_uuid in wanted]
        # stable: an inspection comes before the condition changes saved with it
        return sorted(found + records, key=lambda r: r.changed_at)

    def _show_inspections(self, uuid: str) -> None:
        table = self.project.layer(INSPECTIONS_LAYER)
        frame = table.frame if table is not None else None
        if frame is None or "asset_uuid" not in frame.columns:
            self.inspections.setRowCount(0)
            return
        found = frame[frame["asset_uuid"] == uuid]
        if "inspected_on" in found.columns:
            # Dates read from the file are date objects, dates of inspections recorded in this
            # session are ISO text: sorting the raw column mixes the two and raises TypeError.
            on = pd.to_datetime(found["inspected_on"], errors="coerce").to_numpy()
            found = found.assign(_on=on, _n=np.arange(len(found))).sort_values(
                ["_on", "_n"], ascending=False, na_position="last")
        self.inspections.setRowCount(len(found))
        for r, (_, row) in enumerate(found.iterrows()):
            for c, col in enumerate(_INSPECTION_COLUMNS):
                self.inspections.setItem(r, c, _item(self._inspection_text(table, row, col)))

    def _inspection_text(self, table: MapLayer, row: pd.Series, column: str) -> str:
        """An inspection value as read in the UI language: dates, condition, defect labels."""
        lang, catalog = current_language(), self.project.catalog
        value = row.get(column)
        if column == "defects":
            return format_codes(value, defects_domain(catalog, row.get("asset_layer")), lang)
        definition = table.definition
        fdef = definition.field(column) if definition is not None else None
        if fdef is None:
            return "" if value is None else str(value)
        return format_field(value, fdef, catalog, definition, lang)
