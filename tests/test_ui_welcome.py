"""The first-run welcome: shown once, every choice does the real thing, the profile is the one
the audit trail and sync use, and the language can be picked there."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from _ui_editing_fixtures import close_window, make_window, sample_copy
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog
from test_sync_hubs import KEYS, write_mains

from gisdesk import paths
from gisdesk.core.roles import Profile
from gisdesk.sync.folder_hub import FolderHub
from gisdesk.ui import i18n
from gisdesk.ui import welcome as welcome_mod
from gisdesk.ui.dialogs.profile_dialog import ProfileDialog
from gisdesk.ui.sync.dialogs import CheckoutDialog
from gisdesk.ui.welcome import WelcomeDialog, show_welcome, start_up, welcome_seen


@pytest.fixture
def window(qtbot, tmp_path):
    w = make_window(qtbot, tmp_path)
    yield w
    close_window(w)


def _when_modal(kind: type, act, tries: int = 250) -> list:
    """Run ``act(dialog)`` on the next visible modal dialog of type ``kind``; records it."""
    seen: list = []

    def poll(left: int) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible():
            seen.append(dialog)
            act(dialog)
            return
        if left:
            QTimer.singleShot(20, lambda: poll(left - 1))

    QTimer.singleShot(0, lambda: poll(tries))
    return seen


def _kept(dialog: WelcomeDialog) -> WelcomeDialog:
    """Keep a closed welcome alive so the test can look at it afterwards."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    return dialog


def _layer_paths(window) -> set[Path]:
    return {Path(lyr.source.path).resolve() for lyr in window.project.layers if lyr.source}


def test_ui_welcome_shown_once_then_the_profile_question(qtbot, window, monkeypatch) -> None:
    monkeypatch.delenv(welcome_mod.NO_WELCOME_ENV, raising=False)
    assert not welcome_seen(window.settings)
    dialog = start_up(window)
    assert isinstance(dialog, WelcomeDialog) and dialog.isVisible() and dialog.first_run
    assert welcome_seen(window.settings)
    asked = _when_modal(ProfileDialog, lambda d: d.reject())  # first run: who is editing
    dialog.buttons.button(QDialogButtonBox.StandardButton.Close).click()
    qtbot.waitUntil(lambda: bool(asked), timeout=5000)
    window.editing.controller.set_profile(Profile("Rahmat", "PUPR", "editor"))
    assert start_up(window) is None  # second start: straight to the map
    assert not any(isinstance(w, WelcomeDialog) and w.isVisible()
                   for w in QApplication.topLevelWidgets())


def test_ui_welcome_suppressed_by_environment(window, monkeypatch) -> None:
    monkeypatch.setenv(welcome_mod.NO_WELCOME_ENV, "1")
    assert welcome_seen(window.settings)


def test_ui_welcome_open_sample_city(qtbot, window, tmp_path, monkeypatch) -> None:
    sample = sample_copy(tmp_path)
    monkeypatch.setattr(paths, "sample_city_path", lambda: sample)
    dialog = _kept(show_welcome(window))
    with qtbot.waitSignal(window.data_loaded, timeout=30000):
        dialog.sample_button.click()
    assert dialog.chosen == "sample" and not dialog.isVisible()
    assert _layer_paths(window) == {sample.resolve()}
    assert window.project.layer("water_mains") is not None
    count = len(window.project.layers)
    again = _kept(show_welcome(window))
    again.sample_button.click()  # already open: zooms to it instead of opening it twice
    qtbot.waitUntil(lambda: not again.isVisible(), timeout=5000)
    qtbot.wait(50)
    assert len(window.project.layers) == count


def test_ui_welcome_open_file_uses_the_open_data_dialog(qtbot, window, city_gpkg,
                                                       monkeypatch) -> None:
    asked: list[str] = []

    def pick(_parent, caption, _folder, filters):
        asked.append(caption)
        return [str(city_gpkg)], filters

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", pick)
    dialog = show_welcome(window)
    with qtbot.waitSignal(window.data_loaded, timeout=30000):
        dialog.open_button.click()
    assert asked == ["Open Data"]
    assert _layer_paths(window) == {city_gpkg.resolve()}


def test_ui_welcome_check_out_runs_the_file_menu_action(qtbot, window, tmp_path) -> None:
    FolderHub.init(tmp_path / "hub", write_mains(tmp_path / "src.gpkg"), KEYS, "adm")
    triggered: list[bool] = []
    window.sync_ui.act_checkout.triggered.connect(lambda *_: triggered.append(True))

    def fill(dialog: CheckoutDialog) -> None:
        dialog.hub_edit.setText(str(tmp_path / "hub"))
        dialog.target_edit.setText(str(tmp_path / "copy"))
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    shown = _when_modal(CheckoutDialog, fill)
    dialog = show_welcome(window)
    with qtbot.waitSignal(window.data_loaded, timeout=30000):
        dialog.checkout_button.click()
    assert triggered == [True] and len(shown) == 1
    assert (tmp_path / "copy").is_dir()
    assert window.project.layer("water_mains") is not None
    assert window.sync_ui.panel.copy is not None  # the Sync dock bound to the new copy


