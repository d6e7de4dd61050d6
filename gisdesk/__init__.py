"""GIS Desk: an offline-first desktop GIS for city asset management."""

__version__ = "0.1.0"
