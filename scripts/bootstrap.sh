#!/usr/bin/env bash
# Installs everything GIS Desk needs on Debian/Ubuntu: system libraries (Qt's X11/EGL
# dependencies, fonts, GDAL tools, PostgreSQL/PostGIS for the sync tests, Xvfb, poppler),
# then a virtual environment in .venv at the repository root with GIS Desk and its test tools.
# Safe to run again: it skips what is already done.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  python3 python3-venv python3-dev
  libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0
  libxcb-render-util0 libxcb-image0
  fonts-dejavu-core xvfb xauth poppler-utils gdal-bin
  postgresql postgis
  nsis
)

missing_apt() {
  local missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  echo "${missing[@]:-}"
}

if command -v apt-get >/dev/null 2>&1; then
  missing=$(missing_apt)
  if [ -n "$missing" ]; then
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    echo "== Installing system packages: $missing"
    $SUDO apt-get update -q
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends $missing
  fi
else
  echo "== apt-get not found: install Qt's system libraries, GDAL tools and PostgreSQL yourself." >&2
fi

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "== Creating virtual environment .venv"
  "$PYTHON" -m venv .venv
fi

# Re-install only when the dependency list changed (keeps the second run fast).
stamp=.venv/.gisdesk-installed
want=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ] || ! .venv/bin/python -c "import gisdesk" 2>/dev/null; then
  echo "== Installing GIS Desk and its dependencies into .venv"
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".[test]"
  echo "$want" > "$stamp"
fi
echo "== Ready: $(.venv/bin/gisdesk --version)"
