"""A read-only Qt table model over a pandas DataFrame (analysis results, programmes).

Result frames carry data column names (``asset_id``, ``distance_m``, ``water_mains``); people
read them as the field labels of the layer definitions, layer titles and a few translated
analysis words, in the UI language, with numbers in the language's format (1.234,5).

Cells show domain labels ("High risk", "Ductile iron") but sort by the stored values, so risk
class 5 comes after 4 rather than "Very high" after "Medium" alphabetically. The model sorts
itself (one pandas argsort) instead of sitting behind a QSortFilterProxyModel, whose per-pair
Python comparisons would take seconds on 300 000 nearest pairs.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from gisdesk.core.definitions import Catalog, LayerDef
from gisdesk.ui.i18n import current_language
from gisdesk.ui.panels.value_format import format_field, format_scalar

Index = QModelIndex | QPersistentModelIndex

COLUMN_TITLES = {
    "total": QT_TRANSLATE_NOOP("ResultColumns", "Total"),
    "count": QT_TRANSLATE_NOOP("ResultColumns", "Count"),
    "role": QT_TRANSLATE_NOOP("ResultColumns", "Role"),
    "layer": QT_TRANSLATE_NOOP("ResultColumns", "Layer"),
    "name": QT_TRANSLATE_NOOP("ResultColumns", "Name"),
    "problem": QT_TRANSLATE_NOOP("ResultColumns", "Problem"),
    "main": QT_TRANSLATE_NOOP("ResultColumns", "Main"),
    "near_main": QT_TRANSLATE_NOOP("ResultColumns", "Nearby main"),
    "drain": QT_TRANSLATE_NOOP("ResultColumns", "Drain"),
    "near_drain": QT_TRANSLATE_NOOP("ResultColumns", "Nearby drain"),
    "distance_m": QT_TRANSLATE_NOOP("ResultColumns", "Distance (m)"),
    "rank": QT_TRANSLATE_NOOP("ResultColumns", "Rank"),
    "x": QT_TRANSLATE_NOOP("ResultColumns", "X"),
    "y": QT_TRANSLATE_NOOP("ResultColumns", "Y"),
    "(none)": QT_TRANSLATE_NOOP("ResultColumns", "(none)"),
}
"""Analysis columns no layer definition names (marked for lupdate, translated when shown)."""


def column_title(name: str, definition: LayerDef | None, catalog: Catalog | None,
                 lang: str) -> str:
    """What a result column is called in ``lang``.

    In order: the field label of ``definition``; the title of a layer of that name (nearest
    pairs are headed by layer names); the label the catalog's layers give a field of that name
    (``asset_id`` is "Asset code" everywhere); a translated analysis word; else the name.
    """
    fdef = definition.field(name) if definition is not None else None
    if fdef is not None:
        return fdef.label.get(lang)
    if catalog is not None:
        layer = catalog.layers.get(name)
        if layer is not None:
            return layer.title.get(lang)
        for layer in catalog.layers.values():
            found = layer.field(name)
            if found is not None:
                return found.label.get(lang)
    if name in COLUMN_TITLES:
        return QCoreApplication.translate("ResultColumns", COLUMN_TITLES[name])
    return name


def attributes(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` without its geometry column (tables show attributes only)."""
    geometry = getattr(frame, "geometry", None)
    name = getattr(geometry, "name", None) if geometry is not None else None
    if name is not None and name in frame.columns:
        return pd.DataFrame(frame.drop(columns=name))
    return frame


class DataFrameModel(QAbstractTableModel):
    """Rows and columns of a frame; numbers right-aligned, floats with two decimals.

    Shown row ``r`` is row :meth:`source_row` ``(r)`` of :attr:`frame` (they differ once a
    header was clicked to sort).
    """

    def __init__(self, frame: pd.DataFrame | None = None) -> None:
        super().__init__()
        self._frame = pd.DataFrame() if frame is None else attributes(frame)
        self._order = np.arange(len(self._frame))
        self.definition: LayerDef | None = None
        self.catalog: Catalog | None = None

    @property
    def frame(self) -> pd.DataFrame:
        """The attributes shown."""
        return self._frame

    def set_frame(self, frame: pd.DataFrame, definition: LayerDef | None = None,
                  catalog: Catalog | None = None) -> None:
        """Show ``frame`` instead; ``definition``/``catalog`` give its labels and domains."""
        self.beginResetModel()
        self._frame = attributes(frame)
        self._order = np.arange(len(self._frame))
        self.definition, self.catalog = definition, catalog
        self.endResetModel()

    def source_row(self, row: int) -> int:
        """Position in :attr:`frame` of shown row ``row`` (the frame's order is never changed)."""
        return int(self._order[row])

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order rows by the stored values of ``column`` (empty cells last); -1 restores the
        frame's own order (a programme's rank)."""
        self.layoutAboutToBeChanged.emit()
        kept = self.persistentIndexList()  # a selected row stays selected where it moves
        rows = [self.source_row(i.row()) for i in kept]
        if 0 <= column < len(self._frame.columns):
            values = self._frame.iloc[:, column].reset_index(drop=True)
            ascending = order == Qt.SortOrder.AscendingOrder
            try:
                ranked = values.sort_values(ascending=ascending, kind="stable",
                                            na_position="last")
            except TypeError:  # mixed texts and numbers: compare them as text
                ranked = values.map(lambda v: None if pd.isna(v) else str(v)).sort_values(
                    ascending=ascending, kind="stable", na_position="last")
            self._order = ranked.index.to_numpy()
        else:
            self._order = np.arange(len(self._frame))
        if kept:
            shown_at = np.empty(len(self._order), dtype=np.int64)
            shown_at[self._order] = np.arange(len(self._order))
            self.changePersistentIndexList(kept, [
                self.index(int(shown_at[r]), i.column()) for i, r in zip(kept, rows, strict=True)])
        self.layoutChanged.emit()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._frame)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._frame.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        value = self._frame.iat[self._order[index.row()], index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(str(self._frame.columns[index.column()]), value)
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, int | float):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return column_title(str(self._frame.columns[section]), self.definition,
                                self.catalog, current_language())
        return str(section + 1)

    def _text(self, column: str, value: Any) -> str:
        """A cell in the UI language: domain labels and units where the definition has them."""
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return ""
        if pd.api.types.is_scalar(value) and pd.isna(value):
            return ""
        lang = current_language()
        fdef = self.definition.field(column) if self.definition is not None else None
        if fdef is not None and self.catalog is not None:
            return format_field(value, fdef, self.catalog, self.definition, lang)
        if isinstance(value, float) and math.isfinite(value):
            value = round(value) if abs(value) >= 1e6 else round(value, 2)
        return format_scalar(value, lang)
