"""Guard against PySide6 builds that over-release None in void painter calls.

PySide6-Essentials 6.12.0 on CPython 3.11 decremented None's refcount on every call returning
void; after ~1e5 calls CPython aborts in none_dealloc. The renderer makes that many calls, so a
regression would crash the app: we pin <6.12 and this test proves the installed build is sound.
"""

from __future__ import annotations

import sys


def test_render_none_refcount_stable_over_painter_calls(qapp):
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QColor, QImage, QPainter, QPen

    image = QImage(64, 64, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    pen = QPen(QColor(255, 0, 0))
    a, b = QPointF(1, 1), QPointF(40, 30)
    before = sys.getrefcount(None)
    for _ in range(5000):
        painter.setPen(pen)
        painter.drawLine(a, b)
    painter.end()
    after = sys.getrefcount(None)
    assert before - after < 100, f"None refcount dropped by {before - after}"
