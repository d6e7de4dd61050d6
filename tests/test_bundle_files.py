"""The installer's source files, checked without building anything (fast, unlike test_bundle.py).

The icon set, the Linux desktop entry and MIME type, and the runtime hook's environment
isolation are plain files and functions: when they break, these tests say so in a second
instead of after a 1.5-minute bundle build.
"""

from __future__ import annotations

import configparser
import importlib.util
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parent.parent
INSTALLER = ROOT / "installer"
ICONS = ROOT / "resources" / "icons"


def _load(path: Path) -> ModuleType:
    """Import a script from installer/ (not a package) by path."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[path.stem] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def make_icons() -> ModuleType:
    return _load(INSTALLER / "make_icons.py")


@pytest.fixture(scope="module")
def geo_hook() -> ModuleType:
    return _load(INSTALLER / "rthooks" / "pyi_rth_gisdesk_geo.py")


def test_icon_set_is_complete(make_icons: ModuleType) -> None:
    assert make_icons.icon_problems() == []


def test_icon_check_notices_a_wrong_size(make_icons: ModuleType, tmp_path: Path) -> None:
    for path in ICONS.glob("gisdesk*"):
        shutil.copy(path, tmp_path / path.name)
    shutil.copy(ICONS / "gisdesk-16.png", tmp_path / "gisdesk-32.png")
    (tmp_path / "gisdesk-64.png").unlink()
    assert make_icons.icon_problems(tmp_path) == [
        "gisdesk-32.png is 16x16, not 32px with alpha",
        "missing gisdesk-64.png",
    ]


def test_icon_renders_an_opaque_emblem_on_a_transparent_corner(make_icons: ModuleType) -> None:
    """The SVG draws: corners stay transparent (rounded tile), the centre is solid."""
    image = QImage.fromData(make_icons.render_png(ICONS / "gisdesk.svg", 64))
    assert (image.width(), image.height()) == (64, 64)
    assert image.pixelColor(0, 0).alpha() == 0
    assert image.pixelColor(32, 32).alpha() == 255


def test_runtime_hook_moves_foreign_gdal_paths_aside(geo_hook: ModuleType) -> None:
    env = {"GDAL_DATA": "C:/OSGeo4W/share/gdal", "PROJ_LIB": "C:/OSGeo4W/share/proj",
           "PATH": "/usr/bin"}
    moved = geo_hook.isolate_geo_environment(env)
    assert moved == ["GDAL_DATA", "PROJ_LIB"]
    assert env == {
        "PATH": "/usr/bin",
        "GISDESK_HOST_GDAL_DATA": "C:/OSGeo4W/share/gdal",
        "GISDESK_HOST_PROJ_LIB": "C:/OSGeo4W/share/proj",
    }


def test_runtime_hook_keeps_them_when_the_admin_asks(geo_hook: ModuleType) -> None:
    env = {"GISDESK_KEEP_GEO_ENV": "1", "PROJ_DATA": "/opt/proj-grids"}
    assert geo_hook.isolate_geo_environment(env) == []
    assert env["PROJ_DATA"] == "/opt/proj-grids"


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(INSTALLER / "linux" / "gisdesk.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_launches_gisdesk_for_project_files() -> None:
    entry = _desktop_entry()
    assert entry["Exec"] == "gisdesk %F"  # install.sh rewrites it to the bundle's path
    assert entry["Icon"] == "gisdesk"
    assert "application/x-gisdesk-project" in entry["MimeType"].split(";")
    assert entry["Comment[id]"]  # Indonesian menu text
    if shutil.which("desktop-file-validate"):
        proc = subprocess.run(
            ["desktop-file-validate", str(INSTALLER / "linux" / "gisdesk.desktop")],
            capture_output=True, text=True, check=False,
        )
        assert proc.returncode == 0, proc.stdout + proc.stderr


def test_mime_type_matches_the_project_file_extension() -> None:
    from gisdesk.io.project_file import EXTENSION

    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    root = ET.parse(INSTALLER / "linux" / "gisdesk-mime.xml").getroot()
    mime = root.find("m:mime-type", ns)
    assert mime is not None and mime.get("type") == "application/x-gisdesk-project"
    glob = mime.find("m:glob", ns)
    assert glob is not None and glob.get("pattern") == f"*{EXTENSION}"


def test_nsis_script_associates_the_project_file_extension() -> None:
    from gisdesk.io.project_file import EXTENSION

    nsi = (INSTALLER / "windows" / "gisdesk.nsi").read_text(encoding="utf-8")
    assert f'!define PROJECT_EXT "{EXTENSION}"' in nsi
