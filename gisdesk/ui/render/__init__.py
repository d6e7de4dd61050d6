"""The map renderer shared by the canvas, ``gisdesk render`` and print layouts.

>>> from gisdesk.ui.render import render_image, render_to_painter, RenderOptions
"""

from gisdesk.ui.render.engine import render_image, render_to_painter
from gisdesk.ui.render.options import RenderOptions

__all__ = ["RenderOptions", "render_image", "render_to_painter"]
