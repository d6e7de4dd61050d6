"""Kelurahan boundaries: Voronoi cells around seeds grouped by kecamatan, clipped to the land.

Seeds of one kecamatan cluster around its real relative position in Kota Gorontalo (Kota Barat in
the west, Hulonthalangi and Dumbo Raya on the bay, Sipatana and Kota Utara inland), so the cells
of a kecamatan stay together and tile the whole city without gaps or overlaps. Two Lloyd steps
(seed moved to its cell's centroid) turn the first slivers into plausible kelurahan shapes.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import shapely

from gisdesk.sampledata.geography import Geography
from gisdesk.sampledata.ids import uuid4_strings
from gisdesk.sampledata.names import CITY_CODE, KECAMATAN
from gisdesk.sampledata.plan import CityPlan
from gisdesk.sampledata.writer import LayerData

_RELAX_ROUNDS = 2  # Lloyd steps: even out cells while kecamatan stay together


@dataclass
class Districts:
    """Kelurahan seeds and polygons; membership of a point is its nearest seed."""

    seeds: np.ndarray
    polygons: np.ndarray
    names: list[str]
    kecamatan: list[str]
    codes: list[str]

    def locate(self, xy: np.ndarray) -> np.ndarray:
        """Index of the kelurahan containing each point (Voronoi cell = nearest seed)."""
        tree = shapely.STRtree(shapely.points(self.seeds))
        _, idx = tree.query_nearest(shapely.points(xy), return_distance=False, all_matches=False)
        return idx


def _seeds(geo: Geography, rng: np.random.Generator):
    rows = []
    for kecamatan, (code, east, north, kelurahan) in KECAMATAN.items():
        angle = rng.uniform(0, 2 * np.pi, len(kelurahan))
        radius = rng.uniform(0.02, 0.1, len(kelurahan))
        for k, name in enumerate(kelurahan):
            e = float(np.clip(east + radius[k] * np.cos(angle[k]), 0.02, 0.98))
            n = float(np.clip(north + radius[k] * np.sin(angle[k]), 0.03, 0.97))
            rows.append((e, n, name, kecamatan, f"{CITY_CODE}.{code}.{1001 + k}"))
    east = np.array([r[0] for r in rows])
    north = np.array([r[1] for r in rows])
    x = geo.x_min + east * (geo.x_max - geo.x_min)
    y = geo.coast_y(x) + north * (geo.top_y(x) - geo.coast_y(x))
    return np.column_stack([x, y]), rows


def build_districts(plan: CityPlan, geo: Geography) -> Districts:
    """Kelurahan polygons covering the city's land."""
    rng = plan.rng("districts")
    seeds, rows = _seeds(geo, rng)
    land = geo.land_polygon()
    for _ in range(_RELAX_ROUNDS):
        seeds = shapely.get_coordinates(shapely.centroid(_cells(seeds, land)))
    polygons = np.array([_largest_part(p) for p in _cells(seeds, land)], dtype=object)
    return Districts(
        seeds=seeds, polygons=polygons, names=[r[2] for r in rows],
        kecamatan=[r[3] for r in rows], codes=[r[4] for r in rows],
    )


def _cells(seeds: np.ndarray, land: shapely.Polygon) -> np.ndarray:
    """Voronoi cells of ``seeds`` (in seed order) clipped to the land."""
    cells = shapely.voronoi_polygons(shapely.multipoints(seeds), extend_to=land, ordered=True)
    return shapely.intersection(shapely.get_parts(cells), land)


def _largest_part(geom: shapely.Geometry) -> shapely.Polygon:
    """The definition wants Polygons; a clipped cell may split into slivers along the coast."""
    parts = shapely.get_parts(geom)
    polys = [p for p in parts if isinstance(p, shapely.Polygon)]
    return max(polys, key=lambda p: p.area)


def district_layer(plan: CityPlan, districts: Districts, residents: np.ndarray) -> LayerData:
    """The ``districts`` layer; ``residents`` is the population counted from the buildings."""
    rng = plan.rng("districts-attributes")
    n = len(districts.names)
    return LayerData(
        name="districts",
        columns={
            "uuid": uuid4_strings(rng, n),
            "code": pa.array(districts.codes),
            "name": pa.array(districts.names),
            "kecamatan": pa.array(districts.kecamatan),
            "population": np.minimum(residents, 1_000_000).astype(np.int64),
        },
        geometry=districts.polygons,
    )
