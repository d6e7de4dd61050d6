"""The Indonesian translation is complete, compiled, and actually used by widgets and core."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from gisdesk import i18n, paths
from gisdesk.core.definitions import default_catalog
from gisdesk.core.project import Project
from gisdesk.ui import i18n as ui_i18n

TS = paths.translations_dir() / "gisdesk_id.ts"
PLACEHOLDER = re.compile(r"\{[^}]*\}|%n|%\d")


def _current_messages():
    for context in ET.parse(TS).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation.get("type") in ("vanished", "obsolete"):
                continue
            forms = [f.text for f in translation.findall("numerusform")] or [translation.text]
            yield context.findtext("name"), message.findtext("source"), translation, forms


def test_translations_every_string_finished():
    unfinished = [f"{ctx}: {src!r}" for ctx, src, tr, forms in _current_messages()
                  if tr.get("type") == "unfinished" or not all(forms)]
    assert unfinished == [], "run scripts/update_translations.py and translate:\n" + "\n".join(
        unfinished)


def test_translations_keep_placeholders():
    broken = [f"{ctx}: {src!r} -> {form!r}" for ctx, src, _tr, forms in _current_messages()
              for form in forms
              if form and sorted(PLACEHOLDER.findall(src)) != sorted(PLACEHOLDER.findall(form))]
    assert broken == []


SAME_SOURCE_DIFFERENT_MEANING: set[str] = set()
"""English sources whose meaning really differs by context, so they may have more than one
Indonesian translation; none so far."""


def test_translations_one_source_one_translation():
    """The same English text reads the same in every context ("Next due" was "Jadwal
    berikutnya" in Feature History and "Jatuh tempo berikutnya" in the form's Inspections)."""
    seen: dict[str, dict[str, list[str]]] = {}
    for ctx, src, _tr, forms in _current_messages():
        seen.setdefault(src, {}).setdefault(" | ".join(forms), []).append(ctx)
    mixed = [f"{src!r}: {found}" for src, found in seen.items()
             if len(found) > 1 and src not in SAME_SOURCE_DIFFERENT_MEANING]
    assert mixed == [], "one English text, several translations:\n" + "\n".join(mixed)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_translations_qm_built_from_current_ts(tmp_path, lang):
    ts = paths.translations_dir() / f"gisdesk_{lang}.ts"
    qm = ts.with_suffix(".qm")
    assert qm.is_file(), f"{qm.name} missing: run scripts/update_translations.py"
    assert qm.stat().st_mtime >= ts.stat().st_mtime - 5, f"{qm.name} is older than .ts: rebuild"
    fresh = tmp_path / "fresh.qm"
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(lrelease), str(ts), "-qm", str(fresh)], check=True,
                   capture_output=True)
    assert fresh.read_bytes() == qm.read_bytes(), f"{qm.name} does not match the .ts: rebuild"


@pytest.fixture
def indonesian(qapp):
    assert ui_i18n.install_language(qapp, "id")
    qapp.processEvents()
    yield
    ui_i18n.install_language(qapp, "en")
    qapp.processEvents()


def test_translations_widget_text_indonesian(qtbot, indonesian):
    from gisdesk.ui.panels.layers_panel import LayersPanel

    panel = LayersPanel(Project(catalog=default_catalog()))
    qtbot.addWidget(panel)
    assert ui_i18n.current_language() == "id"
    assert panel.windowTitle() == "Lapisan"


def test_translations_core_strings_follow_ui_language(indonesian):
    text = i18n.translate("Reader", "no CRS — set it with Layer ▸ Set CRS")
    assert text == "tidak ada CRS — atur dengan Lapisan ▸ Atur CRS"


def test_translations_switch_back_to_english(qapp, qtbot):
    from gisdesk.ui.panels.layers_panel import LayersPanel

    panel = LayersPanel(Project(catalog=default_catalog()))
    qtbot.addWidget(panel)
    assert ui_i18n.install_language(qapp, "id")
    qapp.processEvents()
    assert panel.windowTitle() == "Lapisan"
    assert ui_i18n.install_language(qapp, "en")
    qapp.processEvents()
    assert panel.windowTitle() == "Layers"
    assert ui_i18n.current_language() == "en"


def test_translations_unknown_language_refused(qapp):
    assert ui_i18n.install_language(qapp, "xx") is False
    assert ui_i18n.current_language() == "en"


