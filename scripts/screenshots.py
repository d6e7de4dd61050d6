"""Save docs/screenshot_en.png and docs/screenshot_id.png: the main window on the sample city.

Runs headless (Qt's offscreen platform unless a display is set, e.g. under ``xvfb-run``) with a
throw-away config folder, so the pictures never depend on the developer's own settings. Each
shot shows the map zoomed into the city centre, an identify click on a hydrant (the panel lists
every feature hit, top layer first) and selected valves, in the given UI language.

Usage: ``.venv/bin/python scripts/screenshots.py [--out docs] [--data FILE]``
"""

# ruff: noqa: PLC0415 - gisdesk is imported after the environment (Qt platform, config dir) is set

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _wait_for(app, done: Callable[[], bool], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not finish loading in time")
        app.processEvents()
        time.sleep(0.01)


def _settle(app, window) -> None:
    """Wait until no job runs and the canvas has drawn the current view."""
    _wait_for(app, lambda: not window.jobs.active)
    _wait_for(app, lambda: not window.canvas.is_rendering)
    for _ in range(20):
        app.processEvents()


def _stage(window) -> None:
    """Zoom to the centre, identify the hydrant nearest to it and select valves around it."""
    from gisdesk.ui.canvas.map_canvas import Tool

    full = window.project.full_extent()
    cx, cy = (full[0] + full[2]) / 2, (full[1] + full[3]) / 2
    hydrants = window.project.layer("hydrants")
    if hydrants is not None and len(hydrants.frame):
        geoms = hydrants.frame.geometry
        nearest = geoms.distance(geoms.iloc[0].__class__(cx, cy)).idxmin()
        hydrant = geoms.loc[nearest]
        cx, cy = hydrant.x, hydrant.y
    window.canvas.set_extent((cx - 900, cy - 560, cx + 900, cy + 560), margin=0.0)
    window.canvas.set_tool(Tool.IDENTIFY)
    window.tool_actions[Tool.IDENTIFY].setChecked(True)
    window.canvas.clicked_world.emit(cx, cy)
    window.canvas.mouse_moved_world.emit(cx + 120, cy + 80)  # the status bar shows a position
    if window.layers_panel is not None and window.project.layer("valves") is not None:
        window.layers_panel.select_layer("valves")
        window.canvas.rect_selected_world.emit(cx - 400, cy - 300, cx + 400, cy + 300)


def shoot(lang: str, data: Path, out: Path) -> Path:
    """Open ``data`` in a fresh main window in ``lang`` and save the window's picture."""
    from gisdesk.core.definitions import default_catalog
    from gisdesk.core.project import Project
    from gisdesk.ui import i18n
    from gisdesk.ui.app import create_application
    from gisdesk.ui.main_window import MainWindow

    # A fresh config folder per shot: no window state or last extent carries over.
    os.environ["GISDESK_CONFIG_DIR"] = tempfile.mkdtemp(prefix=f"gisdesk-shots-{lang}-")
    app = create_application()
    if not i18n.install_language(app, lang):
        raise SystemExit(f"language '{lang}' is not installed (no .qm in resources/translations)")
    window = MainWindow(Project(catalog=default_catalog()))
    window.canvas.set_language(lang)
    window.resize(1440, 900)
    window.show()
    window.open_path(data)
    _settle(app, window)
    _stage(window)
    _settle(app, window)
    target = out / f"screenshot_{lang}.png"
    if not window.grab().save(str(target)):
        raise SystemExit(f"could not write {target}")
    window.close()
    app.processEvents()
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    parser.add_argument("--data", type=Path, help="data file (default: the sample city)")
    parser.add_argument("--lang", action="append", help="language(s), default: en and id")
    args = parser.parse_args()
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from gisdesk import paths

    data = args.data or paths.sample_city_path()
    if not data.exists():
        raise SystemExit(f"{data} does not exist: generate the sample city first")
    args.out.mkdir(parents=True, exist_ok=True)
    for lang in args.lang or ["en", "id"]:
        print(shoot(lang, data, args.out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
