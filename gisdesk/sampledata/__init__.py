"""Seeded generator of a Gorontalo-like sample city that matches the layer definitions.

``generate_city(path, scale, seed)`` writes a GeoPackage with streets, buildings, a connected
water network, drains that flow to the bay, streetlights, kelurahan and inspections. Scale 1 is
about 10 000 buildings; scale 100 about a million. No Qt here: the CLI and tests use it headless.
"""

from gisdesk.sampledata.generate import default_file_name, generate_city
from gisdesk.sampledata.plan import CRS, DEFAULT_SEED, CityPlan

__all__ = ["CRS", "DEFAULT_SEED", "CityPlan", "default_file_name", "generate_city"]
