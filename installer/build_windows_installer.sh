#!/usr/bin/env bash
# Make the Windows installer (setup .exe) from a PyInstaller one-folder build with NSIS.
#
#     installer/build_windows_installer.sh [DIST_FOLDER] [OUT_FOLDER]
#
#     DIST_FOLDER  the one-folder build made ON WINDOWS (gisdesk.exe, gisdesk-cli.exe, _internal\);
#                  default dist/gisdesk
#     OUT_FOLDER   where gisdesk-<version>-windows-x64-setup.exe goes; default dist
#     NSIS_FAST=1  store files uncompressed (seconds instead of minutes; for tests only)
#
# makensis runs on Windows (Git Bash / MSYS2, with NSIS on PATH) and on Linux (`apt-get install
# nsis`). A Windows build cannot be made on Linux: given the Linux dist folder this script still
# produces a setup .exe, which proves the script compiles but installs Linux files — do not ship it.
set -euo pipefail
cd "$(dirname "$0")/.."

DIST=${1:-dist/gisdesk}
OUT=${2:-dist}
command -v makensis >/dev/null 2>&1 || {
  echo "build_windows_installer: makensis not found (Debian/Ubuntu: apt-get install nsis; Windows: https://nsis.sourceforge.io)" >&2
  exit 1
}
[ -d "$DIST" ] || { echo "build_windows_installer: $DIST not found; build the bundle first" >&2; exit 1; }

PY=.venv/bin/python
[ -x "$PY" ] || PY=.venv/Scripts/python.exe
VERSION=$("$PY" -c "import gisdesk; print(gisdesk.__version__)")
if [ ! -f "$DIST/gisdesk.exe" ]; then
  echo "build_windows_installer: warning: $DIST has no gisdesk.exe — not a Windows build; the installer is only a compile check" >&2
fi

mkdir -p "$OUT"
args=(-V2 -WX "-DDIST=$(cd "$DIST" && pwd)" "-DVERSION=$VERSION" "-DOUTDIR=$(cd "$OUT" && pwd)"
      "-DICON=$(pwd)/resources/icons/gisdesk.ico")
[ "${NSIS_FAST:-0}" = 1 ] && args+=(-DFAST)
start=$(date +%s)
makensis "${args[@]}" "$(pwd)/installer/windows/gisdesk.nsi"
echo "== $OUT/gisdesk-$VERSION-windows-x64-setup.exe in $(($(date +%s) - start)) s"
