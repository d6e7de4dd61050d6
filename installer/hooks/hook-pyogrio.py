"""PyInstaller hook for pyogrio, which pyinstaller-hooks-contrib does not cover yet.

pyogrio's wheel ships GDAL's and PROJ's data inside the package (``pyogrio/gdal_data``,
``pyogrio/proj_data``) and looks for them next to its own extension modules at import time, so
they must keep that relative place in the bundle. Without ``proj_data`` every reprojection done
by GDAL (reading with a target CRS, writing GeoJSON) fails with "proj.db not found".
On Windows the wheel is repaired by delvewheel, whose DLLs live in ``pyogrio.libs``.
"""

from PyInstaller.compat import is_win
from PyInstaller.utils.hooks import collect_data_files, collect_submodules

hiddenimports = collect_submodules("pyogrio", filter=lambda name: ".tests" not in name)
datas = collect_data_files("pyogrio", excludes=["tests", "tests/**"])
binaries: list[tuple[str, str]] = []

if is_win:
    from PyInstaller.utils.hooks import collect_delvewheel_libs_directory

    datas, binaries = collect_delvewheel_libs_directory("pyogrio", datas=datas, binaries=binaries)
