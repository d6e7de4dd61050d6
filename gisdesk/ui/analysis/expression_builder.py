"""The expression builder: fields, sample values with domain labels, operators, live count.

Used by Analysis ▸ Select by Expression (Ctrl+E) and reusable anywhere a filter is typed (the
attribute table can open it with its layer). The expression is parsed and evaluated with
:mod:`gisdesk.query.expression` as the user types; errors show their message and the caret
line, and the culprit is underlined in the text box.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from gisdesk.core.definitions import Catalog
from gisdesk.core.layer import MapLayer
from gisdesk.core.project import Project
from gisdesk.query.expression import FUNCTIONS, Expression, ExpressionError
from gisdesk.query.saved import SavedQuery
from gisdesk.ui.i18n import current_language
from gisdesk.ui.panels.value_format import format_scalar

OPERATORS = ["=", "<>", "<", ">", "<=", ">=", "+", "-", "*", "/", "(", ")", "AND", "OR",
             "NOT", "IN ()", "LIKE '%'", "BETWEEN", "IS NULL", "IS NOT NULL", "$length",
             "$area"]
SAMPLE_LIMIT = 50


class ExpressionBuilderDialog(QDialog):
    """Build a filter for one layer; ``mask()`` gives the matching rows after OK."""

    def __init__(self, layer: MapLayer, catalog: Catalog | None = None, text: str = "",
                 lang: str | None = None, parent: QWidget | None = None,
                 project: Project | None = None) -> None:
        super().__init__(parent)
        lang = lang or current_language()  # domain labels in the UI language unless told
        self.layer, self.catalog, self.lang, self.project = layer, catalog, lang, project
        self.match_count: int | None = None
        self.error: ExpressionError | None = None
        self.setWindowTitle(self.tr("Expression — {layer}").format(layer=layer.title_in(lang)))
        self.editor = QPlainTextEdit(text)
        self.editor.setFont(QFont("monospace"))
        self.fields = QListWidget()
        self.values = QListWidget()
        self.status = QLabel()
        self.status.setFont(QFont("monospace"))
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        if project is not None:
            save = self.buttons.addButton(self.tr("Save query…"),
                                          QDialogButtonBox.ButtonRole.ActionRole)
            save.clicked.connect(self.save_query_dialog)
        self.buttons.rejected.connect(self.reject)
        self._timer = QTimer(self, singleShot=True, interval=120)
        self._timer.timeout.connect(self.evaluate)
        self.editor.textChanged.connect(self._timer.start)
        self.fields.currentItemChanged.connect(
            lambda item, _old: self.show_samples(_field_name(item)))
        self.fields.itemDoubleClicked.connect(lambda item: self.insert(f'"{_field_name(item)}"'))
        self.values.itemDoubleClicked.connect(
            lambda item: self.insert(item.data(Qt.ItemDataRole.UserRole)))
        self._layout()
        self._fill_fields()
        self.evaluate()

    def _layout(self) -> None:
        lists = QHBoxLayout()
        for title, widget in ((self.tr("Fields"), self.fields),
                              (self.tr("Values (double-click to insert)"), self.values)):
            box = QVBoxLayout()
            box.addWidget(QLabel(title))
            box.addWidget(widget)
            lists.addLayout(box)
        grid = QGridLayout()
        names = OPERATORS + [f"{name}()" for name in sorted(FUNCTIONS)]
        for i, op in enumerate(names):
            button = QPushButton(op)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, o=op: self.insert(f" {o} "))
            grid.addWidget(button, i // 9, i % 9)
        layout = QVBoxLayout(self)
        layout.addLayout(lists)
        layout.addLayout(grid)
        layout.addWidget(self.editor)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(760, 560)

    def _fill_fields(self) -> None:
        frame = self.layer.frame
        geometry = getattr(getattr(frame, "geometry", None), "name", None)
        definition = self.layer.definition
        for column in frame.columns:
            if column == geometry:
                continue
            fdef = definition.field(str(column)) if definition is not None else None
            # Expressions use the field name; its label says what it is in the UI language.
            text = f"{column} — {fdef.label.get(self.lang)}" if fdef is not None else str(column)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, str(column))
            self.fields.addItem(item)

    def text(self) -> str:
        """The expression as typed."""
        return self.editor.toPlainText().strip()

    def insert(self, snippet: str) -> None:
        """Insert ``snippet`` at the cursor (buttons, fields and values call this)."""
        self.editor.insertPlainText(snippet)
        self.editor.setFocus()

    def show_samples(self, field: str) -> None:
        """Distinct values of ``field`` (most common first) with their domain labels."""
        self.values.clear()
        if field not in self.layer.frame.columns:
            return
        counts = self.layer.frame[field].dropna().value_counts().head(SAMPLE_LIMIT)
        domain = (self.catalog.domain_for(self.layer.definition, field)
                  if self.catalog is not None and self.layer.definition is not None else None)
        for value in counts.index:
            literal = _literal(value)
            label = domain.label(value, self.lang) if domain is not None else None
            item = QListWidgetItem(f"{literal} — {label}" if label else literal)
            item.setData(Qt.ItemDataRole.UserRole, literal)
            self.values.addItem(item)

    def evaluate(self) -> None:
        """Count matching features now, or show the error and underline where it is."""
        self._timer.stop()
        text = self.text()
        self.error, self.match_count = None, None
        self._underline(None)
        if not text:
            self.status.setText(self.tr("Type an expression, e.g. \"condition\" <= 2"))
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
            return
        try:
            mask = self._mask(text)
        except ExpressionError as exc:
            self.error = exc
            self.status.setStyleSheet("color: #b2182b")
            self.status.setText(f"{exc.message}\n{exc.text}\n{exc.caret_line}")
            self._underline(exc)
        else:
            self.match_count = int(mask.sum())
            self.status.setStyleSheet("")
            self.status.setText(self.tr("{n} of {total} features match").format(
                n=format_scalar(self.match_count), total=format_scalar(len(self.layer.frame))))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.error is None)

    def save_query(self, name: str) -> SavedQuery:
        """Store the expression in the project as a named query (re-run from the menu)."""
        query = SavedQuery(name=name, layer=self.layer.name, where=self.text() or None)
        if self.project is not None:
            self.project.saved_queries = [q for q in self.project.saved_queries
                                          if q.get("name") != name] + [query.to_dict()]
        return query

    def save_query_dialog(self) -> None:
        """Ask for a name, then :meth:`save_query`; a bad expression is reported."""
        name, ok = QInputDialog.getText(self, self.tr("Save query"), self.tr("Name"))
        if not (ok and name.strip()):
            return
        try:
            self.save_query(name.strip())
        except ExpressionError as exc:
            QMessageBox.warning(self, self.tr("Cannot save query"), str(exc))

    @property
    def error_position(self) -> int | None:
        """Character offset (0-based) of the current error, or None."""
        return None if self.error is None else self.error.pos

    def mask(self) -> np.ndarray:
        """Boolean mask of the matching features (raises ExpressionError on a bad text)."""
        return self._mask(self.text())

    def _mask(self, text: str) -> np.ndarray:
        return Expression(text).mask(self.layer.frame, self.layer.definition, self.catalog,
                                     self.layer.name)

    def _underline(self, error: ExpressionError | None) -> None:
        if error is None:
            self.editor.setExtraSelections([])
            return
        selection = QTextEdit.ExtraSelection()
        fmt = QTextCharFormat()
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(QColor("#b2182b"))
        selection.format = fmt
        cursor = QTextCursor(self.editor.document())
        start = len(self.editor.toPlainText()) - len(self.editor.toPlainText().lstrip())
        cursor.setPosition(start + error.pos)
        cursor.setPosition(min(start + error.end, len(self.editor.toPlainText())),
                           QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        self.editor.setExtraSelections([selection])


def _field_name(item: QListWidgetItem | None) -> str:
    """The field name behind a list entry ("" for none)."""
    return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""


def _literal(value: object) -> str:
    """How a value is written in an expression: quoted text, plain numbers."""
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, pd.Timestamp):
        return f"'{value.date().isoformat()}'"
    return str(value)
