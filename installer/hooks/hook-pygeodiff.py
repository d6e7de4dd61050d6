"""PyInstaller hook for pygeodiff (the GeoPackage diff engine behind sync).

pygeodiff loads its native library with ``ctypes.CDLL`` from a path built at run time, which
PyInstaller's import analysis cannot see; collect the library into ``pygeodiff/`` where the
package looks for it. Its own dependencies (a private SQLite) are found by binary analysis.
"""

from PyInstaller.compat import is_win
from PyInstaller.utils.hooks import collect_dynamic_libs

# On Windows the library is named ``pygeodiff-<ver>-python.pyd``, which the default patterns miss.
binaries = collect_dynamic_libs(
    "pygeodiff", search_patterns=["lib*.so", "*.dylib", "*.dll", "*.pyd"]
)
datas: list[tuple[str, str]] = []

if is_win:
    from PyInstaller.utils.hooks import collect_delvewheel_libs_directory

    datas, binaries = collect_delvewheel_libs_directory("pygeodiff", datas=datas, binaries=binaries)
