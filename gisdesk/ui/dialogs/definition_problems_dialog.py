"""Help ▸ Layer Definition Problems: every ``layer.yaml`` / ``domains.yaml`` that failed to load.

A broken definition never stops the app: the catalog keeps the others and the layer it described
opens without its style, form and rules. Whoever edits the YAML needs to know which file, which
entry and what is wrong, so at start-up each problem is logged, the status bar gets a button
naming how many there are, and this non-modal dialog lists them (file, where, problem).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gisdesk.core.definitions import Catalog

if TYPE_CHECKING:
    from gisdesk.ui.main_window import MainWindow

log = logging.getLogger("gisdesk.definitions")


class DefinitionProblemsDialog(QDialog):
    """A table of the catalog's errors: file, where in it, and what is wrong."""

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DefinitionProblemsDialog")
        self.setModal(False)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = QTableWidget(len(catalog.errors), 3)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        for row, error in enumerate(catalog.errors):
            for col, text in enumerate((str(error.path), error.location, error.message)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, col, item)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(self.intro)
        box.addWidget(self.table)
        box.addWidget(buttons)
        self.setWindowTitle(self.tr("Layer definition problems"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("File"), self.tr("Where"), self.tr("Problem")])
        if catalog.errors:
            self.intro.setText(self.tr(
                "These layer definitions could not be loaded. The other layers work; layers "
                "these files describe open without their style, form and rules. Correct the "
                "files and restart GIS Desk."))
        else:
            self.intro.setText(self.tr("All layer definitions loaded without problems."))
        self.table.resizeRowsToContents()
        self.resize(820, 360)


def show_definition_problems(window: MainWindow) -> DefinitionProblemsDialog:
    """Show (or raise) the window's one problems dialog."""
    dialog = window.findChild(DefinitionProblemsDialog)
    if dialog is None:
        dialog = DefinitionProblemsDialog(window.project.catalog, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


def announce_definition_problems(window: MainWindow) -> DefinitionProblemsButton | None:
    """At start-up: log each broken definition and put a status-bar button that lists them.

    Returns the button (None when every definition loaded).
    """
    errors = window.project.catalog.errors
    for error in errors:
        log.warning("layer definition problem: %s", error)
    if not errors:
        return None
    button = DefinitionProblemsButton(len(errors))
    button.clicked.connect(lambda: show_definition_problems(window))
    window.status.addPermanentWidget(button)
    return button


class DefinitionProblemsButton(QToolButton):
    """The status-bar notice "⚠ 2 layer definition problems" (click: the list)."""

    def __init__(self, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DefinitionProblemsButton")
        self.setAutoRaise(True)
        self.count = count
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.setText("⚠ " + self.tr("%n layer definition problem(s)", "", self.count))
        self.setToolTip(self.tr("Show which definition files are broken and why"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)
