"""The identify panel: attributes of the features under a click, one at a time.

The canvas's identify tool finds rows with :func:`gisdesk.core.selection.features_at` and calls
:meth:`IdentifyPanel.show_features` (one layer) or :meth:`IdentifyPanel.show_results` (several
layers). Fields read as their labels in the UI language, coded values as domain labels, with
units. The panel also shows how many features are selected in the shared
:class:`~gisdesk.core.selection.Selection`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shapely.geometry.base import BaseGeometry

from gisdesk.core.layer import MapLayer
from gisdesk.core.project import Project
from gisdesk.core.selection import Selection
from gisdesk.ui.i18n import current_language, format_number
from gisdesk.ui.panels.value_format import attribute_rows, format_scalar

Hit = tuple[str, int]
"""(layer name, positional row) of one identified feature."""


class IdentifyPanel(QWidget):
    """Attributes of identified features with previous/next navigation."""

    feature_shown = Signal(str, int)
    """Emitted with (layer name, row) whenever a feature is displayed (the canvas flashes it)."""

    def __init__(self, project: Project, selection: Selection | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._project = project
        self._selection = selection
        self._hits: list[Hit] = []
        self._pos = 0
        self._watched: MapLayer | None = None
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.position = QLabel()
        self.picker = QComboBox()
        self.picker.currentIndexChanged.connect(self._on_picked)
        self.previous_button = QPushButton()
        self.next_button = QPushButton()
        self.previous_button.clicked.connect(lambda: self.go_to(self._pos - 1))
        self.next_button.clicked.connect(lambda: self.go_to(self._pos + 1))
        self.table = QTableWidget(0, 2)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.
                                                           ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.copy_action = QAction(self.table)
        self.copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.copy_action.triggered.connect(self.copy_to_clipboard)
        self.table.addAction(self.copy_action)
        self.selection_label = QLabel()
        self._layout_widgets()
        project.layers_changed.connect(self._on_layers_changed)
        if selection is not None:
            selection.changed.connect(self._on_selection_changed)
        self.destroyed.connect(lambda *_: self._detach(project, selection))
        self.retranslateUi()

    def _detach(self, project: Project, selection: Selection | None) -> None:
        """Stop listening to the model once the widget is gone."""
        project.layers_changed.disconnect(self._on_layers_changed)
        if selection is not None:
            selection.changed.disconnect(self._on_selection_changed)
        self._watch(None)

    def _watch(self, layer: MapLayer | None) -> None:
        """Follow edits of the layer on display so the values shown are never stale."""
        if layer is self._watched:
            return
        if self._watched is not None:
            self._watched.changed.disconnect(self._on_layer_edited)
        self._watched = layer
        if layer is not None:
            layer.changed.connect(self._on_layer_edited)

    def _on_layer_edited(self, *_: object) -> None:
        self._fill_picker()
        self._render()

    def _on_layers_changed(self, *_: object) -> None:
        """Forget hits on removed layers; keep showing the same feature when it survives."""
        current = self.current()
        self._hits = [hit for hit in self._hits if self._project.layer(hit[0]) is not None]
        if current in self._hits:
            self._pos = self._hits.index(current)
        else:
            self._pos = min(self._pos, max(len(self._hits) - 1, 0))
        self._fill_picker()
        self._render()

    def _layout_widgets(self) -> None:
        nav = QHBoxLayout()
        nav.addWidget(self.previous_button)
        nav.addWidget(self.position, 1)
        nav.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.picker)
        layout.addLayout(nav)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.selection_label)

    # --- public API ------------------------------------------------------------------------
    def show_features(self, layer: MapLayer | str, rows: Iterable[int]) -> None:
        """Show the features at positional ``rows`` of ``layer`` (first one first)."""
        name = layer.name if isinstance(layer, MapLayer) else layer
        self.show_results([(name, [int(r) for r in rows])])

    def show_results(self, results: Sequence[tuple[str, Iterable[int]]]) -> None:
        """Show hits from several layers, in the given order (top layer first)."""
        self._hits = [(name, int(row)) for name, rows in results for row in rows]
        self._pos = 0
        self._fill_picker()
        self._render()

    def clear(self) -> None:
        """Show nothing (e.g. a click on empty map)."""
        self.show_results([])

    def hits(self) -> list[Hit]:
        """The features being navigated, as (layer name, row)."""
        return list(self._hits)

    def go_to(self, position: int) -> None:
        """Show the ``position``-th identified feature (clamped)."""
        if self._hits:
            self._pos = max(0, min(position, len(self._hits) - 1))
            self._render()

    def current(self) -> Hit | None:
        """The feature on display, or None."""
        return self._hits[self._pos] if self._hits else None

    def copy_to_clipboard(self) -> str:
        """Copy the selected rows (all rows when none) as "label<TAB>value" lines for a report
        or a spreadsheet; returns the copied text."""
        rows = sorted({i.row() for i in self.table.selectedIndexes()}) or range(
            self.table.rowCount())
        text = "\n".join(
            f"{self.table.item(r, 0).text()}\t{self.table.item(r, 1).text()}" for r in rows)
        QGuiApplication.clipboard().setText(text)
        return text

    # --- the list of hits --------------------------------------------------------------------
    def _caption(self, hit: Hit, lang: str) -> str:
        """"Valves — KTP-0000001": layer title and the feature's label field (else its row)."""
        layer = self._project.layer(hit[0])
        if layer is None:
            return hit[0]
        label = f"#{hit[1] + 1}"
        field = layer.definition.label_field if layer.definition else None
        if field and field in layer.frame.columns and 0 <= hit[1] < len(layer.frame):
            value = layer.frame[field].iloc[hit[1]]
            label = format_scalar(value, lang) or label
        return f"{layer.title_in(lang)} — {label}"

    def _fill_picker(self) -> None:
        lang = current_language()
        self.picker.blockSignals(True)
        self.picker.clear()
        self.picker.addItems([self._caption(hit, lang) for hit in self._hits])
        self.picker.setCurrentIndex(self._pos if self._hits else -1)
        self.picker.blockSignals(False)
        self.picker.setEnabled(len(self._hits) > 1)

    def _on_picked(self, index: int) -> None:
        if 0 <= index < len(self._hits) and index != self._pos:
            self.go_to(index)

    # --- drawing ---------------------------------------------------------------------------
    def _render(self) -> None:
        hit = self.current()
        layer = self._project.layer(hit[0]) if hit else None
        self._watch(layer)
        if hit is None or layer is None or not 0 <= hit[1] < len(layer.frame):
            self._render_empty()
            return
        lang = current_language()
        feature = layer.frame.iloc[hit[1]]
        pairs = attribute_rows(feature, layer.definition, self._project.catalog, lang)
        if layer.is_spatial:
            pairs += self._measure_rows(feature.get(layer.frame.geometry.name), lang)
        self.title.setText(layer.title_in(lang))
        self.position.setText(self.tr("Feature {0} of {1}").format(self._pos + 1,
                                                                   len(self._hits)))
        self.table.setRowCount(len(pairs))
        for i, (label, value) in enumerate(pairs):
            self.table.setItem(i, 0, QTableWidgetItem(label))
            self.table.setItem(i, 1, QTableWidgetItem(value))
        if self.picker.currentIndex() != self._pos:
            self.picker.blockSignals(True)
            self.picker.setCurrentIndex(self._pos)
            self.picker.blockSignals(False)
        self.previous_button.setEnabled(self._pos > 0)
        self.next_button.setEnabled(self._pos < len(self._hits) - 1)
        self.feature_shown.emit(hit[0], hit[1])

    def _measure_rows(self, geometry: BaseGeometry | None, lang: str) -> list[tuple[str, str]]:
        """Length, area or coordinates in the project CRS (metres), which crews ask for."""
        if geometry is None or geometry.is_empty:
            return []
        kind = geometry.geom_type.removeprefix("Multi")
        if kind == "LineString":
            return [(self.tr("Length"), f"{format_number(geometry.length, 1, lang)} m")]
        if kind == "Polygon":
            return [(self.tr("Area"), f"{format_number(geometry.area, 1, lang)} m²")]
        if geometry.geom_type == "Point":
            x = format_number(geometry.x, 2, lang, group=False)
            y = format_number(geometry.y, 2, lang, group=False)
            return [(self.tr("Coordinates"), f"{x}; {y}")]
        return []

    def _render_empty(self) -> None:
        self.title.setText(self.tr("No feature identified"))
        self.position.setText("")
        self.table.setRowCount(0)
        self.previous_button.setEnabled(False)
        self.next_button.setEnabled(False)

    def _on_selection_changed(self, *_: object) -> None:
        count = self._selection.count() if self._selection is not None else 0
        if count == 0:
            self.selection_label.setText(self.tr("No features selected"))
        else:
            self.selection_label.setText(self.tr("%n feature(s) selected", "", count))

    # --- language --------------------------------------------------------------------------
    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Identify"))
        self.copy_action.setText(self.tr("Copy"))
        self.previous_button.setText(self.tr("Previous"))
        self.next_button.setText(self.tr("Next"))
        self.table.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Value")])
        self._on_selection_changed()
        self._fill_picker()
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)
