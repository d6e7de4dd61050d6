"""Generating a city never loads Qt: the generator is core code used by the CLI and tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_sampledata_generation_imports_no_qt(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from gisdesk.sampledata import generate_city\n"
        f"generate_city({str(tmp_path / 'c.gpkg')!r}, scale=0.02)\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph')))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == ""
    assert (tmp_path / "c.gpkg").is_file()
