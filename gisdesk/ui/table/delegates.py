"""Cell editors that fit each field: a list for coded values, bounded spin boxes, a date picker.

The editor only helps the user type a valid value; the core still validates it when the model
applies the ``SetAttribute`` (a refused value shows the core's message and changes nothing).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QLineEdit,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from gisdesk.core.definitions import Domain, FieldDef
from gisdesk.ui.i18n import date_edit_format
from gisdesk.ui.table.columns import Column

Index = QModelIndex | QPersistentModelIndex
INT_LIMIT = 2_147_483_647


def domain_combo(domain: Domain, lang: str, required: bool, parent: QWidget | None) -> QComboBox:
    """A combo of the domain's labels (codes as item data); an empty entry when optional."""
    combo = QComboBox(parent)
    if not required:
        combo.addItem("", None)
    for value in domain.values:
        combo.addItem(value.label.get(lang), value.code)
    return combo


def number_editor(fdef: FieldDef, parent: QWidget | None) -> QSpinBox | QDoubleSpinBox:
    """A spin box bounded by the field's min/max, with its unit as suffix."""
    if fdef.type == "integer":
        box: QSpinBox | QDoubleSpinBox = QSpinBox(parent)
        low = int(fdef.min) if fdef.min is not None else -INT_LIMIT
        high = int(fdef.max) if fdef.max is not None else INT_LIMIT
    else:
        box = QDoubleSpinBox(parent)
        box.setDecimals(3)
        low = fdef.min if fdef.min is not None else -1e12
        high = fdef.max if fdef.max is not None else 1e12
    box.setRange(low, high)
    if fdef.unit:
        box.setSuffix(f" {fdef.unit}")
    return box


def date_editor(parent: QWidget | None) -> QDateEdit:
    """An ISO date edit with a calendar popup."""
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(date_edit_format())
    return edit


def to_qdate(value: Any) -> QDate:
    """A stored date (ISO text, date or timestamp) as QDate; today when missing or unreadable."""
    try:
        day = dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        day = dt.date.today()
    return QDate(day.year, day.month, day.day)


class FieldDelegate(QStyledItemDelegate):
    """Chooses the editor from the column's field definition."""

    def __init__(self, column_of: Any, lang_of: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._column_of = column_of
        self._lang_of = lang_of

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: Index) -> QWidget:
        column: Column = self._column_of(index.column())
        fdef = column.fdef
        if column.domain is not None and fdef is not None:
            return domain_combo(column.domain, self._lang_of(), fdef.required, parent)
        if fdef is not None and fdef.type in ("integer", "real"):
            return number_editor(fdef, parent)
        if fdef is not None and fdef.type == "date":
            return date_editor(parent)
        if fdef is not None and fdef.type == "boolean":
            combo = QComboBox(parent)
            combo.addItem(self.tr("Yes"), True)
            combo.addItem(self.tr("No"), False)
            return combo
        edit = QLineEdit(parent)
        if fdef is not None and fdef.max_length:
            edit.setMaxLength(fdef.max_length)
        return edit

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            found = editor.findData(value)
            if found < 0 and isinstance(value, float) and value.is_integer():
                found = editor.findData(int(value))
            editor.setCurrentIndex(max(found, 0))
        elif isinstance(editor, QSpinBox | QDoubleSpinBox):
            editor.setValue(value if isinstance(value, int | float) else editor.minimum())
        elif isinstance(editor, QDateEdit):
            editor.setDate(to_qdate(value))
        elif isinstance(editor, QLineEdit):
            editor.setText("" if value is None else str(value))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: Index) -> None:
        if isinstance(editor, QComboBox):
            value: Any = editor.currentData()
        elif isinstance(editor, QSpinBox | QDoubleSpinBox):
            value = editor.value()
        elif isinstance(editor, QDateEdit):
            value = editor.date().toString("yyyy-MM-dd")
        else:
            value = editor.text()  # type: ignore[attr-defined]
        model.setData(index, value, Qt.ItemDataRole.EditRole)
