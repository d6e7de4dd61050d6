"""The first-run welcome: what to do first, in which language, and who is editing.

Shown once, on the first start (remembered as ``welcome/shown`` in the user's settings file), and
again from Help ▸ Welcome…. Every choice reuses what the main window already has: the sample city
opens like File ▸ Open Data, "check out from a hub" triggers File ▸ Check out from hub…, and the
profile button runs Settings ▸ User Profile, whose name, OPD and role are what the audit trail
and sync record as the author. Nothing here owns data or settings of its own beyond the
"already shown" flag.

Only :func:`start_up` (called by ``gisdesk.ui.app.run_app``) shows it unasked, so tests that
build a ``MainWindow`` never see it; ``GISDESK_NO_WELCOME=1`` suppresses it for kiosks and
scripted runs.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QCommandLinkButton,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QVBoxLayout,
)

from gisdesk.ui import i18n
from gisdesk.ui.app_icon import app_icon
from gisdesk.ui.settings import AppSettings

WELCOME_SHOWN = "welcome/shown"
NO_WELCOME_ENV = "GISDESK_NO_WELCOME"


def welcome_seen(settings: AppSettings) -> bool:
    """True once the welcome has been shown (or suppressed) for this user."""
    if os.environ.get(NO_WELCOME_ENV):
        return True
    value = settings.qsettings.value(WELCOME_SHOWN, False)
    return str(value).lower() in ("true", "1")


def mark_welcome_seen(settings: AppSettings) -> None:
    """Remember that the welcome was shown, so the next start goes straight to the map."""
    settings.qsettings.setValue(WELCOME_SHOWN, True)
    settings.sync()


def open_sample_city(window: QMainWindow) -> bool:
    """Open the sample city (generating it on a first start); zoom to it if already open."""
    from gisdesk.ui.app import sample_city  # noqa: PLC0415 - the app module imports this one

    path = sample_city(window)
    if path is None:
        return False
    for layer in window.project.layers:
        if layer.source is not None and Path(layer.source.path).resolve() == path.resolve():
            window.canvas.zoom_full()
            return True
    window.open_path(path)
    return True


class WelcomeDialog(QDialog):
    """The welcome page over ``window``; :attr:`chosen` names the action picked, if any."""

    def __init__(self, window: QMainWindow, first_run: bool = False) -> None:
        super().__init__(window)
        self.setObjectName("WelcomeDialog")
        self.window = window
        self.first_run = first_run
        self.chosen: str | None = None
        self._pending: Callable[[], object] | None = None
        icon = QLabel()
        if not app_icon().isNull():
            icon.setPixmap(app_icon().pixmap(72, 72))
        self.heading = QLabel()
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.language_label = QLabel()
        self.language_combo = QComboBox()
        for code, name in i18n.available_languages().items():
            self.language_combo.addItem(name, code)  # each language named in itself
        self.language_combo.setCurrentIndex(
            max(0, self.language_combo.findData(i18n.current_language())))
        self.language_combo.currentIndexChanged.connect(self._language_chosen)
        self.sample_button = self._button("sample", lambda: open_sample_city(window))
        self.open_button = self._button("open", window.open_data_dialog)
        checkout = getattr(getattr(window, "sync_ui", None), "act_checkout", None)
        self.checkout_button = self._button("checkout", checkout.trigger if checkout else None)
        self.profile_button = QCommandLinkButton()
        self.profile_button.setObjectName("profile")
        self.profile_button.clicked.connect(self.edit_profile)
        self.profile_button.setEnabled(self._editing() is not None)
        self.profile_status = QLabel()
        self.profile_status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self._build_layout(icon)
        self.finished.connect(self._on_finished)
        self.retranslateUi()

    def _build_layout(self, icon: QLabel) -> None:
        header = QHBoxLayout()
        header.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        words = QVBoxLayout()
        words.addWidget(self.heading)
        words.addWidget(self.intro)
        language = QHBoxLayout()
        language.addWidget(self.language_label)
        language.addWidget(self.language_combo)
        language.addStretch(1)
        words.addLayout(language)
        header.addLayout(words, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        for button in (self.sample_button, self.open_button, self.checkout_button,
                       self.profile_button):
            layout.addWidget(button)
        layout.addWidget(self.profile_status)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

    def _button(self, name: str, action: Callable[[], object] | None) -> QCommandLinkButton:
        """A big choice that closes the welcome, then runs ``action`` (disabled without one)."""
        button = QCommandLinkButton()
        button.setObjectName(name)
        button.setEnabled(action is not None)
        if action is not None:
            button.clicked.connect(lambda: self._choose(name, action))
        return button

    def _editing(self):
        return getattr(self.window, "editing", None)

    def _choose(self, name: str, action: Callable[[], object]) -> None:
        """Close first, then act, so a file dialog never opens on top of the welcome."""
        self.chosen = name
        self._pending = action
        self.accept()

    def _on_finished(self, _result: int) -> None:
        """After the dialog is gone (it may be deleted by then, so nothing here uses it)."""
        action, self._pending = self._pending, None
        editing = self._editing() if self.first_run else None
        QTimer.singleShot(0, lambda: _after_welcome(editing, action))

    def edit_profile(self) -> bool:
        """Settings ▸ User Profile from the welcome; the status line shows the result."""
        editing = self._editing()
        changed = bool(editing is not None and editing.edit_profile())
        self._show_profile_status()
        return changed

    def _language_chosen(self, index: int) -> None:
        code = self.language_combo.itemData(index)
        if code and code != i18n.current_language() and hasattr(self.window, "set_language"):
            self.window.set_language(code)  # saved, and every open window retranslates

    def _show_profile_status(self) -> None:
        editing = self._editing()
        controller = getattr(editing, "controller", None)
        if controller is None or not controller.has_profile:
            self.profile_status.setText(self.tr(
                "No profile yet: you can look at the map, but editing needs a profile."))
            return
        profile = controller.profile
        domain = self.window.project.catalog.domains.get("opd")
        opd = (domain.label(profile.opd, i18n.current_language()) if domain else None)
        roles = {"viewer": self.tr("viewer"), "editor": self.tr("editor"),
                 "admin": self.tr("administrator")}
        self.profile_status.setText(self.tr("Editing as {name} ({opd}), role: {role}.").format(
            name=profile.name, opd=opd or profile.opd, role=roles.get(profile.role, profile.role)))

    def retranslateUi(self) -> None:
        """Every text in the current language."""
        self.setWindowTitle(self.tr("Welcome to GIS Desk"))
        self.heading.setText("<h2>" + self.tr("Welcome to GIS Desk") + "</h2>")
        self.intro.setText(self.tr(
            "GIS Desk keeps the city's assets — roads, water mains, drains, streetlights and "
            "more — on your computer, works without a network and syncs with your team "
            "when you are back online. Where would you like to start?"))
        self.language_label.setText(self.tr("Language:"))
        texts = {
            self.sample_button: (self.tr("Open the sample city"), self.tr(
                "A made-up city shaped like Gorontalo, to try every tool without risk.")),
            self.open_button: (self.tr("Open a file…"), self.tr(
                "GeoPackage, Shapefile, GeoJSON, KML, CSV and more, or a GIS Desk project.")),
            self.checkout_button: (self.tr("Check out from a hub…"), self.tr(
                "Copy your department's shared data to this computer to edit it offline "
                "and sync later.")),
            self.profile_button: (self.tr("Set up your profile…"), self.tr(
                "Your name, department (OPD) and role: recorded with every edit and sync.")),
        }
        for button, (text, description) in texts.items():
            button.setText(text)
            button.setDescription(description)
        self._show_profile_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)


def _after_welcome(editing, action: Callable[[], object] | None) -> None:
    """On the first run ask who is editing before anything else (as the app always did)."""
    if editing is not None:
        editing.ensure_profile()
    if action is not None:
        action()


def show_welcome(window: QMainWindow, first_run: bool = False) -> WelcomeDialog:
    """Open the welcome over ``window`` (window-modal, non-blocking) and return it."""
    dialog = WelcomeDialog(window, first_run)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def start_up(window: QMainWindow) -> WelcomeDialog | None:
    """At launch: the welcome on the first run, else the profile question if still unanswered.

    Called once the main window is on screen, so the welcome never delays the first map.
    """
    settings = getattr(window, "settings", None) or AppSettings()
    if welcome_seen(settings):
        editing = getattr(window, "editing", None)
        if editing is not None:
            editing.ensure_profile()
        return None
    mark_welcome_seen(settings)  # shown once, even if the app is killed while it is open
    return show_welcome(window, first_run=True)
