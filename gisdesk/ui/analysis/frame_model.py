"""A read-only Qt table model over a pandas DataFrame (analysis results, programmes)."""

from __future__ import annotations

import math
from typing import Any

import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


def attributes(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` without its geometry column (tables show attributes only)."""
    geometry = getattr(frame, "geometry", None)
    name = getattr(geometry, "name", None) if geometry is not None else None
    if name is not None and name in frame.columns:
        return pd.DataFrame(frame.drop(columns=name))
    return frame


class DataFrameModel(QAbstractTableModel):
    """Rows and columns of a frame; numbers right-aligned, floats with two decimals."""

    def __init__(self, frame: pd.DataFrame | None = None) -> None:
        super().__init__()
        self._frame = pd.DataFrame() if frame is None else attributes(frame)

    @property
    def frame(self) -> pd.DataFrame:
        """The attributes shown."""
        return self._frame

    def set_frame(self, frame: pd.DataFrame) -> None:
        """Show ``frame`` instead."""
        self.beginResetModel()
        self._frame = attributes(frame)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._frame)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._frame.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        value = self._frame.iat[index.row(), index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return _text(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, int | float):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return str(self._frame.columns[section])
        return str(section + 1)


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if pd.api.types.is_scalar(value) and pd.isna(value):
        return ""
    if isinstance(value, float):
        return f"{value:,.0f}" if abs(value) >= 1e6 else f"{value:.2f}".rstrip("0").rstrip(".")
    return str(value)
