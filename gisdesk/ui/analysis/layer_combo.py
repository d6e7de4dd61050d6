"""A combo box of the project's layers, and helpers to find layers by their definition."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from gisdesk.core.layer import MapLayer
from gisdesk.core.project import Project
from gisdesk.ui.i18n import current_language


class LayerCombo(QComboBox):
    """The project's spatial layers by title (in the UI language); ``layer()`` gives the chosen.

    Items show what the Layers panel shows ("Pipa air minum") and carry the layer name as data,
    so saved queries and look-ups keep the stable name whatever the language.
    """

    def __init__(self, project: Project, preferred: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        lang = current_language()
        for layer in project.layers:
            if layer.is_spatial:
                self.addItem(layer.title_in(lang), layer.name)
        if preferred:
            found = find_layer(project, preferred)
            if found is not None:
                self.setCurrentIndex(max(0, self.findData(found.name)))

    def layer_name(self) -> str:
        """Name of the chosen layer ("" when the project has none)."""
        return str(self.currentData() or "")

    def layer(self) -> MapLayer | None:
        """The chosen layer (None when the project has none)."""
        return self.project.layer(self.layer_name())


def find_layer(project: Project, kind: str) -> MapLayer | None:
    """The first layer whose name or definition is ``kind`` (e.g. ``water_mains``)."""
    for layer in project.layers:
        names = {layer.name.lower()}
        if layer.definition is not None:
            names.add(layer.definition.name)
        if kind.lower() in names:
            return layer
    return None
