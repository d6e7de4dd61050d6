"""Qt item model of the project's layers, top of the list drawn last, with legend children.

Top-level rows are layers in panel order (row 0 = the layer drawn on top = the last of
``project.layers``). A layer with categorized symbology has one child row per class. The model
never changes a layer itself: check boxes and drops call the :class:`Project` methods, the
project emits ``layers_changed`` and the model refreshes from it (one-way data flow).
"""

from __future__ import annotations

import weakref
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

from gisdesk.core.definitions import SymbolClass
from gisdesk.core.layer import MapLayer
from gisdesk.core.project import Project
from gisdesk.ui.i18n import current_language
from gisdesk.ui.panels.swatches import geometry_kind, swatch_icon

LAYER_MIME = "application/x-gisdesk-layer"
LayerNameRole = Qt.ItemDataRole.UserRole + 1
"""Data role holding the layer name (stable id) of a row, for top rows and class rows."""

_OTHER = "\x00other"  # value of the legend row for values no class matches
_TOP = 0  # internalId of top-level rows; class rows use (layer row + 1)
Index = QModelIndex | QPersistentModelIndex


_kinds: dict[int, tuple[weakref.ref, int, str]] = {}


def data_kind(layer: MapLayer) -> str:
    """``layer.geometry_kind``, cached per frame and version: it scans every geometry, and
    item views ask for icons on every repaint."""
    key = id(layer)
    hit = _kinds.get(key)
    if hit is None or hit[0]() is not layer.frame or hit[1] != layer.version:
        hit = (weakref.ref(layer.frame), layer.version, layer.geometry_kind)
        _kinds[key] = hit
    return hit[2]


def lacks_crs(layer: MapLayer) -> bool:
    """True for layers with geometries whose source file carried no CRS (they need "Set CRS").

    Tables (inspections) and layers whose geometries are all missing have nothing to place.
    """
    if layer.definition is not None and not layer.definition.is_spatial:
        return False
    return not layer.source_crs and data_kind(layer) != "none"


