"""A combo box of the project's layers, and helpers to find layers by their definition."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from gisdesk.core.layer import MapLayer
from gisdesk.core.project import Project


class LayerCombo(QComboBox):
    """Names of the project's spatial layers; ``layer()`` gives the chosen one."""

    def __init__(self, project: Project, preferred: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        for layer in project.layers:
            if layer.is_spatial:
                self.addItem(layer.name)
        if preferred:
            found = find_layer(project, preferred)
            if found is not None:
                self.setCurrentText(found.name)

    def layer(self) -> MapLayer | None:
        """The chosen layer (None when the project has none)."""
        return self.project.layer(self.currentText())


def find_layer(project: Project, kind: str) -> MapLayer | None:
    """The first layer whose name or definition is ``kind`` (e.g. ``water_mains``)."""
    for layer in project.layers:
        names = {layer.name.lower()}
        if layer.definition is not None:
            names.add(layer.definition.name)
        if kind.lower() in names:
            return layer
    return None
