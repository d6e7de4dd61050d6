"""The attribute table model: a Qt table over one layer that stays fast at a million rows.

Rows are addressed through ``order``, a numpy array mapping view rows to frame positions; sort,
quick search, the expression filter and "selected / edited only" only ever rebuild that array
with whole-column numpy operations. ``data()`` reads one cell from the column arrays (see
:mod:`.columns`), so no Python object is made per row, and opening the table costs the same
for ten rows as for a million. Edits go through the edit session (``SetAttribute``) so they are
validated in the core and can be undone; the model never writes into the frame itself.
"""

from __future__ import annotations

from typing import Any, Protocol

import numpy as np
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from gisdesk.core.definitions import Catalog
from gisdesk.core.edits import Command, SetAttribute
from gisdesk.core.edits_frame import key_of
from gisdesk.core.layer import MapLayer
from gisdesk.core.roles import can_edit
from gisdesk.core.validation import FieldValueError
from gisdesk.query.expression import Expression
from gisdesk.ui.i18n import current_language
from gisdesk.ui.table.columns import Column, build_columns

Index = QModelIndex | QPersistentModelIndex
_NO_INDEX = QModelIndex()


class Editor(Protocol):
    """What applies commands: the core ``EditSession`` or the UI's ``UndoBridge`` over it."""

    def apply(self, command: Command) -> None:
        """Run ``command`` (raises without changing anything when it is refused)."""


def session_of(editor: Any) -> Any:
    """The core edit session behind ``editor`` (an UndoBridge has one; a session is one)."""
    return getattr(editor, "session", editor)


