"""One input per field type, each with ``value()``, ``set_value()`` and a ``changed`` signal.

Coded values use a QComboBox over a shared QStringListModel per (domain, language), so a form
with a 10 000-entry lookup list opens as fast as one with five entries (the labels are built once
per run, not per form, and Qt never creates an item object per entry). Numbers and dates that
may be empty use Qt's "special value" trick: the lowest value of the range shows as blank and
reads back as None.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, QStringListModel, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from gisdesk.core.definitions import Domain, FieldDef
from gisdesk.ui.i18n import date_edit_format
from gisdesk.ui.panels.value_format import is_missing
from gisdesk.ui.table.delegates import INT_LIMIT, to_qdate

EMPTY_DATE = QDate(1900, 1, 1)
"""Shown blank: the "no date" value of optional date inputs."""


_LABELS: dict[tuple[int, str], tuple[Domain, list[str], list[Any]]] = {}


def _labels(domain: Domain, lang: str) -> tuple[list[str], list[Any]]:
    """Labels and codes of ``domain``, built once per domain object and language."""
    hit = _LABELS.get((id(domain), lang))
    if hit is None or hit[0] is not domain:
        hit = (domain, [v.label.get(lang) for v in domain.values], [v.code for v in domain.values])
        _LABELS[(id(domain), lang)] = hit
    return hit[1], hit[2]


def domain_model(domain: Domain, lang: str, optional: bool) -> tuple[QStringListModel, list[Any]]:
    """A list model of the domain's labels and the codes in that order (None first if optional)."""
    labels, codes = _labels(domain, lang)
    if optional:
        labels, codes = ["", *labels], [None, *codes]
    return QStringListModel(labels), codes


class FieldInput(QWidget):
    """The input for one field; ``changed`` fires on every user change."""

    changed = Signal()

    def __init__(self, fdef: FieldDef, domain: Domain | None, lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fdef, self.domain = fdef, domain
        self._codes: list[Any] = []
        self.editor = self._make(lang)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.editor)
        self.setEnabled(not fdef.readonly)

    def _make(self, lang: str) -> QWidget:
        fdef, optional = self.fdef, not self.fdef.required
        if self.domain is not None:
            combo = QComboBox()
            model, self._codes = domain_model(self.domain, lang, optional)
            model.setParent(combo)
            combo.setModel(model)
            combo.currentIndexChanged.connect(self.changed)
            return combo
        if fdef.type in ("integer", "real"):
            return self._number(optional)
        if fdef.type in ("date", "datetime"):
            edit = QDateEdit()
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(date_edit_format())
            if optional:
                edit.setMinimumDate(EMPTY_DATE)
                edit.setSpecialValueText(" ")
            edit.dateChanged.connect(self.changed)
            return edit
        if fdef.type == "boolean":
            box = QCheckBox()
            box.toggled.connect(self.changed)
            return box
        if fdef.multiline:
            text = QPlainTextEdit()
            text.setTabChangesFocus(True)
            text.setFixedHeight(70)
            text.textChanged.connect(self.changed)
            return text
        line = QLineEdit()
        if fdef.max_length:
            line.setMaxLength(fdef.max_length + 1)  # one over, so the limit message can show
        line.textChanged.connect(self.changed)
        return line

    def _number(self, optional: bool) -> QSpinBox | QDoubleSpinBox:
        fdef = self.fdef
        if fdef.type == "integer":
            box: QSpinBox | QDoubleSpinBox = QSpinBox()
            low = int(fdef.min) if fdef.min is not None else -INT_LIMIT + 1
            high = int(fdef.max) if fdef.max is not None else INT_LIMIT
            box.setRange(low - 1 if optional else low, high)
        else:
            box = QDoubleSpinBox()
            box.setDecimals(3)
            low = fdef.min if fdef.min is not None else -1e12
            high = fdef.max if fdef.max is not None else 1e12
            box.setRange(low - 1 if optional else low, high)
        if optional:
            box.setSpecialValueText(" ")
        if fdef.unit:
            box.setSuffix(f" {fdef.unit}")
        box.valueChanged.connect(self.changed)
        return box

    def is_empty(self) -> bool:
        """True when an optional number or date shows its blank "no value" state."""
        w = self.editor
        if isinstance(w, QSpinBox | QDoubleSpinBox):
            return bool(w.specialValueText()) and w.value() == w.minimum()
        if isinstance(w, QDateEdit):
            return bool(w.specialValueText()) and w.date() == w.minimumDate()
        return False

    def value(self) -> Any:
        """The value as the core expects it (None when empty)."""
        w = self.editor
        if isinstance(w, QComboBox):
            i = w.currentIndex()
            return self._codes[i] if 0 <= i < len(self._codes) else None
        if self.is_empty():
            return None
        if isinstance(w, QSpinBox | QDoubleSpinBox):
            return w.value()
        if isinstance(w, QDateEdit):
            return w.date().toString("yyyy-MM-dd")
        if isinstance(w, QCheckBox):
            return w.isChecked()
        text = w.toPlainText() if isinstance(w, QPlainTextEdit) else w.text()  # type: ignore
        return text or None

    def set_value(self, value: Any) -> None:
        """Show ``value`` (None or NaN shows as empty) without emitting ``changed``."""
        self.blockSignals(True)
        try:
            self._set(value)
        finally:
            self.blockSignals(False)

    def _set(self, value: Any) -> None:
        w = self.editor
        missing = is_missing(value)
        if isinstance(w, QComboBox):
            if isinstance(value, float) and not missing and value.is_integer():
                value = int(value)
            w.setCurrentIndex(self._codes.index(value) if value in self._codes else
                              (0 if missing and None in self._codes else -1))
        elif isinstance(w, QSpinBox | QDoubleSpinBox):
            w.setValue(w.minimum() if missing else value)
        elif isinstance(w, QDateEdit):
            w.setDate(w.minimumDate() if missing and w.specialValueText() else to_qdate(
                value if not missing else dt.date.today()))
        elif isinstance(w, QCheckBox):
            w.setChecked(bool(value) and not missing)
        elif isinstance(w, QPlainTextEdit):
            w.setPlainText("" if missing else str(value))
        else:
            w.setText("" if missing else str(value))  # type: ignore[attr-defined]
