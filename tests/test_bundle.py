"""The desktop bundles: the PyInstaller build runs on its own, and the installers compile.

One session fixture runs ``scripts/build_bundle.sh`` into a temporary folder (about 1.5 minutes),
unpacks the tar.gz somewhere else and deletes the build output, so every test runs the program
*from the archive a user downloads*, in another directory, with a clean environment: no venv on
PATH, no PYTHONPATH, no GISDESK_HOME, HOME in a temp folder. Anything the bundle forgot (a
hidden import, GDAL's or PROJ's data, a Qt plugin, our data folders) fails here rather than on a
city PC.

Set ``GISDESK_TEST_BUNDLE_ARCHIVE`` to an existing ``gisdesk-*-linux-*.tar.gz`` to test that
archive instead of building one (for iterating on these tests).
"""

from __future__ import annotations

import configparser
import json
import os
import shutil
import subprocess
import tarfile
import time
from dataclasses import dataclass
from pathlib import Path

import pyogrio
import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtGui import QImage

import gisdesk
from gisdesk.licenses import COMPONENTS

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
BUILD_TIMEOUT_S = 1200
# Gorontalo city centre is about 123.06 E, 0.54 N; the sample city covers a few km around it.
LON_RANGE = (122.9, 123.2)
LAT_RANGE = (0.4, 0.7)


@dataclass(frozen=True)
class Bundle:
    """An unpacked Linux bundle and where it came from."""

    app_dir: Path  # the unpacked top folder: gisdesk, _internal/, install.sh, ...
    archive: Path
    build_seconds: float | None  # None when an existing archive was reused

    @property
    def exe(self) -> Path:
        return self.app_dir / "gisdesk"

    @property
    def internal(self) -> Path:
        """PyInstaller's ``sys._MEIPASS``: where gisdesk/paths.py finds the data folders."""
        return self.app_dir / "_internal"

    @property
    def sample(self) -> Path:
        return self.internal / "sample_data" / "gorontalo_sample.gpkg"


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Bundle:
    """Build the bundle once per session (or take ``$GISDESK_TEST_BUNDLE_ARCHIVE``), unpack it."""
    base = tmp_path_factory.mktemp("bundle")
    reuse = os.environ.get("GISDESK_TEST_BUNDLE_ARCHIVE")
    seconds = None
    if reuse:
        archive = Path(reuse)
    else:
        dist, work = base / "dist", base / "work"
        env = dict(os.environ, GISDESK_DIST_DIR=str(dist), GISDESK_BUILD_DIR=str(work))
        start = time.monotonic()
        proc = subprocess.run(
            ["bash", str(ROOT / "scripts" / "build_bundle.sh")], cwd=ROOT, env=env,
            capture_output=True, text=True, timeout=BUILD_TIMEOUT_S, check=False,
        )
        seconds = time.monotonic() - start
        assert proc.returncode == 0, f"build failed:\n{proc.stdout[-4000:]}\n{proc.stderr[-4000:]}"
        (archive,) = dist.glob("gisdesk-*-linux-*.tar.gz")
        # What users get is the archive: test that, elsewhere, and free the disk.
        shutil.rmtree(dist / "gisdesk")
        shutil.rmtree(work)
    unpacked = base / "unpacked"
    with tarfile.open(archive) as tar:
        tar.extractall(unpacked, filter="tar")
    (app_dir,) = unpacked.iterdir()
    return Bundle(app_dir=app_dir, archive=archive, build_seconds=seconds)


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """A user's environment with nothing of the developer's: no venv, no PYTHONPATH."""
    home.mkdir(parents=True, exist_ok=True)
    env = {
        "HOME": str(home),
        "PATH": "/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "TMPDIR": str(home),
    }
    env.update(extra)
    return env


def run(
    bundle: Bundle, args: list[str], cwd: Path, env: dict[str, str] | None = None,
    timeout: float = 180,
) -> subprocess.CompletedProcess[str]:
    """Run the bundled program from ``cwd`` (never the bundle folder) and require success."""
    proc = subprocess.run(
        [str(bundle.exe), *args], cwd=cwd, env=env or clean_env(cwd / "home"),
        capture_output=True, text=True, timeout=timeout, check=False,
    )
    assert proc.returncode == 0, f"{args} -> {proc.returncode}\n{proc.stdout}\n{proc.stderr}"
    return proc


def test_bundle_build_fits_in_ci(bundle: Bundle) -> None:
    """The build (PyInstaller + tar.gz) must stay cheap enough to run on every CI pass."""
    if bundle.build_seconds is None:
        pytest.skip("reusing $GISDESK_TEST_BUNDLE_ARCHIVE: nothing was built")
    size_mb = bundle.archive.stat().st_size / 2**20
    print(f"\nbundle build: {bundle.build_seconds:.0f} s, archive {size_mb:.0f} MB")
    assert bundle.build_seconds < 600


def test_bundle_prints_its_version(bundle: Bundle, tmp_path: Path) -> None:
    proc = run(bundle, ["--version"], cwd=tmp_path)
    assert proc.stdout.strip() == f"gisdesk {gisdesk.__version__}"


