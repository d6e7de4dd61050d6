#!/usr/bin/env bash
# First README command: install everything, then open GIS Desk on the bundled sample city.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ "$(uname)" = "Linux" ]; then
  echo "== No display found: starting GIS Desk on a virtual screen (Xvfb)."
  echo "   On a desktop session this opens a normal window instead."
  exec xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/gisdesk "$@"
fi
exec .venv/bin/gisdesk "$@"
