"""No writable settings folder: the app and the commands stop with a message saying what to do
(was a traceback from mkdir)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from gisdesk import paths


@pytest.mark.parametrize("args", [[], ["query", "{sample}", "--layer", "valves"]],
                         ids=["app", "query"])
def test_cli_config_dir_unwritable_is_explained(tmp_path: Path, args: list[str]) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the config folder should go")
    env = {k: v for k, v in os.environ.items() if k != "GISDESK_CONFIG_DIR"}
    env.update(XDG_CONFIG_HOME=str(blocker / "cfg"), APPDATA=str(blocker / "cfg"),
               QT_QPA_PLATFORM="offscreen")
    argv = [a.format(sample=paths.sample_city_path()) for a in args]
    proc = subprocess.run([sys.executable, "-m", "gisdesk", *argv], capture_output=True,
                          text=True, env=env, cwd=tmp_path, timeout=120, check=False)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert f"cannot create the settings folder {blocker / 'cfg' / 'gisdesk'}" in proc.stderr
    assert "GISDESK_CONFIG_DIR" in proc.stderr
    assert blocker.read_text().startswith("a file")  # nothing was written over it
