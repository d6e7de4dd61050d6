"""The audit view: every recorded change of the project's GeoPackages, filterable, exportable.

Records come from the ``gisdesk_audit`` table of each GeoPackage the project edits (read only,
through :func:`gisdesk.io.gpkg_store_audit.read_history`). A QSortFilterProxyModel filters by
user, layer, action and date range, and "Export CSV" writes exactly the rows shown, in the
order shown, so what an auditor sees is what they get. Old and new values read as the field
shows them (domain labels, dates, units; the stored value is in the cell's tooltip), while the
CSV keeps the stored codes (see :meth:`AuditPanel.export_csv`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gisdesk.core.audit import AuditRecord
from gisdesk.core.definitions import Catalog
from gisdesk.io.gpkg_store_audit import export_csv, read_history
from gisdesk.ui.i18n import current_language, date_edit_format, format_date
from gisdesk.ui.panels.value_format import format_field

COLUMNS = ("changed_at", "user_name", "opd", "workstation", "layer", "feature_uuid", "action",
           "field", "old_value", "new_value")
ACTIONS = ("insert", "update", "geometry", "delete", "inspection")
ACTION_NAMES = {
    "insert": QT_TRANSLATE_NOOP("AuditPanel", "Added"),
    "update": QT_TRANSLATE_NOOP("AuditPanel", "Attribute changed"),
    "geometry": QT_TRANSLATE_NOOP("AuditPanel", "Geometry changed"),
    "delete": QT_TRANSLATE_NOOP("AuditPanel", "Deleted"),
    "inspection": QT_TRANSLATE_NOOP("AuditPanel", "Inspection"),
}
"""What each recorded action is called on screen (the CSV export keeps the codes)."""
RAW_ROLE = Qt.ItemDataRole.UserRole
"""The stored value: sorting uses it, so dates sort by time, not by their shown text."""


def action_name(action: str) -> str:
    """The action in the UI language ("update" → "Attribute changed"); unknown ones as is."""
    source = ACTION_NAMES.get(action)
    return QCoreApplication.translate("AuditPanel", source) if source else action


def layer_title(catalog: Catalog | None, layer: str, lang: str) -> str:
    """A layer's title from its definition (the audit stores the layer name)."""
    definition = catalog.layers.get(layer) if catalog is not None else None
    return definition.title.get(lang) if definition is not None else layer


def field_label(catalog: Catalog | None, layer: str, field: str | None, lang: str) -> str:
    """A field's label from the layer's definition, else the stored field name."""
    definition = catalog.layers.get(layer) if catalog is not None else None
    fdef = definition.field(field) if definition is not None and field else None
    return fdef.label.get(lang) if fdef is not None else (field or "")


def audit_value(catalog: Catalog, layer: str, field: str | None, text: str | None,
                lang: str) -> str:
    """A stored audit value (always text) as the field shows it: "2" of a condition reads
    "Poor" / "Buruk", a date "24 Mar 2025"; unknown fields and geometry stay as stored."""
    if text is None or text == "":
        return "∅"
    definition = catalog.layers.get(layer)
    fdef = definition.field(field) if definition is not None and field else None
    if fdef is None:
        return text
    domain = catalog.domain_for(definition, fdef.name)
    value: object = text
    try:
        if fdef.type == "integer" or (domain is not None and domain.type == "integer"):
            value = int(float(text))
        elif fdef.type == "real":
            value = float(text)
        elif fdef.type == "boolean":
            value = text.strip().lower() in ("1", "true", "yes")
    except ValueError:
        return text
    return format_field(value, fdef, catalog, definition, lang) or text


NO_DATE = QDate(2000, 1, 1)
"""The date edits' minimum, shown blank: no limit on that side of the range."""

Index = QModelIndex | QPersistentModelIndex


