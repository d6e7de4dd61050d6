"""Start the desktop app: QApplication, language, main window and the first data to show.

With no files on the command line the app opens the sample city, generating it into the
user's config folder first if the install does not ship it. Environment switches:

``GISDESK_EXIT_AFTER_FIRST_MAP=1``
    Print ``first_map_seconds=<s>`` (process start until the first map of the data is painted
    on screen: for a big file, what its first pass read), ``loaded_seconds=<s>`` (every file
    read in full and painted), then ``ready_seconds=<s>`` (every menu installed) and quit;
    ``bench/bench_launch.py`` uses it.

Launch order: the window is built without the feature menus (editing, analysis, sync, tables,
print), the files start reading, and the features are installed right after the first map is
drawn (see :func:`_install_features_after_first_map`), so the user sees the city without
waiting for modules only those menus need.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

# The data stack is imported before Qt on purpose: once PySide6 is loaded its import hook
# inspects every later import, which makes pandas/geopandas noticeably slower to load.
import geopandas  # noqa: F401
import pyogrio  # noqa: F401
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from gisdesk import paths
from gisdesk.core.definitions import default_catalog
from gisdesk.core.project import Project
from gisdesk.ui import i18n
from gisdesk.ui.main_window import MainWindow

_IMPORTED_AT = time.perf_counter()
EXIT_AFTER_FIRST_MAP = "GISDESK_EXIT_AFTER_FIRST_MAP"


def seconds_since_process_start() -> float:
    """Wall time since this process started (Linux /proc), else since this module loaded."""
    try:
        stat = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
        started = int(stat[19]) / os.sysconf("SC_CLK_TCK")
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return uptime - started
    except (OSError, IndexError, ValueError):
        return time.perf_counter() - _IMPORTED_AT


def create_application() -> QApplication:
    """The QApplication with the names QSettings and the About box use (reused if it exists)."""
    QCoreApplication.setOrganizationName("GISDesk")
    QCoreApplication.setApplicationName("GIS Desk")
    # installer/linux/gisdesk.desktop: lets Wayland/GNOME match the window to its launcher icon
    QGuiApplication.setDesktopFileName("gisdesk")
    app = QApplication.instance()
    app = app if isinstance(app, QApplication) else QApplication(sys.argv[:1])
    from gisdesk.ui.app_icon import install_app_icon  # noqa: PLC0415 - tiny, Qt-only

    install_app_icon(app)  # title bar, task bar and dialogs; keeps Qt's default if missing
    return app


def show_startup_error(message: str) -> None:
    """A problem that stops GIS Desk from starting, in a window: the Windows program has no
    console, so a message on stderr alone would leave the user with nothing."""
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        return  # headless (tests, CI): stderr carries it
    create_application()
    QMessageBox.critical(None, QCoreApplication.translate("App", "GIS Desk cannot start"),
                         message)


def _generate_sample(target: Path, parent: MainWindow) -> Path | None:
    """Build the sample city with :mod:`gisdesk.sampledata`, showing a progress dialog."""
    try:
        from gisdesk import sampledata  # noqa: PLC0415 - only needed on a first start
    except ImportError:
        return None
    dialog = QProgressDialog(
        QCoreApplication.translate("App", "Preparing the sample city of Gorontalo…"),
        "", 0, 0, parent,
    )
    dialog.setCancelButton(None)
    dialog.setMinimumDuration(0)
    dialog.show()
    QCoreApplication.processEvents()
    def progress(layer: str, count: int, _seconds: float) -> None:
        dialog.setLabelText(
            QCoreApplication.translate("App", "Preparing the sample city: {layer} ({n})")
            .format(layer=layer, n=count)
        )
        QCoreApplication.processEvents()

    try:
        sampledata.generate_city(target, progress=progress)
    except Exception as exc:  # a failed sample must not stop the app from opening
        QMessageBox.warning(
            parent, QCoreApplication.translate("App", "Sample city unavailable"),
            QCoreApplication.translate(
                "App", "Could not create the sample data in {path}: {error}\n"
                "Use File ▸ Open Data to open your own files."
            ).format(path=target, error=exc),
        )
        return None
    finally:
        dialog.close()
    return target if target.exists() else None


def sample_city(parent: MainWindow) -> Path | None:
    """The bundled sample GeoPackage, or one generated in the user config folder."""
    bundled = paths.sample_city_path()
    if bundled.exists():
        return bundled
    generated = paths.user_config_dir() / "sample_data" / bundled.name
    if generated.exists():
        return generated
    generated.parent.mkdir(parents=True, exist_ok=True)
    return _generate_sample(generated, parent)


FEATURES_LATEST_MS = 2500
"""Install the feature menus after this long even when no map came (nothing to open, a
non-spatial file, a big file still reading): a slow read must not leave the menus missing."""


def _install_features_after_first_map(window: MainWindow) -> None:
    """Install the window's feature menus once the first map of opened data is drawn.

    Also when every open ended without layers (a failed or empty file), when nothing is being
    opened, or after :data:`FEATURES_LATEST_MS`. Queued, so the map is painted first.
    """

    def install() -> None:
        if not window.has_features:
            window.install_features()

    def on_map() -> None:
        if window.project.layers:
            window.canvas.map_shown.disconnect(on_map)
            QTimer.singleShot(0, install)

    def on_idle() -> None:
        if not window.jobs.active and not window.canvas.is_rendering:
            install()

    window.canvas.map_shown.connect(on_map)
    window.data_loaded.connect(lambda: QTimer.singleShot(0, on_idle))
    QTimer.singleShot(0, on_idle)
    QTimer.singleShot(FEATURES_LATEST_MS, install)


def _exit_after_first_map(app: QApplication, window: MainWindow) -> None:
    """Print when the first map of opened data was painted (for a big file, the first pass:
    what the map shows), when every requested file is loaded in full and painted, then when
    the feature menus are in too, and quit."""
    first: list[float] = []

    def quit_when_ready() -> None:
        print(f"ready_seconds={seconds_since_process_start():.3f}", flush=True)
        QTimer.singleShot(0, window.close)
        QTimer.singleShot(0, app.quit)

    def check() -> None:
        if not window.project.layers or window.canvas.is_rendering:
            return
        if not first:
            first.append(seconds_since_process_start())
            print(f"first_map_seconds={first[0]:.3f}", flush=True)
        if window.is_loading:
            return
        print(f"loaded_seconds={seconds_since_process_start():.3f}", flush=True)
        window.canvas.map_shown.disconnect(check)
        if window.has_features:
            quit_when_ready()
        else:
            window.features_installed.connect(quit_when_ready)

    window.canvas.map_shown.connect(check)


def _start_up(window: MainWindow) -> None:
    from gisdesk.ui.welcome import start_up  # noqa: PLC0415 - lazy: not on the launch path

    start_up(window)


def run_app(files: list[str], lang: str | None = None) -> int:
    """Open the main window on ``files`` (default: the sample city) and run the event loop."""
    app = create_application()
    lang = i18n.preferred_language(lang)
    i18n.install_language(app, lang)  # also routes gisdesk.i18n.translate through Qt
    project = Project(catalog=default_catalog())
    window = MainWindow(project, defer_features=True)
    window.canvas.set_language(lang)
    targets = [Path(f) for f in files]
    if not targets and paths.sample_city_path().exists():
        targets = [paths.sample_city_path()]
    for path in targets:
        window.open_path(path)  # reading starts while the window appears
    window.show()
    if not targets:
        sample = sample_city(window)  # generated on a first start without a bundled sample
        if sample is not None:
            window.open_path(sample)
    if not os.environ.get(EXIT_AFTER_FIRST_MAP):
        # First start: the welcome (then who is editing); later starts: the profile question
        # while unanswered. After the first map and the feature menus it offers (check out,
        # profile), so it never delays the map.
        window.features_installed.connect(lambda: QTimer.singleShot(0, lambda: _start_up(window)))
    _install_features_after_first_map(window)
    if project.catalog.errors:  # logged, and a status-bar button lists them (Help menu too)
        from gisdesk.ui.dialogs.definition_problems_dialog import (  # noqa: PLC0415 - rare
            announce_definition_problems,
        )

        announce_definition_problems(window)
    if os.environ.get(EXIT_AFTER_FIRST_MAP):
        _exit_after_first_map(app, window)
    return app.exec()
