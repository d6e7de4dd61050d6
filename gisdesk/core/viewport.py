"""The map view: which world rectangle fills which pixel rectangle, and at what scale.

Shared by the screen canvas, ``gisdesk render`` and print layouts so that all three agree on
what 1:10 000 means. World units are metres of the project CRS; y grows north in the world and
down on screen.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

METRES_PER_INCH = 0.0254


@dataclass(frozen=True)
class Viewport:
    """A view centred on (cx, cy) with ``resolution`` metres per pixel over width×height px."""

    cx: float
    cy: float
    resolution: float
    width: int
    height: int
    dpi: float = 96.0

    @classmethod
    def fit(
        cls, extent: tuple[float, float, float, float], width: int, height: int,
        dpi: float = 96.0, margin: float = 0.02,
    ) -> Viewport:
        """The view that shows all of ``extent`` (plus a small margin) in width×height px."""
        minx, miny, maxx, maxy = extent
        w = max(maxx - minx, 1e-9) * (1 + 2 * margin)
        h = max(maxy - miny, 1e-9) * (1 + 2 * margin)
        res = max(w / max(width, 1), h / max(height, 1))
        return cls((minx + maxx) / 2, (miny + maxy) / 2, res, width, height, dpi)

    @property
    def extent(self) -> tuple[float, float, float, float]:
        """(minx, miny, maxx, maxy) in world units."""
        hw, hh = self.width * self.resolution / 2, self.height * self.resolution / 2
        return (self.cx - hw, self.cy - hh, self.cx + hw, self.cy + hh)

    @property
    def scale(self) -> float:
        """Scale denominator (10 000 for 1:10 000) at this view's dpi."""
        return self.resolution / (METRES_PER_INCH / self.dpi)

    def with_scale(self, denominator: float) -> Viewport:
        """Same centre and size at scale 1:``denominator``."""
        return replace(self, resolution=denominator * METRES_PER_INCH / self.dpi)

    def with_size(self, width: int, height: int) -> Viewport:
        """Same centre and resolution on a resized canvas."""
        return replace(self, width=width, height=height)

    def zoomed(self, factor: float, px: float | None = None, py: float | None = None) -> Viewport:
        """Zoom in by ``factor`` (>1 zooms in) keeping the world point under pixel (px, py)."""
        px = self.width / 2 if px is None else px
        py = self.height / 2 if py is None else py
        wx, wy = self.to_world(px, py)
        res = self.resolution / factor
        cx = wx - (px - self.width / 2) * res
        cy = wy + (py - self.height / 2) * res
        return replace(self, cx=cx, cy=cy, resolution=res)

    def panned(self, dx_px: float, dy_px: float) -> Viewport:
        """Move the view so content moves by (dx, dy) pixels on screen."""
        return replace(
            self, cx=self.cx - dx_px * self.resolution, cy=self.cy + dy_px * self.resolution
        )

    def to_world(self, px: float, py: float) -> tuple[float, float]:
        """World coordinates of pixel (px, py)."""
        return (
            self.cx + (px - self.width / 2) * self.resolution,
            self.cy - (py - self.height / 2) * self.resolution,
        )

    def to_pixel(self, x: float, y: float) -> tuple[float, float]:
        """Pixel coordinates of world point (x, y)."""
        return (
            (x - self.cx) / self.resolution + self.width / 2,
            (self.cy - y) / self.resolution + self.height / 2,
        )

    def to_pixels(self, xy: np.ndarray) -> np.ndarray:
        """Vectorised :meth:`to_pixel` over an (n, 2) array; returns float64 (n, 2)."""
        out = np.empty((len(xy), 2), dtype=np.float64)
        out[:, 0] = (xy[:, 0] - self.cx) / self.resolution + self.width / 2
        out[:, 1] = (self.cy - xy[:, 1]) / self.resolution + self.height / 2
        return out