class AuditTableModel(QAbstractTableModel):
    """Audit records as rows (values are short texts; geometry changes are WKT)."""

    def __init__(self, parent: QWidget | None = None, catalog: Catalog | None = None) -> None:
        super().__init__(parent)
        self.records: list[AuditRecord] = []
        self.catalog = catalog

    def set_records(self, records: list[AuditRecord]) -> None:
        """Replace the rows."""
        self.beginResetModel()
        self.records = list(records)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                               Qt.ItemDataRole.ToolTipRole, RAW_ROLE):
            return None
        record = self.records[index.row()]
        column = COLUMNS[index.column()]
        value = getattr(record, column)
        if role == RAW_ROLE:
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(record, column, value)
        text = self._shown(record, column, value)
        return text if len(text) <= 80 else text[:77] + "…"

    def retranslate(self) -> None:
        """Redraw headers and cells in the new UI language (the records stay)."""
        if self.records:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self.records) - 1, len(COLUMNS) - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    def _shown(self, record: AuditRecord, column: str, value: Any) -> str:
        """The cell in the UI language: dates, action names, layer titles, field labels, and
        old/new values as the field reads them (an empty stored value stays an empty cell)."""
        text = "" if value is None else str(value)
        lang = current_language()
        if not text:
            pass
        elif column == "changed_at":
            text = format_date(value, lang, with_time=True)
        elif column == "action":
            text = action_name(text)
        elif column == "layer":
            text = layer_title(self.catalog, text, lang)
        elif column == "field":
            text = field_label(self.catalog, record.layer, text, lang)
        elif column in ("old_value", "new_value") and record.field and self.catalog is not None:
            text = audit_value(self.catalog, record.layer, record.field, text, lang)
        return text

    def _tooltip(self, record: AuditRecord, column: str, value: Any) -> str:
        """The full cell text; a value shown as a label also names the stored code, which is
        what the CSV export and the GeoPackage hold."""
        shown = self._shown(record, column, value)
        if column not in ("old_value", "new_value") or value is None or shown == str(value):
            return shown
        return self.tr("{shown}\nStored as: {stored}").format(shown=shown, stored=value)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.titles()[section]

    def titles(self) -> list[str]:
        """Column headers in the UI language."""
        return [self.tr("When (UTC)"), self.tr("User"), self.tr("OPD"), self.tr("Workstation"),
                self.tr("Layer"), self.tr("Feature UUID"), self.tr("Action"), self.tr("Field"),
                self.tr("Old value"), self.tr("New value")]


