"""Feature forms generated from the layer definitions."""