class AttributeTableModel(QAbstractTableModel):
    """Columns are the layer's fields; rows are ``order`` (frame positions) in view order."""

    edit_refused = Signal(str)
    """A cell edit was refused (validation or rights); the text says which field and why."""
    rows_changed = Signal()
    """The set or order of shown rows changed (filter, search, sort, data)."""

    def __init__(self, layer: MapLayer, catalog: Catalog, editor: Editor | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.layer, self.catalog, self.editor = layer, catalog, editor
        self.lang = current_language()
        self._version = -1
        self._columns: list[Column] = []
        self._masks: dict[str, np.ndarray] = {}
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._expression: Expression | None = None
        self._search = ""
        self.order = np.empty(0, dtype=np.intp)
        self._load()
        layer.changed.connect(self._on_layer_changed)

    def detach(self) -> None:
        """Stop following the layer (call before dropping the model)."""
        self.layer.changed.disconnect(self._on_layer_changed)

    # --- Qt model API ---------------------------------------------------------------------
    def rowCount(self, parent: Index = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self.order)

    def columnCount(self, parent: Index = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self._columns[index.column()]
        row = int(self.order[index.row()])
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(row, self.lang, self.layer.definition, self.catalog)
        if role == Qt.ItemDataRole.EditRole:
            return column.raw(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.is_numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(int(self.order[section]) + 1) if section < len(self.order) else None
        column = self._columns[section]
        if column.fdef is None:
            return column.name
        return column.fdef.label.get(self.lang)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and self.is_editable(index.column()):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.editor is None:
            return False
        column = self._columns[index.column()]
        row = int(self.order[index.row()])
        uuid = str(self.layer.frame[key_of(self.layer)].iat[row])
        if column.raw(row) == value:
            return True
        try:
            self.editor.apply(SetAttribute(layer=self.layer.name, uuid=uuid, field=column.name,
                                           value=value))
        except (FieldValueError, PermissionError, KeyError) as exc:
            self.edit_refused.emit(str(exc).strip("'\""))
            return False
        return True

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order) if 0 <= column < len(self._columns) else None
        self._refilter()

    # --- table features -------------------------------------------------------------------
    def column(self, section: int) -> Column:
        """The column shown at ``section``."""
        return self._columns[section]

    def column_index(self, name: str) -> int:
        """Section of the column named ``name`` (ValueError when absent)."""
        return [c.name for c in self._columns].index(name)

    def is_editable(self, section: int) -> bool:
        """Editable when there is a session, the user's role allows it and the field is writable."""
        column = self._columns[section]
        definition = self.layer.definition
        if self.editor is None or definition is None or column.fdef is None:
            return False
        if column.fdef.readonly or column.name == definition.key:
            return False
        return can_edit(session_of(self.editor).profile, definition)

    def set_language(self, lang: str) -> None:
        """Show domain labels and headers in ``lang`` (coded columns re-sort by the new labels)."""
        self.lang = lang
        for column in self._columns:
            column._sort_key = None
        self._refilter()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, len(self._columns) - 1))

    def set_filter_expression(self, text: str) -> None:
        """Show only rows where the expression is true; raises ExpressionError with a position."""
        expression = Expression(text) if text.strip() else None
        mask = None
        if expression is not None:
            mask = expression.mask(self.layer.frame, self.layer.definition, self.catalog,
                                   self.layer.name)
        self._expression = expression
        self._set_mask("expression", mask)

    def set_quick_search(self, text: str) -> None:
        """Show only rows where some text column (or a coded value's label) contains ``text``."""
        self._search = text.strip()
        self._set_mask("search", self._search_mask() if self._search else None)

    def set_rows_only(self, name: str, rows: np.ndarray | None) -> None:
        """Restrict to these frame positions ("selected only", "edited only"); None lifts it."""
        mask = None
        if rows is not None:
            mask = np.zeros(len(self.layer.frame), dtype=bool)
            mask[rows[rows < len(mask)]] = True
        self._set_mask(name, mask)

    def frame_rows(self, view_rows: np.ndarray) -> np.ndarray:
        """Frame positions of the given view rows."""
        return self.order[np.asarray(view_rows, dtype=np.intp)]

    def view_rows(self, frame_rows: np.ndarray) -> np.ndarray:
        """View rows (ascending) that show the given frame positions; hidden ones are dropped."""
        inverse = np.full(len(self.layer.frame), -1, dtype=np.intp)
        inverse[self.order] = np.arange(len(self.order), dtype=np.intp)
        rows = np.asarray(frame_rows, dtype=np.intp)
        found = inverse[rows[(rows >= 0) & (rows < len(inverse))]]
        return np.sort(found[found >= 0])

    # --- internals ------------------------------------------------------------------------
    def _load(self) -> None:
        self._columns = build_columns(self.layer.frame, self.layer.definition, self.catalog)
        self._version = self.layer.version
        self._refilter()

    def _search_mask(self) -> np.ndarray:
        mask = np.zeros(len(self.layer.frame), dtype=bool)
        for column in self._columns:
            if column.is_text:
                mask |= column.contains(self._search, self.lang)
        return mask

    def _set_mask(self, name: str, mask: np.ndarray | None) -> None:
        if mask is None:
            self._masks.pop(name, None)
        else:
            self._masks[name] = mask
        self._refilter()

    def _refilter(self) -> None:
        n = len(self.layer.frame)
        if self._sort is None:
            order = np.arange(n, dtype=np.intp)
        else:
            key = self._columns[self._sort[0]].sort_key(self.lang)
            descending = self._sort[1] == Qt.SortOrder.DescendingOrder
            order = np.argsort(-key if descending else key, kind="stable").astype(np.intp)
        masks = [m for m in self._masks.values() if len(m) == n]
        if masks:
            keep = np.logical_and.reduce(masks)
            order = order[keep[order]]
        self.beginResetModel()
        self.order = order
        self.endResetModel()
        self.rows_changed.emit()

    def _on_layer_changed(self, _layer: MapLayer | None = None) -> None:
        """Values changed: rebuild the column caches; rows move only when the row count did."""
        same_rows = len(self.layer.frame) == self._row_total()
        self._columns = build_columns(self.layer.frame, self.layer.definition, self.catalog)
        self._version = self.layer.version
        if same_rows:
            top, bottom = self.index(0, 0), self.index(self.rowCount() - 1,
                                                       self.columnCount() - 1)
            self.dataChanged.emit(top, bottom)
            return
        self._masks.pop("search", None)
        if self._search:
            self._masks["search"] = self._search_mask()
        if self._expression is not None:
            self._masks["expression"] = self._expression.mask(
                self.layer.frame, self.layer.definition, self.catalog, self.layer.name)
        self._refilter()

    def _row_total(self) -> int:
        return len(self._columns[0].values) if self._columns else 0