class AuditFilter(QSortFilterProxyModel):
    """Keeps the records matching the user text, layer, action and date range."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.user = ""
        self.layer = ""
        self.action = ""
        self.date_from = ""
        self.date_to = ""

    def set_filter(self, **values: str) -> None:
        """Change some criteria (empty text = no limit) and filter again."""
        self.beginFilterChange()
        for key, value in values.items():
            setattr(self, key, value)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        rec: AuditRecord = self.sourceModel().records[source_row]
        day = rec.changed_at[:10]
        return (
            (not self.user or self.user.lower() in (rec.user_name or "").lower())
            and (not self.layer or rec.layer == self.layer)
            and (not self.action or rec.action == self.action)
            and (not self.date_from or day >= self.date_from)
            and (not self.date_to or day <= self.date_to)
        )

    def shown(self) -> list[AuditRecord]:
        """The records that pass the filter, in the displayed order."""
        model: AuditTableModel = self.sourceModel()
        return [model.records[self.mapToSource(self.index(r, 0)).row()]
                for r in range(self.rowCount())]


def _date_edit() -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(date_edit_format())
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText(" ")
    edit.setDate(NO_DATE)
    return edit


class AuditPanel(QWidget):
    """Dock content: filters, the table, Refresh and Export CSV."""

    def __init__(self, sources: Callable[[], list[Path]], parent: QWidget | None = None,
                 catalog: Catalog | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AuditPanel")
        self._sources = sources
        self.model = AuditTableModel(self, catalog)
        self.proxy = AuditFilter(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(RAW_ROLE)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.user_edit = QLineEdit()
        self.layer_combo = QComboBox()
        self.action_combo = QComboBox()
        self.from_edit, self.to_edit = _date_edit(), _date_edit()
        self.refresh_button, self.export_button = QPushButton(), QPushButton()
        self.count_label = QLabel()
        self.labels = [QLabel() for _ in range(5)]
        filters = QHBoxLayout()
        for label, widget in zip(self.labels, (self.user_edit, self.layer_combo,
                                               self.action_combo, self.from_edit, self.to_edit),
                                 strict=True):
            filters.addWidget(label)
            filters.addWidget(widget)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count_label, 1)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.user_edit.textChanged.connect(lambda t: self._filter(user=t.strip()))
        self.layer_combo.currentIndexChanged.connect(
            lambda _i: self._filter(layer=self.layer_combo.currentData() or ""))
        self.action_combo.currentIndexChanged.connect(
            lambda _i: self._filter(action=self.action_combo.currentData() or ""))
        self.from_edit.dateChanged.connect(lambda d: self._filter(date_from=self._day(d)))
        self.to_edit.dateChanged.connect(lambda d: self._filter(date_to=self._day(d)))
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button.clicked.connect(self.export_dialog)
        self.retranslateUi()

    def retranslateUi(self) -> None:
        for label, text in zip(self.labels, (self.tr("User"), self.tr("Layer"), self.tr("Action"),
                                             self.tr("From"), self.tr("To")), strict=True):
            label.setText(text)
        self.refresh_button.setText(self.tr("Refresh"))
        self.export_button.setText(self.tr("Export CSV…"))
        self.model.retranslate()
        lang = current_language()
        if self.layer_combo.count():
            self.layer_combo.setItemText(0, self.tr("(all)"))
        for i in range(1, self.layer_combo.count()):
            name = self.layer_combo.itemData(i)
            self.layer_combo.setItemText(i, layer_title(self.model.catalog, name, lang))
        self._fill_actions()
        self._show_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    @staticmethod
    def _day(date: QDate) -> str:
        return "" if date == NO_DATE else date.toString("yyyy-MM-dd")

    def _fill_actions(self) -> None:
        current = self.action_combo.currentData()
        self.action_combo.blockSignals(True)
        self.action_combo.clear()
        self.action_combo.addItem(self.tr("(all)"), "")
        for action in ACTIONS:
            self.action_combo.addItem(action_name(action), action)
        self.action_combo.setCurrentIndex(max(0, self.action_combo.findData(current)))
        self.action_combo.blockSignals(False)

    def _filter(self, **values: str) -> None:
        self.proxy.set_filter(**values)
        self._show_count()

    def _show_count(self) -> None:
        self.count_label.setText(self.tr("%n change(s) shown", "", self.proxy.rowCount()))

    def refresh(self) -> None:
        """Read the audit trail of every GeoPackage of the project again."""
        records: list[AuditRecord] = []
        for path in dict.fromkeys(self._sources()):
            records.extend(read_history(path))
        records.sort(key=lambda r: r.changed_at)
        self.model.set_records(records)
        current = self.layer_combo.currentData()
        self.layer_combo.blockSignals(True)
        self.layer_combo.clear()
        self.layer_combo.addItem(self.tr("(all)"), "")
        lang = current_language()
        for name in sorted({r.layer for r in records}):
            self.layer_combo.addItem(layer_title(self.model.catalog, name, lang), name)
        self.layer_combo.setCurrentIndex(max(0, self.layer_combo.findData(current)))
        self.layer_combo.blockSignals(False)
        self._show_count()

    def export_csv(self, path: Path) -> int:
        """Write the rows shown to ``path``; returns how many.

        Unlike the table, the file holds the stored values, not their labels: codes ("2", not
        "Poor"), ISO times, field and layer names, action codes, as the GeoPackage's audit
        table holds them. An export is evidence and input to other tools (spreadsheets,
        scripts, a later import), so it must not depend on the exporting user's language or
        lose the exact value a label stands for.
        """
        shown = self.proxy.shown()
        export_csv(shown, Path(path))
        return len(shown)

    def export_dialog(self) -> None:
        """Ask where, then export the rows shown."""
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export audit trail"), "audit.csv",
                                              self.tr("CSV files (*.csv)"))
        if not path:
            return
        try:
            self.export_csv(Path(path))
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Export failed"), f"{path}: {exc}")
