"""Layer ▸ Properties: what a layer is, read-only (also opened by double-clicking the layer).

Everything shown comes from the model as it is now: the source file and layer, the geometry
types and feature count of the data, its CRS, extent, fields (with the type and label the
definition gives them), the ``layer.yaml`` that matched and the scale range it sets. Nothing
here edits the layer; styling and CRS have their own commands.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gisdesk.core.crs import describe_crs
from gisdesk.core.project import Project
from gisdesk.ui.i18n import current_language

if TYPE_CHECKING:
    from gisdesk.ui.main_window import MainWindow


class LayerPropertiesDialog(QDialog):
    """Read-only facts about one layer; ``values`` holds each shown row's text (for tests)."""

    def __init__(self, project: Project, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LayerPropertiesDialog")
        self.project = project
        layer = project.layer(name)
        if layer is None:
            raise ValueError(f"no layer {name!r}")
        self.layer = layer
        self.values: dict[str, str] = {}
        self.form = QFormLayout()
        self.fields_table = QTableWidget(0, 3)
        self.fields_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.fields_table.verticalHeader().setVisible(False)
        self.fields_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.fields_table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(self.form)
        self.fields_label = QLabel()
        box.addWidget(self.fields_label)
        box.addWidget(self.fields_table)
        box.addWidget(buttons)
        self.setWindowTitle(self.tr("Layer Properties — {layer}").format(
            layer=layer.title_in(current_language())))
        self.fields_label.setText(self.tr("Fields"))
        self._fill()
        self.resize(560, 520)

    # --- content ------------------------------------------------------------------------------
    def _row(self, key: str, label: str, text: str) -> None:
        value = QLabel(text)
        value.setObjectName(key)
        value.setWordWrap(True)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form.addRow(label, value)
        self.values[key] = text

    def _fill(self) -> None:
        layer, definition = self.layer, self.layer.definition
        none = self.tr("(none)")
        if definition is not None:
            self._row("title_en", self.tr("Title (English)"), definition.title.en)
            self._row("title_id", self.tr("Title (Indonesian)"), definition.title.id)
        else:
            self._row("title_en", self.tr("Title"), layer.name)
        if layer.source is not None:
            self._row("source", self.tr("Source file"), str(layer.source.path))
            self._row("source_layer", self.tr("Layer in the file"), layer.source.layer or none)
        else:
            self._row("source", self.tr("Source file"),
                      self.tr("none — the layer exists only in memory"))
        self._row("geometry", self.tr("Geometry type"), self._geometry_text())
        self._row("count", self.tr("Features"), QLocale().toString(len(layer.frame)))
        self._row("crs", self.tr("CRS"), self._crs_text())
        self._row("extent", self.tr("Extent"), self._extent_text())
        if definition is not None:
            path = self.project.catalog.files.get(definition.name)
            self._row("definition", self.tr("Layer definition"),
                      str(path) if path is not None else definition.name)
            self._row("scale_range", self.tr("Visible at scales"), self._scale_text())
        else:
            self._row("definition", self.tr("Layer definition"), self.tr(
                "no definition — shown with default style, not editable"))
        if layer.problems:
            self._row("problems", self.tr("Problems"), "\n".join(layer.problems))
        self._fill_fields()

    def _geometry_text(self) -> str:
        layer, definition = self.layer, self.layer.definition
        frame = layer.frame
        types = []
        if layer.is_spatial and len(frame):
            types = sorted(str(t) for t in frame.geom_type.dropna().unique())
        data = ", ".join(types) if types else self.tr("no geometries")
        if definition is not None:
            return self.tr("{data} (definition: {declared})").format(
                data=data, declared=definition.geometry)
        return data

    def _crs_text(self) -> str:
        source = self.layer.source_crs
        if not source:
            return self.tr("none — the file does not say; use Set CRS… in the layer's menu")
        try:
            info = describe_crs(source)
            text = f"{info.code} — {info.name}" if info.code.startswith("EPSG:") else info.name
        except ValueError:
            text = source
        return self.tr("{crs} (shown on the map in {project})").format(
            crs=text, project=self.project.crs)

    def _extent_text(self) -> str:
        extent = self.layer.extent()
        if extent is None:
            return self.tr("(empty)")
        locale = QLocale()
        minx, miny, maxx, maxy = (locale.toString(v, "f", 2) for v in extent)
        crs = self.project.crs if self.layer.frame.crs is not None else self.tr(
            "file coordinates")
        return self.tr("x {minx} … {maxx}, y {miny} … {maxy} ({crs})").format(
            minx=minx, maxx=maxx, miny=miny, maxy=maxy, crs=crs)

    def _scale_text(self) -> str:
        """The definition's scale range in words (denominators: bigger = zoomed further out)."""
        scale = self.layer.definition.scale_range
        locale = QLocale()
        low = f"1:{locale.toString(round(scale.min_scale))}" if scale.min_scale else None
        high = f"1:{locale.toString(round(scale.max_scale))}" if scale.max_scale else None
        if low and high:
            return self.tr("between {max} and {min}").format(max=high, min=low)
        if high:
            return self.tr("zoomed in to {max} or closer").format(max=high)
        if low:
            return self.tr("zoomed out to {min} or further").format(min=low)
        return self.tr("all scales")

    def _fill_fields(self) -> None:
        layer, definition = self.layer, self.layer.definition
        frame = layer.frame
        geometry = frame.geometry.name if layer.is_spatial else None
        names = [str(c) for c in frame.columns if c != geometry]
        if definition is not None:  # declared fields first, in definition order
            names = definition.field_names + [n for n in names if definition.field(n) is None]
        self.fields_table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Type"), self.tr("Label")])
        self.fields_table.setRowCount(len(names))
        lang = current_language()
        for row, name in enumerate(names):
            fdef = definition.field(name) if definition is not None else None
            if fdef is not None:
                kind = fdef.type if name in frame.columns else self.tr(
                    "{type} (missing in the data)").format(type=fdef.type)
                label = fdef.label.get(lang)
            else:
                kind, label = str(frame[name].dtype), ""
            for col, text in enumerate((name, kind, label)):
                self.fields_table.setItem(row, col, QTableWidgetItem(text))


def show_layer_properties(window: MainWindow, name: str) -> LayerPropertiesDialog | None:
    """Open the (non-modal) properties of layer ``name``; returns it, for tests."""
    if window.project.layer(name) is None:
        return None
    dialog = LayerPropertiesDialog(window.project, name, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog

