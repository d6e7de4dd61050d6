"""The core never imports Qt: everything outside gisdesk/ui/ must run headless (CLI, servers)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import gisdesk

PACKAGE = Path(gisdesk.__file__).resolve().parent


def _core_modules() -> list[str]:
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        parts = rel.parts
        if parts[1:2] == ("ui",) or parts[-1] == "__main__":
            continue
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names.append(".".join(parts))
    return names


def test_architecture_core_modules_are_found():
    modules = _core_modules()
    assert "gisdesk.core.project" in modules
    assert not any(m.startswith("gisdesk.ui") for m in modules)


def test_architecture_core_never_imports_qt():
    code = (
        "import importlib, sys\n"
        f"for name in {_core_modules()!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"core imported Qt: {result.stdout.strip()}"


def test_architecture_no_qt_import_outside_ui_even_lazily():
    """Imports inside functions escape the import test above; read every module's source."""
    import ast

    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.relative_to(PACKAGE).parts[0] == "ui":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            if any(n.split(".")[0] in ("PySide6", "pyqtgraph") for n in names):
                offenders.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}")
    assert offenders == []
