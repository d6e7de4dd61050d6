"""A non-editable ``pip install .`` finds layers/, resources/ and sample_data/ outside gisdesk/."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def test_install_every_layer_folder_is_packaged() -> None:
    """A layer folder in the repo but not in pyproject's data-files would vanish on install."""
    config = tomllib.loads((REPO / "pyproject.toml").read_text())
    data_files = config["tool"]["setuptools"]["data-files"]
    folders = {p.name for p in (REPO / "layers").iterdir() if p.is_dir()}
    packaged = {Path(k).name for k in data_files if k.startswith("share/gisdesk/layers/")}
    assert folders == packaged


def test_install_every_resource_folder_is_packaged() -> None:
    """Every file under resources/ is matched by a data-files entry (the licences once were not,
    so the installed About box had no licence texts)."""
    config = tomllib.loads((REPO / "pyproject.toml").read_text())
    data_files = config["tool"]["setuptools"]["data-files"]
    packaged = {
        match.relative_to(REPO)
        for patterns in data_files.values() for pattern in patterns
        for match in REPO.glob(pattern)
    }
    shipped = {
        p.relative_to(REPO) for p in (REPO / "resources").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    assert sorted(map(str, shipped - packaged)) == []


@pytest.mark.slow
def test_install_noneditable_finds_data_folders(tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    py = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    # Reuse this environment's dependencies instead of downloading them again, but not its
    # (editable) gisdesk: a .pth line adds the folder without processing its own .pth files.
    site = subprocess.run(
        [str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()
    Path(site, "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run(
        [str(py), "-m", "pip", "install", "-q", "--no-deps", str(REPO)],
        check=True, cwd=tmp_path,
    )
    probe = (
        "from gisdesk import paths, __file__ as f\n"
        "from gisdesk.core.definitions import default_catalog\n"
        "c = default_catalog()\n"
        "print(f); print(paths.layers_dir()); print(paths.sample_city_path().exists())\n"
        "print(len(c.layers), len(c.errors))\n"
        "r = paths.resources_dir()\n"
        "print((r / 'print' / 'templates' / 'a4_portrait.json').is_file(),"
        " (r / 'licenses' / 'GDAL.txt').is_file())\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("GISDESK_HOME", "PYTHONPATH")}
    env["GISDESK_CONFIG_DIR"] = str(tmp_path / "config")
    out = subprocess.run(
        [str(py), "-c", probe], check=True, capture_output=True, text=True, cwd=tmp_path, env=env
    ).stdout.splitlines()
    assert Path(out[0]).is_relative_to(venv), "gisdesk imported from the checkout, not the install"
    assert Path(out[1]) == venv / "share" / "gisdesk" / "layers"
    assert out[2] == "True"
    assert out[3] == "10 0"
    assert out[4] == "True True", "print templates or licence texts missing from the install"
    version = subprocess.run(
        [str(venv / "bin" / "gisdesk"), "--version"], check=True, capture_output=True, text=True,
        env=env, cwd=tmp_path,
    ).stdout
    assert version.startswith("gisdesk ")
