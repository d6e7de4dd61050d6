"""Core model of GIS Desk: definitions, layers, project, edits. Never imports Qt."""
