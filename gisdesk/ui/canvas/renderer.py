"""The one place the canvas reaches the map renderer.

The canvas calls :func:`render_image` from a worker thread. The shared renderer
(:mod:`gisdesk.ui.render`, which also draws print layouts and PNG exports) is used when it is
installed; until then a minimal fallback keeps the canvas usable and testable.
"""

from __future__ import annotations

try:  # the shared renderer: same pixels on screen, in print and in exports
    from gisdesk.ui.render import RenderOptions, render_image
except ImportError:  # pragma: no cover - exercised only before the renderer lands
    from gisdesk.ui.canvas.fallback_render import RenderOptions, render_image

__all__ = ["RenderOptions", "render_image"]
