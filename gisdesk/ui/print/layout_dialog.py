"""File ▸ Print layout…: choose paper, scale and texts, see the page, export PDF/PNG or an atlas.

The preview is the real page painted at screen resolution by the same code that writes the
PDF, so what the planner sees is what the council gets. The last choices are remembered.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gisdesk.core.project import Project
from gisdesk.core.viewport import Viewport
from gisdesk.export.layout_model import (
    LayoutTemplate,
    load_template,
    page_size_mm,
    save_template,
    templates_dir,
)
from gisdesk.ui.print.export import AtlasResult, export_atlas, export_pdf, export_png, page_image
from gisdesk.ui.print.page import PageSpec, page_spec

SETTINGS_KEY = "print/template"
SCALES = ("5000", "7500", "10000", "15000", "25000", "50000")
PREVIEW_WIDTH = 520


class PrintLayoutDialog(QDialog):
    """Layout choices on the left, the page preview on the right."""

    def __init__(self, project: Project, viewport: Viewport | None = None, lang: str = "en",
                 settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.viewport = viewport
        self.lang = lang
        self.settings = settings
        self._preview_timer = QTimer(self, singleShot=True, interval=200)
        self._preview_timer.timeout.connect(self.update_preview)
        self._build()
        self.set_template(self._remembered() or LayoutTemplate())
        self.retranslateUi()

    # --- widgets -----------------------------------------------------------------------------
    def _build(self) -> None:
        self._make_inputs()
        self.btn_pdf = QPushButton(clicked=self.export_pdf_dialog)
        self.btn_png = QPushButton(clicked=self.export_png_dialog)
        self.form = QFormLayout()
        self.form_labels = [QLabel() for _ in range(10)]
        for label, widget in zip(self.form_labels, (
                self.template_box, self.paper, self.orientation, self.extent, self.scale,
                self.title_edit, self.subtitle_edit, self.author_edit, self.opd_edit,
                self.dpi), strict=True):
            self.form.addRow(label, widget)
        self.form.addRow(self.grid)
        self.form.addRow(self.labels)
        self._arrange()
        for widget in (self.paper, self.orientation, self.extent, self.scale):
            widget.currentIndexChanged.connect(self.schedule_preview)
        self.scale.editTextChanged.connect(self.schedule_preview)
        for edit in (self.title_edit, self.subtitle_edit, self.author_edit, self.opd_edit):
            edit.textChanged.connect(self.schedule_preview)
        self.grid.toggled.connect(self.schedule_preview)
        self.labels.toggled.connect(self.schedule_preview)

    def _make_inputs(self) -> None:
        self.template_box = QComboBox()
        for path in sorted(templates_dir().glob("*.json")):
            self.template_box.addItem(path.stem, str(path))
        self.template_box.activated.connect(self._template_chosen)
        self.btn_load = QPushButton(clicked=self.load_template_dialog)
        self.btn_save = QPushButton(clicked=self.save_template_dialog)
        self.paper = QComboBox()
        self.paper.addItems(["A4", "A3", "A2", "A1"])
        self.orientation = QComboBox()
        self.orientation.addItem("", "portrait")
        self.orientation.addItem("", "landscape")
        self.extent = QComboBox()
        self.extent.addItem("", "view")
        self.extent.addItem("", "all")
        if self.viewport is None:
            self.extent.setCurrentIndex(1)
        self.scale = QComboBox(editable=True)
        self.scale.addItem("", None)
        for s in SCALES:
            self.scale.addItem(f"1:{int(s):,}".replace(",", " "), float(s))
        self.title_edit, self.subtitle_edit = QLineEdit(), QLineEdit()
        self.author_edit, self.opd_edit = QLineEdit(), QLineEdit()
        self.grid = QCheckBox()
        self.labels = QCheckBox()
        self.dpi = QComboBox()
        self.dpi.addItem("150 dpi", 150.0)
        self.dpi.addItem("300 dpi", 300.0)

    def _arrange(self) -> None:
        left = QVBoxLayout()
        row = QHBoxLayout()
        row.addWidget(self.btn_load)
        row.addWidget(self.btn_save)
        left.addLayout(row)
        left.addLayout(self.form)
        row = QHBoxLayout()
        row.addWidget(self.btn_pdf)
        row.addWidget(self.btn_png)
        left.addLayout(row)
        left.addWidget(self._atlas_group())
        left.addStretch(1)
        self.preview = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(PREVIEW_WIDTH, PREVIEW_WIDTH * 3 // 4)
        layout = QHBoxLayout(self)
        layout.addLayout(left)
        layout.addWidget(self.preview, 1)

    def _atlas_group(self) -> QGroupBox:
        self.atlas_box = QGroupBox()
        self.atlas_layer = QComboBox()
        self.atlas_field = QComboBox()
        spatial = [lyr for lyr in self.project.layers if lyr.geometry_kind != "none"]
        spatial.sort(key=lambda lyr: (lyr.name != "districts", lyr.geometry_kind != "polygon"))
        for layer in spatial:  # kelurahan first, then other areas, then any layer
            self.atlas_layer.addItem(layer.title_in(self.lang), layer.name)
        self.atlas_layer.currentIndexChanged.connect(self._fill_fields)
        self.btn_atlas = QPushButton(clicked=self.export_atlas_dialog)
        self.atlas_labels = [QLabel(), QLabel()]
        form = QFormLayout(self.atlas_box)
        form.addRow(self.atlas_labels[0], self.atlas_layer)
        form.addRow(self.atlas_labels[1], self.atlas_field)
        form.addRow(self.btn_atlas)
        self._fill_fields()
        return self.atlas_box

    def _fill_fields(self) -> None:
        self.atlas_field.clear()
        layer = self.project.layer(self.atlas_layer.currentData() or "")
        if layer is None:
            return
        columns = [c for c in layer.frame.columns if c != layer.frame.geometry.name]
        self.atlas_field.addItems(columns)
        if "name" in columns:
            self.atlas_field.setCurrentText("name")

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Print Layout"))
        texts = (self.tr("Template"), self.tr("Paper"), self.tr("Orientation"), self.tr("Extent"),
                 self.tr("Scale"),
                 self.tr("Title"), self.tr("Subtitle"), self.tr("Author"), self.tr("OPD"),
                 self.tr("PNG resolution"))
        for label, text in zip(self.form_labels, texts, strict=True):
            label.setText(text)
        self.orientation.setItemText(0, self.tr("Portrait"))
        self.orientation.setItemText(1, self.tr("Landscape"))
        self.extent.setItemText(0, self.tr("Current map view"))
        self.extent.setItemText(1, self.tr("All data"))
        self.scale.setItemText(0, self.tr("Fit to extent"))
        self.grid.setText(self.tr("Coordinate grid"))
        self.labels.setText(self.tr("Map labels"))
        self.btn_load.setText(self.tr("Load template…"))
        self.btn_save.setText(self.tr("Save template…"))
        self.btn_pdf.setText(self.tr("Export PDF…"))
        self.btn_png.setText(self.tr("Export PNG…"))
        self.atlas_box.setTitle(self.tr("Atlas: one page per feature"))
        self.atlas_labels[0].setText(self.tr("Layer"))
        self.atlas_labels[1].setText(self.tr("Name field"))
        self.btn_atlas.setText(self.tr("Export atlas PDF…"))

    # --- template <-> widgets ----------------------------------------------------------------
    def _scale_value(self) -> float | None:
        data = self.scale.currentData()
        text = self.scale.currentText()
        if data is not None and text == self.scale.itemText(self.scale.currentIndex()):
            return float(data)
        digits = "".join(ch for ch in text.split(":")[-1] if ch.isdigit())
        return float(digits) if digits and float(digits) > 0 else None

    def template(self) -> LayoutTemplate:
        """The layout as the widgets describe it now."""
        base = self._base if hasattr(self, "_base") else LayoutTemplate()
        return base.model_copy(update={
            "paper": self.paper.currentText(), "orientation": self.orientation.currentData(),
            "scale": self._scale_value(), "title": self.title_edit.text(),
            "subtitle": self.subtitle_edit.text(), "author": self.author_edit.text(),
            "opd": self.opd_edit.text(), "grid": self.grid.isChecked(),
            "labels": self.labels.isChecked()})

    def set_template(self, template: LayoutTemplate) -> None:
        """Show ``template`` in the widgets (keeps its logo and attribution for export)."""
        self._base = template
        self.paper.setCurrentText(template.paper)
        self.orientation.setCurrentIndex(self.orientation.findData(template.orientation))
        if template.scale is None:
            self.scale.setCurrentIndex(0)
        else:
            index = self.scale.findData(float(template.scale))
            if index >= 0:
                self.scale.setCurrentIndex(index)
            else:
                self.scale.setEditText(f"1:{template.scale:.0f}")
        self.title_edit.setText(template.title)
        self.subtitle_edit.setText(template.subtitle)
        self.author_edit.setText(template.author)
        self.opd_edit.setText(template.opd)
        self.grid.setChecked(template.grid)
        self.labels.setChecked(template.labels)
        self.schedule_preview()

    def _template_chosen(self) -> None:
        self._load(Path(self.template_box.currentData()))

    def _load(self, path: Path) -> None:
        try:
            self.set_template(load_template(path))
        except ValueError as exc:
            QMessageBox.warning(self, self.tr("Print Layout"), str(exc))

    def _remembered(self) -> LayoutTemplate | None:
        text = self.settings.value(SETTINGS_KEY) if self.settings is not None else None
        if not text:
            return None
        try:
            return LayoutTemplate.model_validate_json(str(text))
        except ValueError:
            return None

    def remember(self) -> None:
        """Save the current choices for the next time the dialog opens."""
        if self.settings is not None:
            self.settings.setValue(SETTINGS_KEY, self.template().model_dump_json())

    # --- preview and export --------------------------------------------------------------------
    def spec(self) -> PageSpec:
        """The page to print: the canvas's view or all data, at the chosen or fitting scale."""
        use_view = self.viewport is not None and self.extent.currentData() == "view"
        extent = self.viewport.extent if use_view else self.project.full_extent()
        return page_spec(self.project, self.template(), extent, lang=self.lang)

    def schedule_preview(self, *_args: object) -> None:
        """Redraw the preview shortly (typing a title does not repaint on every key)."""
        self._preview_timer.start()

    def update_preview(self) -> None:
        """Paint the page at screen resolution into the preview label."""
        spec = self.spec()
        width_in = page_size_mm(spec.template)[0] / 25.4
        image = page_image(self.project, spec, max(self.preview.width(), 200) / width_in)
        self.preview.setPixmap(QPixmap.fromImage(image))

    def _save_path(self, caption: str, filter_text: str, suffix: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self, caption, "", filter_text)
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == suffix else path.with_suffix(suffix)

    def export_pdf_to(self, path: Path) -> Path:
        """Write the vector PDF of the current page."""
        self.remember()
        return export_pdf(self.project, self.spec(), path)

    def export_png_to(self, path: Path) -> Path:
        """Write the page as PNG at the chosen resolution."""
        self.remember()
        return export_png(self.project, self.spec(), path, float(self.dpi.currentData()))

    def export_pdf_dialog(self) -> None:
        path = self._save_path(self.tr("Export PDF"), self.tr("PDF (*.pdf)"), ".pdf")
        if path is not None:
            self._guarded(lambda: self.export_pdf_to(path))

    def export_png_dialog(self) -> None:
        path = self._save_path(self.tr("Export PNG"), self.tr("PNG image (*.png)"), ".png")
        if path is not None:
            self._guarded(lambda: self.export_png_to(path))

    def _guarded(self, work) -> None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            work()
        except (OSError, ValueError) as exc:
            QMessageBox.warning(self, self.tr("Print Layout"), str(exc))
        finally:
            QApplication.restoreOverrideCursor()

    def export_atlas_to(self, path: Path, progress: QProgressDialog | None = None) -> AtlasResult:
        """Write the atlas of the chosen layer; ``progress`` shows pages and can cancel."""
        self.remember()

        def step(done: int, total: int) -> None:
            if progress is not None:
                progress.setMaximum(total)
                progress.setValue(done)
                QApplication.processEvents()

        cancel = progress.wasCanceled if progress is not None else None
        return export_atlas(self.project, self.template(), self.atlas_layer.currentData(),
                            self.atlas_field.currentText(), path, lang=self.lang,
                            progress=step, cancel=cancel)

    def export_atlas_dialog(self) -> None:
        if self.atlas_layer.currentData() is None:
            return
        path = self._save_path(self.tr("Export atlas"), self.tr("PDF (*.pdf)"), ".pdf")
        if path is None:
            return
        progress = QProgressDialog(self.tr("Writing atlas pages…"), self.tr("Cancel"), 0, 0, self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        try:
            self.export_atlas_to(path, progress)
        except (OSError, ValueError) as exc:
            QMessageBox.warning(self, self.tr("Print Layout"), str(exc))
        finally:
            progress.close()

    def load_template_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Load template"),
                                              str(templates_dir()), self.tr("Template (*.json)"))
        if name:
            self._load(Path(name))

    def save_template_dialog(self) -> None:
        path = self._save_path(self.tr("Save template"), self.tr("Template (*.json)"), ".json")
        if path is not None:
            save_template(self.template(), path)
