"""The layer panel: visibility, drawing order, opacity and legend of the project's layers.

Dock it in the main window and connect its signals; it never touches layer data itself. Order,
visibility, opacity and removal go through :class:`~gisdesk.core.project.Project` methods;
everything that needs another part of the app (zooming the canvas, asking for a CRS, showing
properties) is a signal carrying the layer name.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSlider,
    QTreeView,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from gisdesk.core.project import Project
from gisdesk.ui.panels.layer_tree_model import (
    LayerNameRole,
    LayerTreeModel,
    data_kind,
    lacks_crs,
)


class OpacitySlider(QWidget):
    """A labelled 0–100 % slider for the layer context menu."""

    def __init__(self, percent: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, 100)
        self.slider.setValue(percent)
        self.slider.setMinimumWidth(120)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        layout.addWidget(self.label)
        layout.addWidget(self.slider)
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.label.setText(self.tr("Opacity"))


class LayersPanel(QWidget):
    """Tree of layers (top = drawn last) with check boxes, drag-reorder and a context menu."""

    zoom_to_layer_requested = Signal(str)
    set_crs_requested = Signal(str)
    properties_requested = Signal(str)
    current_layer_changed = Signal(str)
    """The highlighted layer changed (empty string when none); tools act on this layer."""

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._project = project
        self._collapsed: set[str] = set()
        self.model = LayerTreeModel(project, self)
        self.view = QTreeView()
        self.view.setModel(self.model)
        self.view.setHeaderHidden(True)
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._show_menu)
        self.view.setExpandsOnDoubleClick(False)
        self.view.doubleClicked.connect(self._on_double_clicked)
        self.view.collapsed.connect(lambda i: self._collapsed.add(i.data(LayerNameRole)))
        self.view.expanded.connect(lambda i: self._collapsed.discard(i.data(LayerNameRole)))
        self.view.selectionModel().currentChanged.connect(self._on_current_changed)
        self._current_before_reset: str | None = None
        self.model.modelAboutToBeReset.connect(self._remember_current)
        self.model.modelReset.connect(self._restore_view_state)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self._restore_expansion()
        self.retranslateUi()

    # --- language --------------------------------------------------------------------------
    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Layers"))
        self.model.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    # --- state helpers ---------------------------------------------------------------------
    def current_layer(self) -> str | None:
        """Name of the highlighted layer, or None."""
        name = self.view.currentIndex().data(LayerNameRole)
        return str(name) if name else None

    def select_layer(self, name: str) -> None:
        """Highlight layer ``name`` (e.g. after it was added)."""
        row = self.model.row_of(name)
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row, 0))

    def _remember_current(self) -> None:
        self._current_before_reset = self.current_layer()

    def _restore_view_state(self) -> None:
        """After a reorder or add/remove, keep folds and the highlighted layer as they were."""
        self._restore_expansion()
        if self._current_before_reset:
            self.select_layer(self._current_before_reset)

    def _restore_expansion(self) -> None:
        for row in range(self.model.rowCount()):
            index = self.model.index(row, 0)
            self.view.setExpanded(index, index.data(LayerNameRole) not in self._collapsed)

    def _on_double_clicked(self, index: QModelIndex) -> None:
        """Double-click opens the layer's properties, as in QGIS."""
        name = index.data(LayerNameRole)
        if name and not index.parent().isValid():
            self.properties_requested.emit(str(name))

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        name = current.data(LayerNameRole) if current.isValid() else None
        self.current_layer_changed.emit(str(name) if name else "")

    # --- context menu ----------------------------------------------------------------------
    def build_menu(self, name: str) -> QMenu:
        """The context menu of layer ``name`` (public so tests and the main menu reuse it)."""
        layer = self._project.layer(name)
        menu = QMenu(self)
        if layer is None:
            return menu
        zoom = menu.addAction(self.tr("Zoom to Layer"))
        zoom.setEnabled(layer.extent() is not None)
        zoom.triggered.connect(lambda: self.zoom_to_layer_requested.emit(name))
        crs = menu.addAction(self.tr("Set CRS…"))
        # Any layer with geometries: a file's CRS can be missing (flagged) or wrong (not).
        crs.setEnabled(lacks_crs(layer) or (layer.source_crs is not None
                                            and data_kind(layer) != "none"))
        crs.triggered.connect(lambda: self.set_crs_requested.emit(name))
        menu.addSeparator()
        slider = OpacitySlider(round(layer.opacity * 100), menu)
        slider.slider.valueChanged.connect(
            lambda v: self._project.set_opacity(name, v / 100.0))
        action = QWidgetAction(menu)
        action.setDefaultWidget(slider)
        menu.addAction(action)
        menu.addSeparator()
        remove = menu.addAction(self.tr("Remove Layer"))
        remove.triggered.connect(lambda: self._project.remove_layer(name))
        props = menu.addAction(self.tr("Properties…"))
        props.triggered.connect(lambda: self.properties_requested.emit(name))
        return menu

    def _show_menu(self, pos: QPoint) -> None:
        name = self.view.indexAt(pos).data(LayerNameRole)
        if name:
            menu = self.build_menu(str(name))
            menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            menu.popup(self.view.viewport().mapToGlobal(pos))
