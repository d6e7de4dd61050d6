"""The status bar under the map: editable scale, cursor coordinates, selection, job progress."""

from __future__ import annotations

import re
from functools import lru_cache

from pyproj import Transformer
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QProgressBar, QStatusBar, QToolButton, QWidget

from gisdesk.ui.i18n import format_number
from gisdesk.ui.jobs import Job

_SEPARATORS = re.compile(r"[\s.,'\u00a0\u202f]")


def parse_scale(text: str) -> float | None:
    """Scale denominator from what a user types: '1:5000', '5000', '1:5.000', '1 : 5 000'.

    Thousands separators of either language ('.' in Indonesian, ',' in English) and spaces
    are ignored; anything else (or zero) gives None so the box can reset.
    """
    body = text.strip()
    if ":" in body:
        head, _, body = body.partition(":")
        if head.strip() not in ("", "1"):
            return None
    digits = _SEPARATORS.sub("", body)
    if not digits.isdigit() or int(digits) <= 0:
        return None
    return float(int(digits))


def format_scale(denominator: float) -> str:
    """'1:12 345' with a thin space as thousands separator (readable in both languages)."""
    return "1:" + f"{round(denominator):,}".replace(",", "\u202f")


@lru_cache(maxsize=8)
def _to_lonlat(crs: str) -> Transformer:
    # Building a Transformer costs milliseconds; the mouse moves hundreds of times a second.
    return Transformer.from_crs(crs, "EPSG:4326", always_xy=True)


def lonlat(crs: str, x: float, y: float) -> tuple[float, float]:
    """(longitude, latitude) of project coordinates (x, y)."""
    return _to_lonlat(crs).transform(x, y)


def format_lonlat(lon: float, lat: float, lang: str | None = None) -> str:
    """'0.54321°N 123.06543°E', '0,54321°LU 123,06543°BT' in Indonesian (five decimals ≈ 1 m).

    The hemisphere letters and the decimal comma follow the UI language (Indonesian maps write
    LU/LS for north/south latitude and BT/BB for east/west longitude).
    """
    ns = (QCoreApplication.translate("MapStatusBar", "N", "north latitude") if lat >= 0
          else QCoreApplication.translate("MapStatusBar", "S", "south latitude"))
    ew = (QCoreApplication.translate("MapStatusBar", "E", "east longitude") if lon >= 0
          else QCoreApplication.translate("MapStatusBar", "W", "west longitude"))
    lat_text = format_number(abs(lat), 5, lang, group=False)
    lon_text = format_number(abs(lon), 5, lang, group=False)
    return f"{lat_text}°{ns} {lon_text}°{ew}"


class MapStatusBar(QStatusBar):
    """Scale box (type a scale and press Enter), coordinates, selection count, job progress."""

    scale_entered = Signal(float)

    def __init__(self, crs: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.crs = crs
        self.coords = QLabel()
        self.coords.setMinimumWidth(330)
        self.selection_label = QLabel()
        self.scale_edit = QLineEdit()
        self.scale_edit.setFixedWidth(110)
        self.scale_edit.returnPressed.connect(self._on_scale_entered)
        self.scale_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setFixedWidth(160)
        self.cancel_button = QToolButton()
        self.cancel_button.clicked.connect(self._cancel_job)
        for widget in (self.progress, self.cancel_button):
            widget.hide()
            self.addWidget(widget)
        for widget in (self.selection_label, self.coords, self.scale_label, self.scale_edit):
            self.addPermanentWidget(widget)
        self._job: Job | None = None
        self._denominator = 0.0
        self._selected = 0
        self.retranslateUi()

    # --- map state ----------------------------------------------------------------------------
    def show_scale(self, denominator: float) -> None:
        """Show the current scale (unless the user is typing in the box)."""
        self._denominator = denominator
        if not self.scale_edit.hasFocus() or not self.scale_edit.isModified():
            self.scale_edit.setText(format_scale(denominator))
            self.scale_edit.setModified(False)

    def show_coordinates(self, x: float, y: float) -> None:
        """Show project coordinates and latitude/longitude of the cursor."""
        lon, lat = lonlat(self.crs, x, y)
        locale = QLocale()  # the UI language's number format (506.720,8 in Indonesian)
        self.coords.setText(
            f"{locale.toString(x, 'f', 1)}  {locale.toString(y, 'f', 1)}   "
            f"{format_lonlat(lon, lat)}"
        )

    def show_selection_count(self, count: int) -> None:
        """Show how many features are selected (hidden when none)."""
        self._selected = count
        self.selection_label.setText(self.tr("%n selected", "", count) if count else "")

    def _on_scale_entered(self) -> None:
        denominator = parse_scale(self.scale_edit.text())
        self.scale_edit.setModified(False)
        if denominator is None:
            self.showMessage(self.tr("Type a scale like 1:5000 or 5000"), 4000)
            self.show_scale(self._denominator)
            return
        self.scale_entered.emit(denominator)

    # --- jobs ---------------------------------------------------------------------------------
    def track_job(self, job: Job) -> None:
        """Show ``job``'s progress with a cancel button until it ends."""
        self._job = job
        self.progress.setRange(0, 0)  # busy until the first progress report
        self.progress.setFormat(job.title)
        self.progress.setToolTip(job.title)
        self.progress.show()
        self.cancel_button.show()
        job.progressed.connect(self._on_progress)
        job.ended.connect(self._on_job_ended)

    def _on_progress(self, done: int, total: int, _message: str) -> None:
        if self.sender() is self._job:
            self.progress.setRange(0, max(total, 0))
            self.progress.setValue(done)

    def _on_job_ended(self) -> None:
        if self.sender() is self._job:
            self._job = None
            self.progress.hide()
            self.cancel_button.hide()

    def _cancel_job(self) -> None:
        if self._job is not None:
            self._job.cancel()
            self.showMessage(self.tr("Cancelling…"), 3000)

    # --- language -----------------------------------------------------------------------------
    def retranslateUi(self) -> None:
        self.scale_label.setText(self.tr("Scale"))
        self.scale_edit.setToolTip(self.tr("Type a scale (1:5000 or 5000) and press Enter"))
        self.coords.setToolTip(self.tr("Cursor position (project CRS, then latitude/longitude)"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Cancel the running task"))
        self.show_selection_count(self._selected)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)
