"""PyInstaller's entry script for the GIS Desk bundle.

The frozen ``gisdesk`` executable behaves exactly like the ``gisdesk`` console script that
``pip install`` makes (``gisdesk.cli:main``): no arguments opens the desktop app, a subcommand
runs headless. A separate file (not ``gisdesk/__main__.py``) keeps the spec independent of how
the package arranges its own entry points.
"""

from gisdesk.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