def test_ui_welcome_profile_is_the_audit_and_sync_author(qtbot, window) -> None:
    dialog = show_welcome(window)
    assert "No profile yet" in dialog.profile_status.text()

    def answer(profile_dialog: ProfileDialog) -> None:
        profile_dialog.set_values("Siti Rahma", "PDAM", "editor")
        profile_dialog.accept()

    shown = _when_modal(ProfileDialog, answer)
    assert dialog.edit_profile()
    assert len(shown) == 1 and dialog.isVisible()  # the welcome stays open
    assert window.settings.user_profile() == {"name": "Siti Rahma", "opd": "PDAM",
                                              "role": "editor"}
    assert window.editing.controller.session.context.profile.name == "Siti Rahma"
    assert window.sync_ui._author() == "Siti Rahma"
    assert "Siti Rahma" in dialog.profile_status.text()
    assert "Water Utility (PDAM)" in dialog.profile_status.text()
    assert "editor" in dialog.profile_status.text()
    dialog.reject()


def test_ui_welcome_language_switch_retranslates_and_is_saved(qtbot, qapp, window) -> None:
    dialog = show_welcome(window)
    assert dialog.windowTitle() == "Welcome to GIS Desk"
    try:
        dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("id"))
        qapp.processEvents()
        assert i18n.current_language() == "id" and i18n.saved_language() == "id"
        assert dialog.windowTitle() == "Selamat datang di GIS Desk"
        assert dialog.sample_button.text() == "Buka kota contoh"
        assert window.menu_file.title() == "&Berkas"
        assert window.act_welcome.text() == "&Selamat datang…"
    finally:
        window.set_language("en")
        qapp.processEvents()
        i18n.save_language("")
    assert dialog.windowTitle() == "Welcome to GIS Desk"
    dialog.reject()


def test_ui_welcome_help_menu_reopens_it(qtbot, window) -> None:
    assert window.act_welcome in window.menu_help.actions()
    window.act_welcome.trigger()
    shown = [w for w in QApplication.topLevelWidgets()
             if isinstance(w, WelcomeDialog) and w.isVisible()]
    assert len(shown) == 1 and not shown[0].first_run
    shown[0].reject()


def test_ui_welcome_buttons_without_the_feature_are_disabled(qtbot, window) -> None:
    window.sync_ui = None  # as if sync were not installed
    dialog = show_welcome(window)
    assert not dialog.checkout_button.isEnabled()
    assert dialog.sample_button.isEnabled() and dialog.profile_button.isEnabled()
    dialog.reject()


_APP_SCRIPT = textwrap.dedent("""
    import sys
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication, QDialog
    from gisdesk.ui import app

    def poll(left=300):
        names = [w.objectName() for w in QApplication.topLevelWidgets()
                 if isinstance(w, QDialog) and w.isVisible()]
        if names or not left:
            print("dialogs=" + ",".join(sorted(names)), flush=True)
            for w in QApplication.topLevelWidgets():
                if isinstance(w, QDialog) and w.isVisible():
                    w.reject()
            QApplication.quit()
            return
        QTimer.singleShot(50, lambda: poll(left - 1))

    QTimer.singleShot(0, poll)
    sys.exit(app.run_app([sys.argv[1]], "en"))
""")


def _launch(city: Path, config: Path, env_extra: dict[str, str] | None = None) -> str:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "GISDESK_CONFIG_DIR": str(config),
           **(env_extra or {})}
    env.pop(welcome_mod.NO_WELCOME_ENV, None)
    env.update(env_extra or {})
    result = subprocess.run([sys.executable, "-c", _APP_SCRIPT, str(city)], env=env,
                            capture_output=True, text=True, timeout=180, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    return next(ln for ln in result.stdout.splitlines() if ln.startswith("dialogs="))


def test_ui_welcome_real_launch_first_run_only(city_gpkg, tmp_path) -> None:
    config = tmp_path / "config"
    assert _launch(city_gpkg, config) == "dialogs=WelcomeDialog"
    assert "shown=true" in (config / "gisdesk.ini").read_text(encoding="utf-8")
    # Second start: no welcome; the profile is still unanswered, so that is asked (as before).
    assert _launch(city_gpkg, config) == "dialogs=ProfileDialog"
    assert _launch(city_gpkg, tmp_path / "kiosk", {welcome_mod.NO_WELCOME_ENV: "1"}) \
        == "dialogs=ProfileDialog"

