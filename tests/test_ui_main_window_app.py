"""The app entry point end to end: a real process opens a file and draws the first map."""

from __future__ import annotations

import os
import subprocess
import sys


def test_main_window_app_process_opens_file_and_reports_first_map(city_gpkg, tmp_path):
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "GISDESK_CONFIG_DIR": str(tmp_path / "config"),
        "GISDESK_EXIT_AFTER_FIRST_MAP": "1",
    }
    result = subprocess.run(
        [sys.executable, "-m", "gisdesk", "--lang", "en", str(city_gpkg)],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    lines = [ln for ln in result.stdout.splitlines() if ln.startswith("first_map_seconds=")]
    assert len(lines) == 1
    assert float(lines[0].split("=")[1]) > 0
    # the window remembered its state and the file for next time
    ini = (tmp_path / "config" / "gisdesk.ini").read_text(encoding="utf-8")
    assert "city.gpkg" in ini and "last_extent" in ini


def test_main_window_app_generates_missing_sample_into_user_config(
    qtbot, tmp_path, monkeypatch
):
    import pyogrio

    from gisdesk import paths
    from gisdesk.core.definitions import default_catalog
    from gisdesk.core.project import Project
    from gisdesk.ui import app
    from gisdesk.ui.main_window import MainWindow
    from gisdesk.ui.settings import AppSettings

    monkeypatch.setenv("GISDESK_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setattr(paths, "sample_city_path", lambda: tmp_path / "ship" / "city.gpkg")
    window = MainWindow(Project(catalog=default_catalog()), AppSettings(tmp_path / "s.ini"))
    qtbot.addWidget(window)

    made = app.sample_city(window)
    assert made == tmp_path / "config" / "sample_data" / "city.gpkg"
    names = {str(n) for n in pyogrio.list_layers(made)[:, 0]}
    assert {"roads", "water_mains", "valves", "hydrants"} <= names
    stamp = made.stat().st_mtime_ns
    assert app.sample_city(window) == made and made.stat().st_mtime_ns == stamp  # reused
    window.canvas.shutdown()


def test_main_window_app_desktop_file_name_matches_the_linux_launcher(qapp):
    from pathlib import Path

    from PySide6.QtGui import QGuiApplication

    from gisdesk.ui.app import create_application

    assert create_application() is qapp
    assert QGuiApplication.desktopFileName() == "gisdesk"
    launcher = Path(__file__).resolve().parents[1] / "installer" / "linux" / "gisdesk.desktop"
    assert launcher.is_file()  # Wayland matches the window to this file's Icon/Name
