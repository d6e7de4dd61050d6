"""The user-interface language: English or Bahasa Indonesia, switchable while running.

English is the source language: every string is written in English in the code and the
Indonesian text comes from ``resources/translations/gisdesk_id.qm`` (built from the ``.ts``
source by ``scripts/update_translations.py``).

Installing a language also routes :func:`gisdesk.i18n.translate` through Qt, so messages made by
the Qt-free core (readers, validation, jobs) appear in the same language as the widgets.

Retranslating widgets at run time
---------------------------------
Qt sends every widget a ``QEvent.LanguageChange`` when a translator is installed or removed.
Widgets set their texts in one method and call it from ``changeEvent``::

    class MyPanel(QWidget):
        def __init__(self):
            super().__init__()
            self._title = QLabel()
            self.retranslateUi()

        def retranslateUi(self) -> None:
            self._title.setText(self.tr("Layers"))

        def changeEvent(self, event: QEvent) -> None:
            if event.type() == QEvent.Type.LanguageChange:
                self.retranslateUi()
            super().changeEvent(event)

Data labels (layer titles, field labels, domain labels) come from the layer definitions, not
the ``.qm``: views ask :func:`current_language` and pick ``Text.get(lang)``.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDate,
    QDateTime,
    QLocale,
    QSettings,
    QTime,
    QTranslator,
)

from gisdesk import i18n, paths

SOURCE_LANGUAGE = "en"
LANGUAGE_NAMES = {"en": "English", "id": "Bahasa Indonesia"}
"""Each language's name in that language, as the language menu shows it."""

_LOCALES = {"en": "en_US", "id": "id_ID"}
DATE_FORMAT = "d MMM yyyy"
"""Dates as "5 Mar 2024" / "5 Mei 2024": day-month-year as Indonesians write it, with the month
named in the UI language, so no date can be misread (05/03 is May in one habit, March in the
other) and the order is the same in both languages."""
_TIME_FORMATS = {"en": "HH:mm", "id": "HH.mm"}
"""24-hour times; Indonesian separates hours and minutes with a dot (pukul 14.30)."""
_SETTING_KEY = "ui/language"
_ENV_OVERRIDE = "GISDESK_LANG"