def test_translations_language_choice_order(monkeypatch):
    monkeypatch.delenv("GISDESK_LANG", raising=False)
    assert set(ui_i18n.available_languages()) == {"en", "id"}
    indonesia = QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)
    us = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    assert ui_i18n.preferred_language(locale=indonesia) == "id"
    assert ui_i18n.preferred_language(locale=us) == "en"
    assert ui_i18n.preferred_language(setting="en", locale=indonesia) == "en"
    assert ui_i18n.preferred_language(setting="xx", locale=indonesia) == "id"
    ui_i18n.save_language("id")  # conftest points the config folder at a temp dir
    assert ui_i18n.saved_language() == "id"
    assert ui_i18n.preferred_language(locale=us) == "id"
    monkeypatch.setenv("GISDESK_LANG", "en")
    assert ui_i18n.preferred_language(locale=indonesia) == "en"
    ui_i18n.save_language("")


def test_translations_number_format_by_language():
    assert ui_i18n.format_number(1234.5, 1, "id") == "1.234,5"
    assert ui_i18n.format_number(1234.5, 1, "en") == "1,234.5"
    assert ui_i18n.format_number(1234567, lang="id") == "1.234.567"


def test_translations_cover_qt_standard_buttons(qtbot, indonesian):
    from PySide6.QtWidgets import QDialogButtonBox

    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel
                           | QDialogButtonBox.StandardButton.Save)
    qtbot.addWidget(box)
    texts = {b.text().replace("&", "") for b in box.buttons()}
    assert texts == {"Batal", "Simpan"}


def test_translations_english_plural_forms(qapp):
    from PySide6.QtCore import QCoreApplication

    assert ui_i18n.install_language(qapp, "en")
    one = QCoreApplication.translate("IdentifyPanel", "%n feature(s) selected", "", 1)
    many = QCoreApplication.translate("IdentifyPanel", "%n feature(s) selected", "", 3)
    assert (one, many) == ("1 feature selected", "3 features selected")


def test_translations_lupdate_extracts_core_calls(tmp_path):
    source = tmp_path / "core_module.py"
    source.write_text(
        "from gisdesk import i18n\n"
        "from gisdesk.i18n import QT_TRANSLATE_NOOP, translate\n"
        "TABLE = (QT_TRANSLATE_NOOP('Core', 'marked for later'),)\n"
        "def f():\n"
        "    return translate('Core', 'bare call'), i18n.translate('Core', 'module call')\n",
        encoding="utf-8",
    )
    ts = tmp_path / "out.ts"
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run([str(lupdate), str(source), "-ts", str(ts)], check=True, capture_output=True)
    found = {(c.findtext("name"), m.findtext("source"))
             for c in ET.parse(ts).getroot().iter("context") for m in c.iter("message")}
    assert found == {("Core", "marked for later"), ("Core", "bare call"),
                     ("Core", "module call")}
    assert i18n.QT_TRANSLATE_NOOP("Core", "marked for later") == "marked for later"


@pytest.mark.parametrize("lang", ["en", "id"])
def test_translations_menu_accelerators_unique(qtbot, qapp, tmp_path, lang):
    """Alt+letter must reach one entry per menu in both languages (a translation can clash)."""
    from PySide6.QtWidgets import QMenu

    from gisdesk.ui.main_window import MainWindow
    from gisdesk.ui.settings import AppSettings

    assert ui_i18n.install_language(qapp, lang)
    qapp.processEvents()
    try:
        window = MainWindow(Project(catalog=default_catalog()),
                            AppSettings(tmp_path / "gisdesk.ini"))
        qtbot.addWidget(window)
        menus = [window.menuBar(), *window.findChildren(QMenu)]
        clashes = []
        for menu in menus:
            keys = [re.search(r"&(\w)", a.text()) for a in menu.actions() if a.text()]
            letters = [k.group(1).lower() for k in keys if k]
            clashes += [f"{menu.title() or 'menu bar'}: {x}" for x in set(letters)
                        if letters.count(x) > 1]
        window.canvas.shutdown()
    finally:
        ui_i18n.install_language(qapp, "en")
    assert clashes == []


def test_translations_fallback_to_empty_context(tmp_path, qapp):
    from PySide6.QtCore import QCoreApplication

    ts = tmp_path / "t_id.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="id">'
        "<context><name></name><message><source>User</source>"
        "<translation>Pengguna</translation></message></context>"
        "<context><name>Panel</name><message><source>Close</source>"
        "<translation>Tutup</translation></message></context></TS>",
        encoding="utf-8",
    )
    qm = tmp_path / "t_id.qm"
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(lrelease), str(ts), "-qm", str(qm)], check=True, capture_output=True)
    translator = ui_i18n.FallbackTranslator()
    assert translator.load(str(qm))
    qapp.installTranslator(translator)
    try:
        assert QCoreApplication.translate("AnyClass", "User") == "Pengguna"
        assert QCoreApplication.translate("Panel", "Close") == "Tutup"
        assert QCoreApplication.translate("Panel", "Not in file") == "Not in file"
    finally:
        qapp.removeTranslator(translator)
