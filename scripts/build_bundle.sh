#!/usr/bin/env bash
# Build the Linux bundle of GIS Desk: a PyInstaller one-folder build and a tar.gz of it.
#
#     scripts/build_bundle.sh            -> dist/gisdesk/  and  dist/gisdesk-<version>-linux-x86_64.tar.gz
#     scripts/build_bundle.sh --no-tar   -> only dist/gisdesk/ (quicker, for trying it out)
#
# Environment:
#     GISDESK_DIST_DIR   output folder (default: dist)         — the bundle test builds into a temp dir
#     GISDESK_BUILD_DIR  PyInstaller work folder (default: build/pyinstaller)
#
# Needs the .venv from scripts/bootstrap.sh; installs the `bundle` extra (PyInstaller, Pillow) into
# it when missing. The bundle runs on Linux distributions with a glibc at least as new as the build
# machine's (build on the oldest distribution you support; Debian 12 → glibc 2.36).
set -euo pipefail
cd "$(dirname "$0")/.."

PY=.venv/bin/python
DIST=${GISDESK_DIST_DIR:-dist}
WORK=${GISDESK_BUILD_DIR:-build/pyinstaller}
MAKE_TAR=1
[ "${1:-}" = "--no-tar" ] && MAKE_TAR=0

if [ ! -x "$PY" ]; then
  echo "build_bundle: $PY not found; run scripts/bootstrap.sh first" >&2
  exit 1
fi

if ! "$PY" -c "import PyInstaller, PIL" 2>/dev/null; then
  # The extra's requirements, read from pyproject.toml so they are written down once. Installing
  # them directly (rather than `pip install -e .[bundle]`) leaves the editable install alone.
  mapfile -t reqs < <("$PY" -c 'import tomllib; print("\n".join(tomllib.load(open("pyproject.toml", "rb"))["project"]["optional-dependencies"]["bundle"]))')
  echo "== Installing the bundle tools into .venv: ${reqs[*]}"
  "$PY" -m pip install -q "${reqs[@]}"
fi

VERSION=$("$PY" -c "import gisdesk; print(gisdesk.__version__)")
ARCH=$(uname -m)
NAME="gisdesk-$VERSION-linux-$ARCH"

# The bundle ships what is in the tree; refuse to ship without the pieces the app needs at run time.
for f in resources/translations/gisdesk_id.qm resources/icons/gisdesk.svg resources/icons/gisdesk-256.png \
         resources/icons/gisdesk.ico sample_data/gorontalo_sample.gpkg; do
  [ -f "$f" ] || { echo "build_bundle: missing $f (see its README / installer/make_icons.py)" >&2; exit 1; }
done
if ! "$PY" installer/make_icons.py --check; then
  echo "build_bundle: the icon set is incomplete; run: $PY installer/make_icons.py" >&2
  exit 1
fi

start=$(date +%s)
echo "== PyInstaller $("$PY" -m PyInstaller --version): $DIST/gisdesk (work: $WORK)"
rm -rf "$WORK" "$DIST/gisdesk"
"$PY" -m PyInstaller --noconfirm --log-level WARN --distpath "$DIST" --workpath "$WORK" installer/gisdesk.spec

# Desktop integration next to the program (install.sh uses them; see installer/linux/).
install -m 755 installer/linux/install.sh "$DIST/gisdesk/install.sh"
install -m 644 installer/linux/gisdesk.desktop "$DIST/gisdesk/gisdesk.desktop"
install -m 644 installer/linux/gisdesk-mime.xml "$DIST/gisdesk/gisdesk-mime.xml"
install -m 644 resources/icons/gisdesk-256.png "$DIST/gisdesk/gisdesk.png"
built=$(date +%s)
echo "== Bundle: $DIST/gisdesk ($(du -sh "$DIST/gisdesk" | cut -f1)) in $((built - start)) s"

if [ "$MAKE_TAR" = 1 ]; then
  # Top folder named with the version, so two versions unpack side by side.
  archive="$DIST/$NAME.tar.gz"
  rm -f "$archive"
  gzip_cmd="gzip -6"
  command -v pigz >/dev/null 2>&1 && gzip_cmd="pigz -6"
  tar -C "$DIST" --transform "s|^gisdesk|gisdesk-$VERSION|S" --owner=0 --group=0 \
      -I "$gzip_cmd" -cf "$archive" gisdesk
  echo "== Archive: $archive ($(du -h "$archive" | cut -f1)) in $(($(date +%s) - built)) s"
fi
