"""Help ▸ About GIS Desk: the version, GIS Desk's licence and every bundled component's licence.

The LGPL under which Qt is shipped asks that users be told Qt is used, under which licence, and
how to replace it; the MIT/BSD licences of GDAL, PROJ, Leaflet and the Python packages ask that
their notices travel with the program. So the dialog lists every component with the version
actually loaded (from :mod:`gisdesk.licenses`, read at run time) and shows its full licence
text from ``resources/licenses/`` when the row is picked.
"""

from __future__ import annotations

import platform

from PySide6.QtCore import QEvent, QLibraryInfo, Qt, qVersion
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gisdesk import __version__, licenses
from gisdesk.ui.app_icon import app_icon

_COLUMNS = 4


def qt_library_folder() -> str:
    """Where the Qt libraries were loaded from: the folder a user replaces them in."""
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.LibrariesPath)


class AboutDialog(QDialog):
    """The About box; :attr:`table` lists the components, :attr:`licence_view` shows a text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AboutDialog")
        self.components = licenses.COMPONENTS
        self.icon_label = QLabel()
        icon = app_icon()
        if not icon.isNull():
            self.icon_label.setPixmap(icon.pixmap(64, 64))
        self.title_label = QLabel()
        self.title_label.setTextFormat(Qt.TextFormat.RichText)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)
        self.summary_label.setOpenExternalLinks(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        header = QHBoxLayout()
        header.addWidget(self.icon_label, 0, Qt.AlignmentFlag.AlignTop)
        text = QVBoxLayout()
        text.addWidget(self.title_label)
        text.addWidget(self.summary_label)
        header.addLayout(text, 1)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._components_tab(), "")
        self.notes_label = QLabel()
        self.notes_label.setWordWrap(True)
        self.notes_label.setTextFormat(Qt.TextFormat.RichText)
        self.notes_label.setOpenExternalLinks(True)
        self.notes_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.notes_label.setContentsMargins(10, 6, 10, 6)
        self.notes_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.tabs.addTab(self.notes_label, "")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(820, 640)
        self.retranslateUi()
        self.table.selectRow(0)

    def _components_tab(self) -> QWidget:
        self.table = QTableWidget(len(self.components), _COLUMNS)
        self.table.setObjectName("components")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        for row, item in enumerate(self.components):
            values = (item.name, item.version() or "—", item.licence_in_use())
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
            self.table.setItem(row, 3, QTableWidgetItem())
        self.table.currentCellChanged.connect(lambda row, *_: self.show_licence(row))
        self.licence_view = QPlainTextEdit()
        self.licence_view.setObjectName("licence_text")
        self.licence_view.setReadOnly(True)
        self.licence_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.licence_view)
        splitter.setSizes([260, 240])
        return splitter

    def show_licence(self, row: int) -> None:
        """Show the full licence text of component ``row``."""
        if 0 <= row < len(self.components):
            self.licence_view.setPlainText(self.components[row].licence_text())

    def retranslateUi(self) -> None:
        """Every text in the current language (licence texts themselves stay as written)."""
        self.setWindowTitle(self.tr("About GIS Desk"))
        self.title_label.setText(
            "<h2>" + self.tr("GIS Desk {version}").format(version=__version__) + "</h2>")
        own = licenses.component("GIS Desk").licence_in_use()
        self.summary_label.setText("<p>" + "</p><p>".join([
            self.tr("Offline-first desktop GIS for city asset management."),
            self.tr("GIS Desk is free software under the GNU General Public License, version 3 "
                    "or later ({licence}). It comes with ABSOLUTELY NO WARRANTY.").format(
                        licence=own),
            self.tr("Qt {qt} · Python {python}").format(qt=qVersion(),
                                                        python=platform.python_version()),
        ]) + "</p>")
        self.tabs.setTabText(0, self.tr("Components and licences"))
        self.tabs.setTabText(1, self.tr("Qt and map data"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Component"), self.tr("Version"), self.tr("Licence"), self.tr("Used for")])
        for row, item in enumerate(self.components):
            self.table.item(row, 3).setText(item.translated_purpose())
        self.notes_label.setText(self._notes_html())

    def _notes_html(self) -> str:
        """The Qt (LGPL) replacement note and the OpenStreetMap attribution, as rich text."""
        qt = self.tr(
            "GIS Desk uses the Qt libraries through PySide6 under the GNU Lesser General Public "
            "License version 3 (LGPLv3). GIS Desk does not modify Qt and loads it as separate "
            "shared libraries, so you may replace them with your own build of the same Qt "
            "version. In this installation they are loaded from:"
        )
        howto = self.tr(
            "Replace the Qt and PySide6 files in that folder (or install your PySide6 build into "
            "the same Python environment). The source code of Qt is at "
            "<a href=\"https://download.qt.io/\">download.qt.io</a>; the full licence text and the "
            "details are under Qt / PySide6 in the Components and licences tab."
        )
        osm = self.tr(
            "Map data: the sample city is made up and GIS Desk ships no OpenStreetMap data. Web "
            "maps exported with the optional online OpenStreetMap background, and maps made from "
            "OpenStreetMap data, must credit: {attribution}."
        ).format(attribution=f"<b>{licenses.OSM_ATTRIBUTION}</b>")
        return (f"<h3>Qt / PySide6</h3><p>{qt}</p><p><tt>{qt_library_folder()}</tt></p>"
                f"<p>{howto}</p><h3>OpenStreetMap</h3><p>{osm}</p>")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)


def show_about(parent: QWidget | None = None) -> AboutDialog:
    """Open the About box (non-blocking) and return it."""
    dialog = AboutDialog(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
