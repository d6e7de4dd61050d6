"""The map canvas: navigation, tools, off-thread rendering and the scale bar."""
