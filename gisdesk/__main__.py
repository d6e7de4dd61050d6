"""Allow ``python -m gisdesk``."""

from gisdesk.cli import main

raise SystemExit(main())