def test_bundle_info_reads_the_bundled_sample_city(bundle: Bundle, tmp_path: Path) -> None:
    """A GeoPackage read through the bundled pyogrio/GDAL, found via the bundle's data root."""
    proc = run(bundle, ["info", "--json", str(bundle.sample)], cwd=tmp_path)
    layers = {layer["name"]: layer for layer in json.loads(proc.stdout)["layers"]}
    assert {"roads", "water_mains", "valves", "hydrants", "districts"} <= set(layers)
    assert layers["hydrants"]["feature_count"] > 100
    assert layers["roads"]["crs"] == "EPSG:32651"


def test_bundle_renders_a_map_to_png(bundle: Bundle, tmp_path: Path) -> None:
    """Qt's offscreen platform, fonts and our renderer all work inside the bundle."""
    out = tmp_path / "map.png"
    run(bundle, ["render", str(bundle.sample), "--out", str(out), "--width", "640",
                 "--height", "480"], cwd=tmp_path)
    assert out.stat().st_size > 20_000
    image = QImage(str(out))
    assert (image.width(), image.height()) == (640, 480)
    colours = {image.pixel(x, y) for x in range(0, 640, 8) for y in range(0, 480, 8)}
    assert len(colours) > 50, "the map is (nearly) one colour: nothing was drawn"


def _hostile_geo_env(tmp_path: Path) -> dict[str, str]:
    """GDAL/PROJ variables like a QGIS/OSGeo4W install leaves behind, pointing at junk.

    A broken ``proj.db`` (an empty file) is worse than a missing one: a bundled library that
    took these paths would fail to reproject rather than fall back.
    """
    junk = tmp_path / "foreign_gis"
    junk.mkdir()
    (junk / "proj.db").write_bytes(b"")
    return {name: str(junk) for name in ("GDAL_DATA", "PROJ_DATA", "PROJ_LIB", "GDAL_DRIVER_PATH")}


@pytest.mark.parametrize("foreign_gis_env", [False, True], ids=["clean", "foreign-gdal-env"])
def test_bundle_reprojects_to_lon_lat(
    bundle: Bundle, tmp_path: Path, foreign_gis_env: bool
) -> None:
    """UTM 51N → EPSG:4326 twice: GeoJSON (pyproj's PROJ) and GeoPackage (GDAL's PROJ)."""
    extra = _hostile_geo_env(tmp_path) if foreign_gis_env else {}
    env = clean_env(tmp_path / "home", **extra)
    geojson = tmp_path / "hydrants.geojson"
    run(bundle, ["export-layer", str(bundle.sample), "--layer", "hydrants", "--out", str(geojson)],
        cwd=tmp_path, env=env)
    features = json.loads(geojson.read_text(encoding="utf-8"))["features"]
    points = [f["geometry"]["coordinates"][:2] for f in features]  # hydrants are points
    assert len(points) > 100
    assert all(LON_RANGE[0] < x < LON_RANGE[1] and LAT_RANGE[0] < y < LAT_RANGE[1]
               for x, y in points)

    gpkg = tmp_path / "valves_wgs84.gpkg"
    run(bundle, ["export-layer", str(bundle.sample), "--layer", "valves", "--out", str(gpkg),
                 "--crs", "EPSG:4326"], cwd=tmp_path, env=env)
    info = pyogrio.read_info(gpkg)
    assert info["crs"] == "EPSG:4326"
    minx, miny, maxx, maxy = info["total_bounds"]
    assert LON_RANGE[0] < minx < maxx < LON_RANGE[1]
    assert LAT_RANGE[0] < miny < maxy < LAT_RANGE[1]


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(folder)): (p.lstat().st_size, p.lstat().st_mtime_ns)
            for p in folder.rglob("*")}


def test_bundle_opens_the_desktop_app_in_indonesian(bundle: Bundle, tmp_path: Path) -> None:
    """The GUI starts, opens the bundled sample city and finishes drawing the first map,
    writing nothing into the program folder (an office install is read-only: Program Files)."""
    env = clean_env(tmp_path / "home", GISDESK_EXIT_AFTER_FIRST_MAP="1")
    before = _snapshot(bundle.app_dir)
    proc = run(bundle, ["--lang", "id"], cwd=tmp_path, env=env, timeout=180)
    assert "first_map_seconds=" in proc.stdout
    assert _snapshot(bundle.app_dir) == before


def test_bundle_ships_the_indonesian_translation(bundle: Bundle) -> None:
    qm = bundle.internal / "resources" / "translations" / "gisdesk_id.qm"
    translator = QTranslator()
    assert translator.load(str(qm)), f"{qm} is missing or not a .qm file"
    assert translator.translate("QPlatformTheme", "Cancel") == "Batal"


