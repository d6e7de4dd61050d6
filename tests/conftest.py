"""Session-wide test environment: headless Qt and a throw-away user config folder.

Set at import time, before any test module imports Qt or reads ``gisdesk.paths``, so no test can
open a window on a real display or write the developer's own settings and recent files.
"""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["GISDESK_CONFIG_DIR"] = tempfile.mkdtemp(prefix="gisdesk-test-config-")
