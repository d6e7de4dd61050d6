"""The Qt application the headless commands paint with (render, export-map).

Kept in the UI package so the commands never import Qt themselves: they ask for this, then call
the renderer and the print layout, which are Qt's QPainter underneath.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication


def painting_application() -> QCoreApplication:
    """The running application, or an offscreen QGuiApplication (no display needed)."""
    existing = QCoreApplication.instance()
    if existing is not None:
        return existing
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QGuiApplication([])
