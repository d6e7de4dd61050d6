"""The land the city sits on: coast, city edge, gentle warping of streets, and elevation.

Everything here is a smooth deterministic function of position, so tests can ask "is this drain
outlet on the coast?" or "does this drain run downhill?" with the same functions the generator used.
"""

from __future__ import annotations

import numpy as np
import shapely

from gisdesk.sampledata.plan import CENTRE_XY, CityPlan

TAU = 2.0 * np.pi
ELEVATION_SLOPE = 0.008
"""Rise (m per m) inland from the bay; land rises towards the northern hills."""
_VALLEY_DEPTH = 3.4  # m; with the spacing below the flanks slope up to 1.2 %
_VALLEY_SPACING = 1800.0  # m between valley floors


class Geography:
    """Coast, city outline, street warp and terrain of one seeded city."""

    def __init__(self, plan: CityPlan) -> None:
        self.plan = plan
        cx, cy = CENTRE_XY
        self.x_min = cx - plan.width_m / 2
        self.x_max = cx + plan.width_m / 2
        self.y_coast = cy - plan.height_m / 2
        self._phase = plan.rng("geography").uniform(0, TAU, size=10)

    def coast_y(self, x: np.ndarray) -> np.ndarray:
        """Northing of the shoreline of Teluk Tomini at easting ``x`` (sea lies south of it)."""
        p = self._phase
        x = np.asarray(x, dtype=float)
        return (
            self.y_coast
            + 120.0 * np.sin(TAU * x / 3100.0 + p[0])
            + 40.0 * np.sin(TAU * x / 900.0 + p[1])
        )

    def top_y(self, x: np.ndarray) -> np.ndarray:
        """Northern edge of the built-up area: a dome, lower at the east and west ends."""
        p = self._phase
        x = np.asarray(x, dtype=float)
        u = (x - (self.x_min + self.x_max) / 2) / (self.plan.width_m / 2)
        h = self.plan.height_m
        return self.y_coast + h * (1.15 - 0.3 * u**2) + 60.0 * np.sin(TAU * x / 1300.0 + p[2])

    def warp(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Displacement (dx, dy) that bends the street lattice into gentle curves."""
        p = self._phase
        dx = 28.0 * np.sin(TAU * y / 1900.0 + p[3]) + 10.0 * np.sin(TAU * (x + y) / 1100.0 + p[4])
        dy = 22.0 * np.sin(TAU * x / 2300.0 + p[5]) + 8.0 * np.sin(TAU * (x - y) / 1300.0 + p[6])
        return dx, dy

    def elevation(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """Ground height in metres: rising inland, furrowed by north-south valleys.

        The valley term depends on x only, so height always rises northwards at a fixed
        easting and every junction off the coast has a lower neighbour. Valley flanks are steep
        enough (up to 1.2 %) that water runs sideways into the valleys, so drains gather into
        main channels instead of all running straight to the bay.
        """
        p = self._phase
        x = np.asarray(x, dtype=float)
        valleys = -_VALLEY_DEPTH * np.cos(TAU * x / _VALLEY_SPACING + p[7])
        return ELEVATION_SLOPE * (np.asarray(y, dtype=float) - self.coast_y(x)) + valleys

    def urbanity(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """1 in the old town by the bay, falling to 0 at the city edge: how built-up it is."""
        cx = (self.x_min + self.x_max) / 2
        cy = self.y_coast + 0.25 * self.plan.height_m
        rx, ry = self.plan.width_m / 2, 0.8 * self.plan.height_m
        dx = (np.asarray(x, dtype=float) - cx) / rx
        dy = (np.asarray(y, dtype=float) - cy) / ry
        reach = np.hypot(dx, dy)
        return np.clip(1.0 - reach, 0.0, 1.0)

    def land_polygon(self, margin: float = 80.0) -> shapely.Polygon:
        """The city's land: between the coast and the northern edge, plus ``margin`` inland."""
        xs = np.linspace(self.x_min - margin, self.x_max + margin, 400)
        south = np.column_stack([xs, self.coast_y(xs)])
        north = np.column_stack([xs[::-1], self.top_y(xs[::-1]) + margin])
        return shapely.make_valid(shapely.Polygon(np.vstack([south, north])))
