"""Broken layer definitions are listed for the user (file, where, what) and the app still runs."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from _ui_editing_fixtures import close_window, open_file
from PySide6.QtWidgets import QDialog

from gisdesk import paths
from gisdesk.core.definitions import load_catalog
from gisdesk.core.project import Project
from gisdesk.ui.dialogs.definition_problems_dialog import (
    DefinitionProblemsDialog,
    announce_definition_problems,
)
from gisdesk.ui.i18n import install_language
from gisdesk.ui.main_window import MainWindow
from gisdesk.ui.settings import AppSettings


def _break_valves(folder: Path) -> Path:
    """Point the valves' status field at a domain that does not exist."""
    path = folder / "valves" / "layer.yaml"
    text = path.read_text(encoding="utf-8")
    assert "domain: valve_status" in text
    path.write_text(text.replace("domain: valve_status", "domain: valve_stats"), "utf-8")
    return path


@pytest.fixture
def broken_layers(tmp_path: Path) -> tuple[Path, Path]:
    folder = Path(shutil.copytree(paths.layers_dir(), tmp_path / "layers"))
    return folder, _break_valves(folder)


@pytest.fixture
def english(qapp):
    install_language(qapp, "en")
    yield


def test_definition_problems_listed_from_status_bar_and_help_menu(
    qtbot, tmp_path, broken_layers, city_gpkg, caplog, english
):
    folder, broken = broken_layers
    catalog = load_catalog(folder)
    assert "valves" not in catalog.layers and "roads" in catalog.layers
    window = MainWindow(Project(catalog=catalog), AppSettings(tmp_path / "s.ini"))
    window.show()
    qtbot.waitExposed(window)
    try:
        with caplog.at_level(logging.WARNING, logger="gisdesk.definitions"):
            button = announce_definition_problems(window)
        [record] = caplog.records
        assert str(broken) in record.getMessage()
        assert "unknown domain 'valve_stats'" in record.getMessage()
        assert button.text() == "⚠ 1 layer definition problem"
        assert button.isVisible()  # in the status bar, next to the scale

        button.click()
        dialog = window.findChild(DefinitionProblemsDialog)
        assert dialog is not None and dialog.isVisible() and not dialog.isModal()
        assert dialog.table.rowCount() == 1
        file, where, problem = (dialog.table.item(0, c).text() for c in range(3))
        assert file == str(broken)
        assert "'status'" in where
        assert problem == "unknown domain 'valve_stats'"

        window.act_definition_problems.trigger()  # Help menu: the same, single dialog
        assert window.findChildren(DefinitionProblemsDialog) == [dialog]
        assert window.act_definition_problems in window.menu_help.actions()

        open_file(qtbot, window, city_gpkg)  # the app keeps working with the other layers
        assert window.project.layer("roads").definition is not None
        assert window.project.layer("valves").definition is None
        assert len(window.project.layer("valves").frame) == 3
    finally:
        close_window(window)


def test_definition_problems_dialog_when_all_is_well(qtbot, tmp_path, english):
    catalog = load_catalog(paths.layers_dir())
    window = MainWindow(Project(catalog=catalog), AppSettings(tmp_path / "s.ini"))
    qtbot.addWidget(window)
    assert announce_definition_problems(window) is None
    dialog = window.show_definition_problems()
    assert isinstance(dialog, QDialog) and dialog.table.rowCount() == 0
    assert "without problems" in dialog.intro.text()
    window.canvas.shutdown()


def test_definition_problems_app_starts_and_logs_each_broken_file(city_gpkg, tmp_path):
    config = tmp_path / "config"
    user_layers = config / "layers"
    shutil.copytree(paths.layers_dir() / "valves", user_layers / "valves")
    broken = _break_valves(user_layers)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "GISDESK_CONFIG_DIR": str(config),
           "GISDESK_EXIT_AFTER_FIRST_MAP": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "gisdesk", "--lang", "en", str(city_gpkg)],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "first_map_seconds=" in result.stdout  # the map of the other layers was drawn
    problems = [ln for ln in result.stderr.splitlines() if "layer definition problem" in ln]
    assert len(problems) == 1
    assert str(broken) in problems[0] and "unknown domain 'valve_stats'" in problems[0]
