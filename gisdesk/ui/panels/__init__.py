"""Dockable panels: layers (with legend) and identify."""
