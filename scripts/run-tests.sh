#!/usr/bin/env bash
# Second README command: install everything, then run the whole test suite headless
# (Qt's offscreen platform; PostgreSQL is started by the test fixtures themselves) and ruff.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
export QT_QPA_PLATFORM=offscreen
echo "== ruff"
.venv/bin/ruff check gisdesk tests bench scripts installer
echo "== pytest"
exec .venv/bin/python -m pytest -q -p no:cacheprovider "$@"
