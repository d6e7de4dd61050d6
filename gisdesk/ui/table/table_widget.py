"""The attribute table window of one layer: quick search, expression filter, row toggles, view.

The selection is shared with the map through the core :class:`Selection` (frame positions):
selecting rows here selects the features on the map and the other way round. Ranges of adjacent
rows become one Qt selection range, so selecting 100 000 rows on the map stays cheap here.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gisdesk.core.definitions import Catalog
from gisdesk.core.layer import MapLayer
from gisdesk.core.project import Extent
from gisdesk.core.selection import Selection
from gisdesk.query.expression import ExpressionError
from gisdesk.ui.i18n import current_language
from gisdesk.ui.panels.value_format import format_scalar
from gisdesk.ui.table.delegates import FieldDelegate
from gisdesk.ui.table.model import AttributeTableModel, Editor, session_of


def _runs(rows: np.ndarray) -> list[tuple[int, int]]:
    """Sorted rows as (first, last) runs of consecutive numbers."""
    if rows.size == 0:
        return []
    breaks = np.flatnonzero(np.diff(rows) != 1)
    starts = np.concatenate(([rows[0]], rows[breaks + 1]))
    ends = np.concatenate((rows[breaks], [rows[-1]]))
    return list(zip(starts.tolist(), ends.tolist(), strict=True))


class AttributeTable(QWidget):
    """Table view and its filter bar for one layer."""

    zoom_requested = Signal(object)
    """Extent (minx, miny, maxx, maxy) of the selected features, for the map canvas."""

    def __init__(self, layer: MapLayer, catalog: Catalog, selection: Selection,
                 editor: Editor | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layer, self.selection, self.editor = layer, selection, editor
        self.model = AttributeTableModel(layer, catalog, editor, self)
        self._syncing = False
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.expression = QLineEdit()
        self.expression.setClearButtonEnabled(True)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020; font-family: monospace;")
        self.error.hide()
        self.selected_only = QCheckBox()
        self.edited_only = QCheckBox()
        self.zoom_button = QPushButton()
        self.count = QLabel()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)  # after the indicator: no sort until a header click
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setItemDelegate(FieldDelegate(self.model.column, lambda: self.model.lang, self))
        self.view.verticalHeader().setDefaultSectionSize(22)
        self.view.verticalHeader().setSectionResizeMode(
            self.view.verticalHeader().ResizeMode.Fixed)  # no per-row size hints at 1M rows
        self._lay_out()
        self._connect()
        self.retranslateUi()
        self._show_count()

    def _lay_out(self) -> None:
        bar = QHBoxLayout()
        for widget in (self.search, self.expression, self.selected_only, self.edited_only,
                       self.zoom_button):
            bar.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.error)
        layout.addWidget(self.view)
        status = QHBoxLayout()
        status.addWidget(self.count)
        status.addWidget(self.message, 1)
        layout.addLayout(status)

    def _connect(self) -> None:
        self.search.textChanged.connect(self.model.set_quick_search)
        self.expression.returnPressed.connect(self.apply_expression)
        self.selected_only.toggled.connect(lambda _on: self._update_selected_only())
        self.edited_only.toggled.connect(lambda _on: self.update_edited_only())
        self.zoom_button.clicked.connect(self.zoom_to_selection)
        self.model.rows_changed.connect(self._after_rows_changed)
        self.model.edit_refused.connect(self._show_refusal)
        self.view.selectionModel().selectionChanged.connect(self._view_selection_changed)
        self.selection.changed.connect(self._on_selection_changed)
        session = session_of(self.editor) if self.editor is not None else None
        if session is not None and hasattr(session, "changed"):
            session.changed.connect(self.update_edited_only)

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Attribute table — {layer}").format(
            layer=self.layer.title_in(self.model.lang)))
        self.search.setPlaceholderText(self.tr("Quick search…"))
        self.expression.setPlaceholderText(self.tr('Filter expression, e.g. "condition" <= 2'))
        self.selected_only.setText(self.tr("Selected only"))
        self.edited_only.setText(self.tr("Edited only"))
        self.zoom_button.setText(self.tr("Zoom to selection"))
        self._show_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            lang = current_language()
            if lang != self.model.lang:
                self.model.set_language(lang)  # domain labels and headers follow the UI
            self.retranslateUi()
        super().changeEvent(event)

    def close_table(self) -> None:
        """Stop following the layer, the selection and the session."""
        self.model.detach()
        self.selection.changed.disconnect(self._on_selection_changed)
        session = session_of(self.editor) if self.editor is not None else None
        if session is not None and hasattr(session, "changed"):
            session.changed.disconnect(self.update_edited_only)

    # --- filters ----------------------------------------------------------------------------
    def apply_expression(self) -> bool:
        """Filter by the expression typed; a bad one is shown with a caret under its error."""
        text = self.expression.text()
        try:
            self.model.set_filter_expression(text)
        except ExpressionError as exc:
            self.error.setText(f"{exc.message}\n{exc.text}\n{exc.caret_line}")
            self.error.show()
            return False
        self.error.hide()
        return True

    def _update_selected_only(self) -> None:
        rows = self.selection.rows(self.layer.name) if self.selected_only.isChecked() else None
        self.model.set_rows_only("selected", rows)

    def update_edited_only(self) -> None:
        """Refresh "edited only" from the session's pending changes."""
        if not self.edited_only.isChecked() or self.editor is None:
            self.model.set_rows_only("edited", None)
            return
        uuids = [c.uuid for c in session_of(self.editor).pending_changes()
                 if c.layer == self.layer.name]
        key = self.layer.definition.key if self.layer.definition else "uuid"
        hits = self.layer.frame[key].isin(uuids).to_numpy(dtype=bool, na_value=False)
        self.model.set_rows_only("edited", np.flatnonzero(hits))

    # --- selection both ways ----------------------------------------------------------------
    def _view_selection_changed(self, *_args: object) -> None:
        if self._syncing:
            return
        ranges = self.view.selectionModel().selection()
        parts = [np.arange(r.top(), r.bottom() + 1, dtype=np.intp) for r in ranges]
        view_rows = np.unique(np.concatenate(parts)) if parts else np.empty(0, np.intp)
        self._syncing = True
        try:
            self.selection.set(self.layer.name, self.model.frame_rows(view_rows))
        finally:
            self._syncing = False

    def _on_selection_changed(self, layer: str) -> None:
        if layer != self.layer.name or self._syncing:
            return
        if self.selected_only.isChecked():
            self._update_selected_only()
        else:
            self._select_in_view()

    def _select_in_view(self) -> None:
        rows = self.model.view_rows(self.selection.rows(self.layer.name))
        selection = QItemSelection()
        last = self.model.columnCount() - 1
        for first, end in _runs(rows):
            selection.select(self.model.index(first, 0), self.model.index(end, last))
        self._syncing = True
        try:
            self.view.selectionModel().select(
                selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        finally:
            self._syncing = False

    def zoom_to_selection(self) -> None:
        """Ask the canvas to show the selected features."""
        rows = self.selection.rows(self.layer.name)
        if rows.size == 0 or not self.layer.is_spatial:
            return
        bounds = self.layer.frame.geometry.iloc[rows].total_bounds
        if np.all(np.isfinite(bounds)):
            extent: Extent = tuple(float(b) for b in bounds)  # type: ignore[assignment]
            self.zoom_requested.emit(extent)

    # --- status -----------------------------------------------------------------------------
    def _after_rows_changed(self) -> None:
        self._show_count()
        if not self._syncing:
            self._select_in_view()

    def _show_count(self) -> None:
        self.count.setText(self.tr("{shown} of {total} features").format(
            shown=format_scalar(self.model.rowCount(), self.model.lang),
            total=format_scalar(len(self.layer.frame), self.model.lang)))

    def _show_refusal(self, text: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #b00020;")
