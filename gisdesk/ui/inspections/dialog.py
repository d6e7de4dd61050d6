"""Record an inspection of one asset: date, inspector, condition, defects, notes, photos, next due.

The dialog only gathers values; the core :class:`~gisdesk.core.inspections.AddInspection`
validates them, appends the record and brings the asset's condition up to date, in one undoable
step. Defaults follow the field crews' routine: today, the signed-in user, and the next visit
after the layer's inspection interval.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QEvent, QSize, Qt
from PySide6.QtGui import QIcon, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gisdesk.core import edits_frame as rows
from gisdesk.core.inspections import AddInspection
from gisdesk.core.layer import MapLayer
from gisdesk.core.project import Project
from gisdesk.core.validation import FieldValueError, describe_feature
from gisdesk.ui.i18n import current_language, date_edit_format
from gisdesk.ui.table.model import Editor, session_of

THUMB = 96


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def thumbnail(path: Path, size: int = THUMB) -> QPixmap:
    """A small preview of an image file, decoded at thumbnail size (big photos stay cheap)."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    full = reader.size()
    if full.isValid():
        reader.setScaledSize(full.scaled(QSize(size, size), Qt.AspectRatioMode.KeepAspectRatio))
    return QPixmap.fromImage(reader.read())


class InspectionDialog(QDialog):
    """Form of a new inspection of ``asset_uuid`` in ``asset_layer``."""

    def __init__(self, project: Project, asset_layer: MapLayer, asset_uuid: str,
                 editor: Editor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project, self.asset_layer, self.asset_uuid = project, asset_layer, asset_uuid
        self.editor = editor
        self.lang = current_language()
        self.command: AddInspection | None = None
        self.photo_files: list[str] = []
        template = asset_layer.definition.inspection if asset_layer.definition else None
        self.interval = template.interval_months if template else 12
        defects = project.catalog.domains.get(template.defects_domain if template else "defect")
        self.condition_domain = project.catalog.domains.get("condition")
        self._build(defects)
        self._connect()
        self.retranslateUi()

    def _build(self, defects: Any) -> None:
        self.date = QDateEdit(_qdate(dt.date.today()))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat(date_edit_format())
        self.inspector = QLineEdit(session_of(self.editor).profile.name)
        self.condition = QComboBox()
        for value in self.condition_domain.values if self.condition_domain else []:
            self.condition.addItem(f"{value.code} — {value.label.get(self.lang)}", value.code)
        self.condition_text = QLabel()
        self.condition_text.setWordWrap(True)
        self.defects = QListWidget()
        for value in defects.values if defects else []:
            item = QListWidgetItem(value.label.get(self.lang))
            item.setData(Qt.ItemDataRole.UserRole, value.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.defects.addItem(item)
        self.notes = QPlainTextEdit()
        self.photos = QListWidget()
        self.photos.setViewMode(QListWidget.ViewMode.IconMode)
        self.photos.setIconSize(QSize(THUMB, THUMB))
        self.photos.setFixedHeight(THUMB + 36)
        self.add_photos = QPushButton()
        self.next_due = QDateEdit()
        self.next_due.setCalendarPopup(True)
        self.next_due.setDisplayFormat(date_edit_format())
        self._update_next_due()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.form = QFormLayout()
        for key, widget in (("date", self.date), ("inspector", self.inspector),
                            ("condition", self.condition), ("", self.condition_text),
                            ("defects", self.defects), ("notes", self.notes),
                            ("photos", self._photo_row()), ("next_due", self.next_due)):
            self.form.addRow(QLabel(key) if key else QLabel(), widget)
        layout = QVBoxLayout(self)
        self.heading = QLabel()
        layout.addWidget(self.heading)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._show_description()

    def _photo_row(self) -> QWidget:
        row = QWidget()
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.photos, 1)
        box.addWidget(self.add_photos)
        return row

    def _connect(self) -> None:
        self.condition.currentIndexChanged.connect(self._show_description)
        self.date.dateChanged.connect(self._update_next_due)
        self.add_photos.clicked.connect(self.choose_photos)
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)

    def retranslateUi(self) -> None:
        row = rows.get_row(self.asset_layer, self.asset_uuid) or {}
        who = describe_feature(self.asset_layer.definition, row) if (
            self.asset_layer.definition) else self.asset_uuid
        self.setWindowTitle(self.tr("Inspect — {asset}").format(asset=who))
        self.heading.setText(self.tr("{layer}: {asset}").format(
            layer=self.asset_layer.title_in(self.lang), asset=who))
        labels = [self.tr("Date"), self.tr("Inspector"), self.tr("Condition"), "",
                  self.tr("Defects"), self.tr("Notes"), self.tr("Photos"),
                  self.tr("Next inspection due")]
        for i, text in enumerate(labels):
            label = self.form.itemAt(i, QFormLayout.ItemRole.LabelRole).widget()
            label.setText(text)  # type: ignore[union-attr]
        self.add_photos.setText(self.tr("Add photos…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def _show_description(self, *_args: object) -> None:
        code = self.condition.currentData()
        text = ""
        for value in self.condition_domain.values if self.condition_domain else []:
            if value.code == code and value.description is not None:
                text = value.description.get(self.lang)
        self.condition_text.setText(text)

    def _update_next_due(self, *_args: object) -> None:
        self.next_due.setDate(self.date.date().addMonths(self.interval))  # clamps Jan 31 + 1

    def choose_photos(self) -> None:
        """Pick image files to attach (they are copied into the GeoPackage when saved)."""
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Attach photos"), "",
            self.tr("Images (*.jpg *.jpeg *.png *.webp *.tif *.tiff *.heic)"))
        for name in files:
            self.attach_photo(Path(name))

    def attach_photo(self, path: Path) -> None:
        """Add one photo and its thumbnail."""
        if str(path) in self.photo_files:
            return
        self.photo_files.append(str(path))
        item = QListWidgetItem(QIcon(thumbnail(path)), path.name)
        item.setToolTip(str(path))
        self.photos.addItem(item)

    def checked_defects(self) -> list[Any]:
        """Codes of the ticked defect types."""
        return [self.defects.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.defects.count())
                if self.defects.item(i).checkState() == Qt.CheckState.Checked]

    def values(self) -> dict[str, Any]:
        """The inspection's fields as the core command takes them."""
        return {
            "inspected_on": self.date.date().toString("yyyy-MM-dd"),
            "inspector": self.inspector.text().strip(),
            "condition": self.condition.currentData(),
            "defects": self.checked_defects() or None,
            "notes": self.notes.toPlainText().strip() or None,
            "next_due": self.next_due.date().toString("yyyy-MM-dd"),
        }

    def apply(self) -> bool:
        """Create the AddInspection; show the core's message and stay open when refused."""
        command = AddInspection(asset_layer=self.asset_layer.name, asset_uuid=self.asset_uuid,
                                values=self.values(), photo_files=list(self.photo_files))
        try:
            self.editor.apply(command)
        except (FieldValueError, PermissionError, KeyError) as exc:
            self.message.setText(str(exc).strip("'\""))
            return False
        self.command = command
        self.accept()
        return True
