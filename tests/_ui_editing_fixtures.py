"""Shared helpers of the editing UI tests: a real main window on a real GeoPackage copy.

Modal message boxes are answered the way a user would: a timer finds the active modal
widget and clicks the button with the given text (no dialog is patched away).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
)

from gisdesk import paths
from gisdesk.core.definitions import default_catalog
from gisdesk.core.project import Project
from gisdesk.core.roles import Profile
from gisdesk.ui.main_window import MainWindow
from gisdesk.ui.settings import AppSettings

CATALOG = default_catalog()


def sample_copy(tmp_path: Path) -> Path:
    """A private copy of the shipped sample city."""
    return Path(shutil.copy(paths.sample_city_path(), tmp_path / "gorontalo.gpkg"))


def make_window(qtbot, tmp_path: Path, name: str = "settings.ini") -> MainWindow:
    window = MainWindow(Project(catalog=CATALOG), AppSettings(tmp_path / name))
    window.resize(900, 700)
    window.show()
    qtbot.waitExposed(window)
    return window


def open_file(qtbot, window: MainWindow, path: Path) -> None:
    with qtbot.waitSignal(window.data_loaded, timeout=30000):
        window.open_path(path)
    qtbot.waitUntil(lambda: not window.canvas.is_rendering, timeout=15000)


def start_editing(window: MainWindow, layer: str, profile: Profile) -> None:
    """Set the profile, make ``layer`` current and toggle editing on (as the user would)."""
    window.editing.controller.set_profile(profile)
    window.layers_panel.select_layer(layer)
    window.editing.act_toggle.trigger()
    assert window.editing.controller.edit_layer == layer


def px(window: MainWindow, x: float, y: float) -> tuple[float, float]:
    """Widget pixel of a world point on the canvas."""
    return window.canvas.viewport.to_pixel(x, y)


def click(send_mouse, window: MainWindow, x: float, y: float) -> None:
    pos = px(window, x, y)
    send_mouse(window.canvas, "press", pos)
    send_mouse(window.canvas, "release", pos)


class _Answers(list):
    """Texts of the dialogs answered; ``stop()`` ends the polling once it cannot matter."""

    stopped = False

    def stop(self) -> None:
        self.stopped = True


def answer_next_box(button_text: str) -> _Answers:
    """Click ``button_text`` in the next modal dialog; the list receives the dialog's text."""
    seen = _Answers()

    def poll(tries: int = 250) -> None:
        if seen.stopped:
            return
        dialogs = [QApplication.activeModalWidget(), *QApplication.topLevelWidgets()]
        for box in dialogs:
            if not isinstance(box, QDialog) or not box.isVisible():
                continue  # e.g. a non-blocking "Edit refused" note stays open underneath
            for button in box.findChildren(QAbstractButton):
                if button.text().replace("&", "") == button_text:
                    seen.append(getattr(box, "text", lambda: "")())
                    button.click()
                    return
        if tries == 0:
            raise AssertionError(f"no dialog with a {button_text!r} button appeared")
        QTimer.singleShot(20, lambda: poll(tries - 1))

    QTimer.singleShot(0, poll)
    return seen


def close_window(window: MainWindow) -> None:
    """Close like a user who discards unsaved edits (else the prompt would wait forever)."""
    answers = answer_next_box("Discard") if window.editing.controller.is_dirty else None
    window.close()  # modal: any Save/Discard prompt has been answered when this returns
    if answers is not None:
        answers.stop()  # never let a leftover poll fail the next test
    window.jobs.wait(5000)
    window.canvas.shutdown()
    window.deleteLater()


def fill(dialog, name: str, value) -> None:
    """Type a value into the new-feature form (the form builder's, or the simple dialog)."""
    if hasattr(dialog, "inputs"):
        dialog.inputs[name].set_value(value)
    else:
        dialog.set_value(name, value)


def press_ok(dialog) -> None:
    """Click the dialog's OK button."""
    box = dialog.findChild(QDialogButtonBox)
    box.button(QDialogButtonBox.StandardButton.Ok).click()


def dialog_error(dialog) -> str:
    """Every refusal text the form shows (overall message and per-field messages)."""
    labels = [w for w in dialog.findChildren(QLabel) if w.isVisible() and w.text()]
    return " ".join(w.text() for w in labels)
