"""Layer ▸ Set CRS: say which CRS a layer's coordinates are in, as QGIS's "Set Layer CRS".

For files that carried no CRS (a shapefile without ``.prj``) or a wrong one. The user types a
code or picks one of the CRSs Gorontalo data usually comes in; pyproj checks it and its name is
shown before anything changes. Accepting calls :meth:`Project.set_layer_crs`, which declares the
CRS (the coordinates are not transformed) and reprojects the layer onto the map.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from gisdesk.core.crs import CrsInfo, describe_crs, known_crs
from gisdesk.core.project import Project
from gisdesk.ui.i18n import current_language

if TYPE_CHECKING:
    from gisdesk.ui.main_window import MainWindow

ERROR_STYLE = "color: #b00020"


class SetCrsDialog(QDialog):
    """Choose the CRS of layer ``name``; on OK the project declares it (errors keep it open)."""

    def __init__(self, project: Project, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SetCrsDialog")
        self.project, self.layer_name = project, name
        layer = project.layer(name)
        title = layer.title_in(current_language()) if layer is not None else name
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.current = QLabel()
        self.current.setWordWrap(True)
        self.suggestions = QListWidget()
        for info in known_crs():
            item = QListWidgetItem(f"{info.code} — {info.name}")
            item.setData(Qt.ItemDataRole.UserRole, info.code)
            self.suggestions.addItem(item)
        self.suggestions.currentItemChanged.connect(self._on_pick)
        self.suggestions.itemDoubleClicked.connect(lambda _item: self.accept())
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText("EPSG:32651")
        self.code_edit.textChanged.connect(self._validate)
        self.name_label = QLabel()
        self.name_label.setWordWrap(True)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.code_label = QLabel()
        self.code_label.setBuddy(self.code_edit)
        self.list_label = QLabel()
        box = QVBoxLayout(self)
        for widget in (self.intro, self.current, self.list_label, self.suggestions,
                       self.code_label, self.code_edit, self.name_label, self.buttons):
            box.addWidget(widget)
        self.chosen: CrsInfo | None = None
        self.setWindowTitle(self.tr("Set CRS of {layer}").format(layer=title))
        self.intro.setText(self.tr(
            "Say which coordinate reference system the coordinates of '{layer}' are in. They "
            "are not changed: the layer is then shown in the right place on the map.").format(
                layer=title))
        self.current.setText(self._current_text())
        self.list_label.setText(self.tr("Common for Gorontalo:"))
        self.code_label.setText(self.tr("&EPSG code or CRS:"))
        source = layer.source_crs if layer is not None else None
        self.code_edit.setText(source if source and source.startswith("EPSG:") else "")
        self._validate()

    def _current_text(self) -> str:
        layer = self.project.layer(self.layer_name)
        if layer is None or not layer.source_crs:
            return self.tr("Current CRS: none (the file does not say)")
        try:
            info = describe_crs(layer.source_crs)
        except ValueError:
            return self.tr("Current CRS: {crs}").format(crs=layer.source_crs)
        return self.tr("Current CRS: {crs}").format(crs=f"{info.code} — {info.name}")

    def _on_pick(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if item is not None:
            self.code_edit.setText(str(item.data(Qt.ItemDataRole.UserRole)))

    def _validate(self) -> None:
        """Name the typed CRS, or say why it is not one; OK only for a known CRS."""
        text = self.code_edit.text().strip()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.chosen = None
        if not text:
            self.name_label.setStyleSheet("")
            self.name_label.setText(self.tr("Type a code such as EPSG:4326, or pick one above."))
            ok.setEnabled(False)
            return
        try:
            self.chosen = describe_crs(text)
        except ValueError:
            self.name_label.setStyleSheet(ERROR_STYLE)
            self.name_label.setText(self.tr(
                "'{text}' is not a CRS GIS Desk knows. Use an EPSG code such as EPSG:32651 "
                "(WGS 84 / UTM zone 51N) or EPSG:4326 (longitude/latitude).").format(text=text))
            ok.setEnabled(False)
            return
        self.name_label.setStyleSheet("")
        self.name_label.setText(f"{self.chosen.code} — {self.chosen.name}")
        ok.setEnabled(True)

    def accept(self) -> None:
        """Declare the CRS; a refusal (coordinates that cannot be in it) stays in the dialog."""
        if self.chosen is None:
            return
        try:
            self.project.set_layer_crs(self.layer_name, self.chosen.code)
        except ValueError as exc:
            self.name_label.setStyleSheet(ERROR_STYLE)
            self.name_label.setText(str(exc))
            return
        super().accept()


def show_set_crs(window: MainWindow, name: str) -> SetCrsDialog | None:
    """Open the Set CRS dialog for layer ``name`` (window-modal; returns it, for tests).

    Refused with a message while the edit session holds edits of the layer: their geometries
    are in the present coordinates and undoing one after the CRS changed would misplace it.
    """
    session = window.editing.controller.session if window.editing is not None else None
    if session is not None and session.touches_layer(name):
        QMessageBox.information(
            window, QCoreApplication.translate("SetCrsDialog", "Set CRS"),
            QCoreApplication.translate(
                "SetCrsDialog", "Layer '{layer}' has edits in this session (see the undo "
                "history). Save them and restart GIS Desk before changing the layer's CRS.",
            ).format(layer=name))
        return None
    dialog = SetCrsDialog(window.project, name, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(lambda: _after_set(window, name, dialog.chosen))
    dialog.open()
    return dialog


def _after_set(window: MainWindow, name: str, info: CrsInfo | None) -> None:
    """Bring the layer into view if it moved out of it, and say what happened."""
    layer = window.project.layer(name)
    extent = layer.extent() if layer is not None else None
    if extent is not None:
        minx, miny, maxx, maxy = window.canvas.viewport.extent
        if extent[2] < minx or extent[0] > maxx or extent[3] < miny or extent[1] > maxy:
            window.canvas.zoom_to_layer(name)
    if info is not None:
        text = QCoreApplication.translate("SetCrsDialog", "CRS of {layer} set to {crs}")
        window.status.showMessage(text.format(layer=name, crs=f"{info.code} — {info.name}"), 6000)