class LayerTreeModel(QAbstractItemModel):
    """Layers and their legend classes, in panel order."""

    def __init__(self, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._project = project
        self._names: list[str] = []
        self._classes: dict[str, list[SymbolClass]] = {}
        self._snapshot()
        project.layers_changed.connect(self._on_layers_changed)
        self.destroyed.connect(lambda *_: project.layers_changed.disconnect(
            self._on_layers_changed))

    # --- structure -------------------------------------------------------------------------
    def _snapshot(self) -> None:
        self._names = [lyr.name for lyr in reversed(self._project.layers)]
        self._classes = {lyr.name: self._legend_classes(lyr) for lyr in self._project.layers}

    def _legend_classes(self, layer: MapLayer) -> list[SymbolClass]:
        """Categorized classes, plus an "Other" row when unmatched values have a symbol."""
        definition = layer.definition
        if definition is None:
            return []
        classes = self._project.catalog.symbol_classes(definition)
        other = definition.symbology.other
        if classes and other is not None:
            classes.append(SymbolClass(value=_OTHER, symbol=other))
        return classes

    def _on_layers_changed(self, *_: Any) -> None:
        names = [lyr.name for lyr in reversed(self._project.layers)]
        if names == self._names:
            self.refresh()
            return
        self.beginResetModel()
        self._snapshot()
        self.endResetModel()

    def refresh(self) -> None:
        """Re-read visibility, titles and legend labels (after a restyle or language change)."""
        self._snapshot()
        if self._names:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._names) - 1, 0))
            for row, name in enumerate(self._names):
                count = len(self._classes.get(name, []))
                if count:
                    parent = self.index(row, 0)
                    first, last = self.index(0, 0, parent), self.index(count - 1, 0, parent)
                    self.dataChanged.emit(first, last)

    def layer_at(self, index: Index) -> MapLayer | None:
        """The layer of a top row or of a class row."""
        if not index.isValid():
            return None
        row = index.row() if index.internalId() == _TOP else index.internalId() - 1
        return self._project.layer(self._names[row]) if 0 <= row < len(self._names) else None

    def row_of(self, name: str) -> int:
        """Panel row of layer ``name`` (-1 when absent)."""
        return self._names.index(name) if name in self._names else -1

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, _TOP) if row < len(self._names) else QModelIndex()
        if parent.internalId() != _TOP:
            return QModelIndex()
        classes = self._classes.get(self._names[parent.row()], [])
        return self.createIndex(row, 0, parent.row() + 1) if row < len(classes) else QModelIndex()

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not index.isValid() or index.internalId() == _TOP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _TOP)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._names)
        if parent.internalId() == _TOP and parent.row() < len(self._names):
            return len(self._classes.get(self._names[parent.row()], []))
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    # --- data ------------------------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        layer = self.layer_at(index)
        if layer is None:
            return None
        if role == LayerNameRole:
            return layer.name
        if index.internalId() == _TOP:
            return self._layer_data(layer, role)
        classes = self._classes.get(layer.name, [])
        return self._class_data(layer, classes[index.row()], role) if index.row() < len(
            classes) else None

    def _layer_data(self, layer: MapLayer, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return layer.title_in(current_language())
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if layer.visible else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DecorationRole:
            return self._layer_icon(layer)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._layer_tooltip(layer)
        return None

    def _layer_icon(self, layer: MapLayer) -> QIcon | None:
        if layer.problems or lacks_crs(layer):
            style = QApplication.style()
            return style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if layer.definition is None or not layer.definition.is_spatial or self._classes.get(
                layer.name):
            return None  # legend rows carry the swatches; tables have nothing to draw
        kind = geometry_kind(layer.definition.geometry, data_kind(layer))
        return swatch_icon(layer.definition.symbology.symbol, kind)

    def _layer_tooltip(self, layer: MapLayer) -> str:
        lines = [layer.name]
        if layer.source is not None:
            lines.append(layer.source.describe())
        count = len(layer.frame)
        lines.append(self.tr("%n feature(s)", "", count))
        if lacks_crs(layer):
            lines.append(QCoreApplication.translate("LayerTreeModel",
                                                    "No coordinate reference system"))
        lines.extend(layer.problems)
        return "\n".join(lines)

    def _class_data(self, layer: MapLayer, cls: SymbolClass, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if cls.value == _OTHER and cls.label is None:
                return QCoreApplication.translate("LayerTreeModel", "Other")
            return cls.label.get(current_language()) if cls.label else str(cls.value)
        if role == Qt.ItemDataRole.DecorationRole:
            geometry = layer.definition.geometry if layer.definition else None
            return swatch_icon(cls.symbol, geometry_kind(geometry, data_kind(layer)))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._class_tooltip(layer, cls)
        return None

    def _class_tooltip(self, layer: MapLayer, cls: SymbolClass) -> str | None:
        """The domain's description of the class (e.g. "Major defects; renew within 1-2
        years"), so the legend explains what a colour means, not only its name."""
        definition = layer.definition
        field = definition.symbology.field if definition else None
        domain = self._project.catalog.domain_for(definition, field) if field else None
        value = next((v for v in domain.values if v.code == cls.value), None) if domain else None
        if value is None or value.description is None:
            return None
        return value.description.get(current_language())

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        layer = self.layer_at(index)
        if layer is None or index.internalId() != _TOP or role != Qt.ItemDataRole.CheckStateRole:
            return False
        state = Qt.CheckState(value) if not isinstance(value, Qt.CheckState) else value
        self._project.set_visible(layer.name, state == Qt.CheckState.Checked)
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        if index.internalId() != _TOP:
            return Qt.ItemFlag.ItemIsEnabled
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsDragEnabled)

    # --- drag and drop reorders through the project ----------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [LAYER_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        data = QMimeData()
        names = [self._names[i.row()] for i in indexes if i.isValid() and i.internalId() == _TOP]
        if names:
            data.setData(LAYER_MIME, QByteArray(names[0].encode("utf-8")))
        return data

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: Index) -> bool:
        return data.hasFormat(LAYER_MIME) and action == Qt.DropAction.MoveAction

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: Index) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        name = bytes(data.data(LAYER_MIME).data()).decode("utf-8")
        if parent.isValid():  # dropped onto a layer (or its legend): take that layer's place
            row = parent.row() if parent.internalId() == _TOP else parent.internalId() - 1
        return self.move_to_row(name, len(self._names) if row < 0 else row)

    def move_to_row(self, name: str, row: int) -> bool:
        """Move layer ``name`` so that it sits before panel row ``row`` (as a drop there does)."""
        old = self.row_of(name)
        if old < 0:
            return False
        if old < row:
            row -= 1
        row = max(0, min(row, len(self._names) - 1))
        self._project.move_layer(name, len(self._names) - 1 - row)
        return True