QT_OWN_TEXTS = (
    # Qt ships no Indonesian translation of its own widgets, so the texts of standard buttons,
    # file dialogs and edit menus are listed here for lupdate (which needs literal strings) and
    # translated in gisdesk_id.ts. Contexts and sources match Qt's (qplatformtheme.cpp, ...).
    QT_TRANSLATE_NOOP("QPlatformTheme", "OK"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Save"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Save All"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Open"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&Yes"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Yes to &All"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&No"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "N&o to All"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Abort"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Retry"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Ignore"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Close"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Discard"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Help"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Apply"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Reset"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Restore Defaults"),
    QT_TRANSLATE_NOOP("QGnomeTheme", "&OK"),
    QT_TRANSLATE_NOOP("QGnomeTheme", "&Save"),
    QT_TRANSLATE_NOOP("QGnomeTheme", "&Cancel"),
    QT_TRANSLATE_NOOP("QGnomeTheme", "&Close"),
    QT_TRANSLATE_NOOP("QGnomeTheme", "Close without Saving"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Undo"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Redo"),
    QT_TRANSLATE_NOOP("QLineEdit", "Cu&t"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Copy"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Paste"),
    QT_TRANSLATE_NOOP("QLineEdit", "Delete"),
    QT_TRANSLATE_NOOP("QLineEdit", "Select All"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Undo"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Redo"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Cu&t"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Copy"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Paste"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Delete"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Select All"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Copy &Link Location"),
    QT_TRANSLATE_NOOP("QFileDialog", "Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QFileDialog", "&New Folder"),
    QT_TRANSLATE_NOOP("QFileDialog", "Create a New Folder"),
    QT_TRANSLATE_NOOP("QFileDialog", "Change to detail view mode"),
    QT_TRANSLATE_NOOP("QFileDialog", "Change to list view mode"),
    QT_TRANSLATE_NOOP("QFileDialog", "Go back"),
    QT_TRANSLATE_NOOP("QFileDialog", "Go forward"),
    QT_TRANSLATE_NOOP("QFileDialog", "Go to the parent directory"),
    QT_TRANSLATE_NOOP("QFileDialog", "List of places and bookmarks"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files"),
    QT_TRANSLATE_NOOP("QFileDialog", "Sidebar"),
    QT_TRANSLATE_NOOP("QFileDialog", "%1 already exists.\nDo you want to replace it?"),
    QT_TRANSLATE_NOOP("QFileSystemModel", "Name"),
    QT_TRANSLATE_NOOP("QFileSystemModel", "Size"),
    QT_TRANSLATE_NOOP("QFileSystemModel", "Date Modified"),
    QT_TRANSLATE_NOOP("QFileSystemModel", "Computer"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
    QT_TRANSLATE_NOOP("QInputDialog", "Enter a value:"),
    QT_TRANSLATE_NOOP("QAbstractSpinBox", "&Step up"),
    QT_TRANSLATE_NOOP("QAbstractSpinBox", "Step &down"),
    QT_TRANSLATE_NOOP("QFileDialog", "File &name:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of type:"),
    QT_TRANSLATE_NOOP("QFileDialog", "&Open"),
    QT_TRANSLATE_NOOP("QFileDialog", "&Save"),
    QT_TRANSLATE_NOOP("QFileDialog", "&Choose"),
    QT_TRANSLATE_NOOP("QFileDialog", "Open"),
    QT_TRANSLATE_NOOP("QFileDialog", "Save As"),
    QT_TRANSLATE_NOOP("QFileDialog", "New Folder"),
    QT_TRANSLATE_NOOP("QFileDialog", "Back"),
    QT_TRANSLATE_NOOP("QFileDialog", "Forward"),
    QT_TRANSLATE_NOOP("QFileDialog", "Parent Directory"),
    QT_TRANSLATE_NOOP("QFileDialog", "Create New Folder"),
    QT_TRANSLATE_NOOP("QFileDialog", "List View"),
    QT_TRANSLATE_NOOP("QFileDialog", "Detail View"),
    QT_TRANSLATE_NOOP("QFileDialog", "Directory:"),
    QT_TRANSLATE_NOOP("QFileDialog", "&Delete"),
    QT_TRANSLATE_NOOP("QFileDialog", "&Rename"),
    QT_TRANSLATE_NOOP("QFileDialog", "Show &hidden files"),
    QT_TRANSLATE_NOOP("QFileDialog", "All Files (*)"),
    QT_TRANSLATE_NOOP("QFileDialog", "Recent Places"),
    QT_TRANSLATE_NOOP("QMessageBox", "Show Details..."),
    QT_TRANSLATE_NOOP("QMessageBox", "Hide Details..."),
    # Key names in menus and tooltips (Alt+Left); Ctrl, Shift, Alt and Del are printed on the
    # keys themselves and stay as they are.
    QT_TRANSLATE_NOOP("QShortcut", "Left"),
    QT_TRANSLATE_NOOP("QShortcut", "Right"),
    QT_TRANSLATE_NOOP("QShortcut", "Up"),
    QT_TRANSLATE_NOOP("QShortcut", "Down"),
    QT_TRANSLATE_NOOP("QShortcut", "Space"),
    QT_TRANSLATE_NOOP("QShortcut", "Backspace"),
)
"""Never read at run time: it only tells lupdate which Qt-internal strings to collect."""



def _qt_texts_with_disambiguation() -> None:  # pragma: no cover - never called
    """Qt texts that carry a disambiguation; lupdate reads these calls (it skips NOOP3)."""
    QCoreApplication.translate("QFileSystemModel", "Type", "All other platforms")
    QCoreApplication.translate("QAbstractFileIconProvider", "Folder", "All other platforms")
    QCoreApplication.translate("QAbstractFileIconProvider", "File", "All other platforms")


_current = SOURCE_LANGUAGE
_translators: list[QTranslator] = []


class FallbackTranslator(QTranslator):
    """A translator that also looks in the empty context when the caller's context misses.

    lupdate files calls it cannot attribute to a class (``tr = self.tr; tr("User")``, module
    level ``tr(...)``) under the empty context, while Qt looks them up under the class name at
    run time; without this fallback those texts silently stay English.
    ``scripts/update_translations.py`` warns about them so the call can be fixed too.
    """

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        text = super().translate(context, source, disambiguation, n)
        if not text and context:
            text = super().translate("", source, disambiguation, n)
        return text or None  # None is Qt's "not here": the next translator or the source


def qm_path(lang: str) -> Path:
    """Where the compiled translation for ``lang`` lives."""
    return paths.translations_dir() / f"gisdesk_{lang}.qm"


def available_languages() -> dict[str, str]:
    """Languages the user can pick: English plus every language whose ``.qm`` is installed."""
    found = {SOURCE_LANGUAGE: LANGUAGE_NAMES[SOURCE_LANGUAGE]}
    for lang, name in LANGUAGE_NAMES.items():
        if lang != SOURCE_LANGUAGE and qm_path(lang).is_file():
            found[lang] = name
    return found


def current_language() -> str:
    """The installed UI language code ("en" or "id")."""
    return _current


def system_language(locale: QLocale | None = None) -> str:
    """"id" on an Indonesian system locale, else English."""
    locale = locale or QLocale.system()
    return "id" if locale.language() == QLocale.Language.Indonesian else SOURCE_LANGUAGE


def _settings() -> QSettings:
    """The per-user settings file (in the user config folder, never next to the program)."""
    path = paths.user_config_dir() / "gisdesk.ini"
    return QSettings(str(path), QSettings.Format.IniFormat)


def saved_language() -> str | None:
    """The language the user chose in the language menu, or None if they never chose."""
    value = _settings().value(_SETTING_KEY)
    return str(value) if value else None


def save_language(lang: str) -> None:
    """Remember ``lang`` for the next start."""
    settings = _settings()
    settings.setValue(_SETTING_KEY, lang)
    settings.sync()


def preferred_language(setting: str | None = None, locale: QLocale | None = None) -> str:
    """The language to start in.

    In order: ``$GISDESK_LANG`` (for admins and screenshots), the explicit ``setting`` or the
    saved user choice, then the system locale. Unknown or uninstalled languages fall through to
    the next source so a stale setting never leaves the UI untranslatable.
    """
    available = available_languages()
    for candidate in (os.environ.get(_ENV_OVERRIDE), setting or saved_language()):
        if candidate and candidate in available:
            return candidate
    lang = system_language(locale)
    return lang if lang in available else SOURCE_LANGUAGE


def install_language(app: QCoreApplication, lang: str) -> bool:
    """Switch the whole application to ``lang``; returns False when it is not available.

    English loads ``gisdesk_en.qm`` too when present: it holds only plural forms ("1 feature",
    "2 features") for texts written as "%n feature(s)".

    Removing and installing translators makes Qt post ``LanguageChange`` to every widget, so
    open windows retranslate themselves (see the module docstring). The default ``QLocale`` is
    set too, so number and date formatting follow the language.
    """
    global _current  # noqa: PLW0603 - one UI language per process
    translator: QTranslator | None = FallbackTranslator(app)
    if not translator.load(str(qm_path(lang))):
        if lang != SOURCE_LANGUAGE:
            return False
        translator = None  # English works without its plural-forms file
    for old in _translators:
        app.removeTranslator(old)
        old.deleteLater()
    _translators.clear()
    if translator is not None:
        app.installTranslator(translator)
        _translators.append(translator)
    i18n.install(QCoreApplication.translate, lang)
    QLocale.setDefault(QLocale(_LOCALES.get(lang, "en_US")))
    _current = lang
    return True


def locale_for(lang: str | None = None) -> QLocale:
    """The QLocale that formats numbers for ``lang`` (default: the current language)."""
    return QLocale(_LOCALES.get(lang or _current, "en_US"))


def format_number(value: float, decimals: int = 2, lang: str | None = None,
                  group: bool = True) -> str:
    """``value`` with the language's separators: 1,234.5 in English, 1.234,5 in Indonesian.

    Integers get no decimal part. ``group=False`` drops the thousands separator, for
    coordinates and codes that people copy into other programs.
    """
    locale = locale_for(lang)
    if not group:
        locale.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
    if isinstance(value, int) and not isinstance(value, bool):
        return locale.toString(value)
    return locale.toString(float(value), "f", decimals)


def date_edit_format(lang: str | None = None) -> str:
    """The display format for date editors, matching :func:`format_date`."""
    del lang  # one order for both languages; the month name comes from the widget's locale
    return DATE_FORMAT


def _as_qdatetime(value: Any) -> tuple[QDate, QTime | None] | None:
    """(date, time or None) of a date, datetime, pandas Timestamp, QDate(Time) or ISO text."""
    if isinstance(value, QDateTime):
        return value.date(), value.time()
    if isinstance(value, QDate):
        return value, None
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            return None
    if isinstance(value, dt.datetime):  # pandas Timestamps are datetimes too
        clock = QTime(value.hour, value.minute, value.second)
        return QDate(value.year, value.month, value.day), clock
    if isinstance(value, dt.date):
        return QDate(value.year, value.month, value.day), None
    return None


def format_date(value: Any, lang: str | None = None, with_time: bool | None = None) -> str:
    """A date (or date and time) as people read it in ``lang``: "5 Mar 2024", "5 Mei 2024 14.30".

    Accepts dates, datetimes, pandas Timestamps, QDate/QDateTime and ISO text (how GeoPackages
    store dates). Times are shown when ``with_time`` is True, or (by default) when the value has
    a time other than midnight. Text that is not a date comes back unchanged, never lost.
    """
    parsed = _as_qdatetime(value)
    if parsed is None or not parsed[0].isValid():
        return "" if value is None else str(value)
    day, clock = parsed
    locale = locale_for(lang)
    text = locale.toString(day, DATE_FORMAT)
    show_time = with_time if with_time is not None else bool(
        clock is not None and (clock.hour() or clock.minute()))
    if show_time and clock is not None:
        text += " " + locale.toString(clock, _TIME_FORMATS.get(lang or _current, "HH:mm"))
    return text

