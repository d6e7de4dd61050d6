"""The GIS Desk application icon, for the window title bar, the task bar and the About box.

The icon files live in ``resources/icons/`` (``gisdesk.svg`` plus ``gisdesk-<N>.png`` renders).
The PNGs are added next to the SVG because an install without Qt's SVG image plugin can still
show them, and small sizes drawn by hand look sharper than a scaled-down SVG. A missing icon
never stops the app: it just keeps Qt's default.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication, QIcon

from gisdesk import paths

_PNG = re.compile(r"gisdesk-(\d+)\.png$")


def icon_files(folder: Path | None = None) -> list[Path]:
    """The icon files found: the SVG first, then the PNG renders from small to large."""
    folder = folder or paths.resources_dir() / "icons"
    found = [folder / "gisdesk.svg"] if (folder / "gisdesk.svg").is_file() else []
    pngs = [(int(m.group(1)), p) for p in folder.glob("gisdesk-*.png")
            if (m := _PNG.search(p.name))]
    return found + [p for _, p in sorted(pngs)]


def app_icon(folder: Path | None = None) -> QIcon:
    """The application icon; a null QIcon when no icon file is installed."""
    icon = QIcon()
    for path in icon_files(folder):
        match = _PNG.search(path.name)
        if match:
            side = int(match.group(1))
            icon.addFile(str(path), QSize(side, side))
        else:
            icon.addFile(str(path))
    return icon


def install_app_icon(app: QGuiApplication) -> bool:
    """Set the icon on ``app`` (every window inherits it); False when there is none."""
    icon = app_icon()
    if icon.isNull():
        return False
    app.setWindowIcon(icon)
    return True
