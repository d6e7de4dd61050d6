"""How big a generated city is and where its randomness comes from.

One object decides the size of scale N, so every generator agrees on the extent, and every
generator draws from its own named random stream: changing how buildings are drawn does not
shift the streets, and the same seed and scale always give the same city.
"""

from __future__ import annotations

import math
import zlib
from dataclasses import dataclass

import numpy as np

CRS = "EPSG:32651"
"""WGS 84 / UTM zone 51N: metres, and the zone Gorontalo (lon 123.06) lies in."""

CENTRE_XY = (506_676.0, 59_686.0)
"""Gorontalo city centre (lon 123.06, lat 0.54) in EPSG:32651."""

DEFAULT_SEED = 7571
"""The BPS code of Kota Gorontalo; any integer works."""

BUILDINGS_PER_SCALE = 10_000

# Lattice area (m²) per expected building, measured on generated cities; it sizes the extent.
_AREA_PER_BUILDING = 875.0
_EDGE_M = (165.0, 125.0)  # plots lost along the coast and city edge, added back to the extent
_ASPECT = 1.3  # width / height of the city, Gorontalo spreads east-west along the bay


@dataclass(frozen=True)
class CityPlan:
    """Scale, seed and the derived extent of one city.

    Parameters
    ----------
    scale
        1 gives about 10 000 buildings; the area grows linearly with ``scale``.
    seed
        Seed of every random stream.
    """

    scale: float = 1.0
    seed: int = DEFAULT_SEED
    block_x: float = 110.0
    block_y: float = 85.0

    def __post_init__(self) -> None:
        if not (self.scale > 0 and math.isfinite(self.scale)):
            raise ValueError(f"scale must be a positive number, got {self.scale!r}")

    @property
    def area_m2(self) -> float:
        """Built-up area that holds ``scale`` × 10 000 buildings, before edge losses."""
        return self.scale * BUILDINGS_PER_SCALE * _AREA_PER_BUILDING

    @property
    def width_m(self) -> float:
        """East-west extent of the city."""
        return math.sqrt(self.area_m2 * _ASPECT) + _EDGE_M[0]

    @property
    def height_m(self) -> float:
        """North-south extent from the coast to the hills."""
        return math.sqrt(self.area_m2 / _ASPECT) + _EDGE_M[1]

    def rng(self, stream: str) -> np.random.Generator:
        """An independent, reproducible random generator for one part of the city."""
        return np.random.default_rng([self.seed, zlib.crc32(stream.encode("utf-8"))])
