"""The io layer runs without Qt (the CLI and the workers import it headless)."""

from __future__ import annotations

import subprocess
import sys


def test_io_headless_imports_no_qt():
    code = (
        "import sys, gisdesk.io.readers, gisdesk.io.reproject, gisdesk.commands.info;"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