def test_bundle_holds_its_data_and_no_development_junk(bundle: Bundle) -> None:
    """Data folders at the bundle root, each geo library's own data, and nothing else."""
    internal = bundle.internal
    for needed in [
        "layers/roads", "layers/water_mains", "resources/web/leaflet/leaflet.js",
        "resources/print/templates", "resources/icons/gisdesk.svg",
        "pyogrio/gdal_data", "pyogrio/proj_data/proj.db", "pyproj/proj_dir/share/proj/proj.db",
        "fiona/gdal_data", "fiona/proj_data/proj.db",
        "PySide6/Qt/plugins/platforms/libqxcb.so", "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/plugins/imageformats/libqsvg.so", "PySide6/Qt/plugins/iconengines",
    ]:
        assert (internal / needed).exists(), f"bundle lacks {needed}"
    assert list((internal / "layers").rglob("*.yaml")), "no layer definitions in the bundle"
    # Help > About reads each component's version from its package metadata.
    metadata = {p.name.split("-")[0].lower() for p in internal.glob("*.dist-info")}
    wanted = {c.distribution.replace("-", "_").lower() for c in COMPONENTS
              if c.distribution and c.distribution != "gisdesk"}  # gisdesk: __version__
    assert wanted - metadata == set()
    assert not list(internal.glob("gisdesk*.egg-info")), "the checkout's build metadata leaked in"

    junk = []
    total = 0
    for path in bundle.app_dir.rglob("*"):
        rel = path.relative_to(bundle.app_dir)
        if path.is_symlink() and not path.exists():
            junk.append(f"dangling link {rel}")
        if path.is_dir() and path.name in {"tests", ".venv", "site-packages", "__pycache__"}:
            junk.append(str(rel))
        if path.suffix in {".ts", ".pyx", ".pxd"} or path.name == "conftest.py":
            junk.append(str(rel))
        if path.is_file() and not path.is_symlink():
            total += path.stat().st_size
    assert not list(internal.glob("gisdesk/**/*.py")), "app sources outside the PYZ archive"
    assert not (internal / "PySide6" / "Qt" / "translations").exists()
    assert not list(internal.glob("libgtk-3*")), "the GTK theme stack crept back in"
    assert junk == []
    # 550 MB when written (pyarrow ~100 MB, three GDAL/PROJ stacks ~250 MB, Qt ~90 MB).
    assert total < 700 * 2**20, f"bundle grew to {total / 2**20:.0f} MB"


def _desktop_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_install_script_registers_menu_entry_icon_and_project_type(
    bundle: Bundle, tmp_path: Path
) -> None:
    """install.sh puts a valid entry, icons and the .gdproj type under ~/.local/share, and
    --uninstall takes exactly them away again."""
    home = tmp_path / "home"
    env = clean_env(home)
    script = bundle.app_dir / "install.sh"
    subprocess.run(["sh", str(script)], cwd=tmp_path, env=env, check=True, capture_output=True)
    share = home / ".local" / "share"
    desktop = share / "applications" / "gisdesk.desktop"
    entry = _desktop_entry(desktop)
    assert entry["Exec"] == f'"{bundle.exe}" %F'
    assert entry["Icon"] == "gisdesk"
    assert "application/x-gisdesk-project" in entry["MimeType"].split(";")
    assert {"Science", "Geography"} <= set(entry["Categories"].split(";"))
    assert (share / "icons/hicolor/256x256/apps/gisdesk.png").is_file()
    assert (share / "icons/hicolor/scalable/apps/gisdesk.svg").is_file()
    mime = (share / "mime/packages/gisdesk.xml").read_text(encoding="utf-8")
    assert '<glob pattern="*.gdproj"/>' in mime
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True,
                               text=True, check=False)
        assert check.returncode == 0, check.stdout + check.stderr
    # The ~/.local/bin link runs the bundle too (PyInstaller resolves the link to find _internal).
    linked = subprocess.run([str(home / ".local/bin/gisdesk"), "--version"], cwd=tmp_path, env=env,
                            capture_output=True, text=True, check=False)
    assert linked.stdout.strip() == f"gisdesk {gisdesk.__version__}"

    subprocess.run(["sh", str(script), "--uninstall"], cwd=tmp_path, env=env, check=True,
                   capture_output=True)
    left = [p.name for p in share.rglob("*gisdesk*") if p.is_file()]
    assert left == []
    assert not (home / ".local/bin/gisdesk").exists()


def test_windows_installer_script_compiles(bundle: Bundle, tmp_path: Path) -> None:
    """makensis accepts installer/windows/gisdesk.nsi, warnings as errors.

    The payload is the Linux bundle standing in for the Windows one (which cannot be built
    here), so this proves the script compiles, not that the setup .exe works on Windows.
    """
    if shutil.which("makensis") is None:
        pytest.skip("makensis not installed (apt-get install nsis; scripts/bootstrap.sh does)")
    proc = subprocess.run(
        ["bash", str(ROOT / "installer" / "build_windows_installer.sh"), str(bundle.app_dir),
         str(tmp_path)],
        cwd=ROOT, env=dict(os.environ, NSIS_FAST="1"), capture_output=True, text=True,
        timeout=600, check=False,
    )
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-4000:]
    setup = tmp_path / f"gisdesk-{gisdesk.__version__}-windows-x64-setup.exe"
    with setup.open("rb") as f:
        assert f.read(2) == b"MZ"  # a Windows executable
    assert setup.stat().st_size > 100 * 2**20  # the payload is inside
