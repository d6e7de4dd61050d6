"""Buildings along the streets: house rows, shops on main roads, and public buildings.

Each side of each street segment is cut into plots; most plots get a house facing the street,
set back from the kerb. Plots near junctions are left free, and anything that would still touch
a road or another building is dropped, so footprints never overlap streets or each other.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import shapely

from gisdesk.sampledata.common import asset_notes
from gisdesk.sampledata.districts import Districts
from gisdesk.sampledata.footprints import footprints
from gisdesk.sampledata.geography import Geography
from gisdesk.sampledata.ids import numbered, uuid4_strings
from gisdesk.sampledata.names import (
    GOVERNMENT_NAMES,
    HOSPITAL_NAMES,
    SCHOOL_KINDS,
    SHOP_NAMES,
    WORSHIP_NAMES,
    cycle_names,
)
from gisdesk.sampledata.plan import CityPlan
from gisdesk.sampledata.streets import ARTERIAL, COLLECTOR, StreetNetwork
from gisdesk.sampledata.writer import LayerData

USES = ("RESIDENTIAL", "COMMERCIAL", "GOVERNMENT", "SCHOOL", "HOSPITAL", "WORSHIP", "INDUSTRIAL")
RES, COM, GOV, SCH, HOS, WOR, IND = range(7)
_SPECIAL_SHARE = {GOV: 0.004, SCH: 0.007, HOS: 0.0012, WOR: 0.012, IND: 0.008}


def _plots(streets: StreetNetwork, rng: np.random.Generator):
    """Along-street position, side and segment of every candidate plot."""
    length = streets.length
    node_hw = np.zeros(len(streets.node_xy))
    np.maximum.at(node_hw, streets.u, streets.half_width)
    np.maximum.at(node_hw, streets.v, streets.half_width)
    clear_u = node_hw[streets.u] + 18.0
    clear_v = node_hw[streets.v] + 18.0
    seg = np.repeat(np.arange(len(length)), 2)
    side = np.tile([1.0, -1.0], len(length))
    usable = (length - clear_u - clear_v)[seg]
    slot = rng.uniform(10.0, 15.0, len(seg))
    count = np.maximum(np.floor(usable / slot), 0).astype(np.int64)
    plot_seg = np.repeat(seg, count)
    plot_side = np.repeat(side, count)
    first = np.repeat(np.cumsum(count) - count, count)
    k = np.arange(count.sum()) - first
    spacing = np.repeat(usable / np.maximum(count, 1), count)
    along = clear_u[plot_seg] + (k + 0.5) * spacing
    return plot_seg, plot_side, along, spacing, k


def _frames(streets: StreetNetwork, seg: np.ndarray, along: np.ndarray, side: np.ndarray):
    """Point on the street, unit tangent and unit normal towards the plot."""
    base, tangent = streets.point_at(seg, along)
    normal = np.column_stack([-tangent[:, 1], tangent[:, 0]]) * side[:, None]
    return base, tangent, normal


def _uses(streets: StreetNetwork, seg: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    cls = streets.road_class[seg]
    shop = np.where(cls == ARTERIAL, 0.55, np.where(cls == COLLECTOR, 0.22, 0.04))
    r = rng.random(len(seg))
    use = np.where(r < shop, COM, RES)
    r2 = rng.random(len(seg))
    edge = 0.0
    for code, share in _SPECIAL_SHARE.items():
        use = np.where((r2 >= edge) & (r2 < edge + share), code, use)
        edge += share
    return use


def _shape(use: np.ndarray, spacing: np.ndarray, rng: np.random.Generator):
    """Width, depth and L-ness; public buildings are bigger than houses."""
    n = len(use)
    width = spacing - rng.uniform(1.5, 3.5, n)
    depth = rng.uniform(8.0, 15.0, n)
    big = np.isin(use, (GOV, SCH, HOS, IND))
    depth = np.where(big, depth * 1.5, depth)
    width = np.where(big, width * 1.4, width)
    l_shaped = rng.random(n) < np.where(big, 0.6, 0.18)
    return width, depth, l_shaped


def _keep_clear(polys: np.ndarray, streets: StreetNetwork) -> np.ndarray:
    """Mask of footprints that touch neither a road surface nor an earlier footprint."""
    roads = shapely.buffer(streets.geometry, streets.half_width + 0.5, quad_segs=2)
    hit_road = shapely.STRtree(roads).query(polys, predicate="intersects")[0]
    keep = np.ones(len(polys), dtype=bool)
    keep[hit_road] = False
    idx = np.flatnonzero(keep)
    pairs = shapely.STRtree(polys[idx]).query(polys[idx], predicate="intersects")
    later = pairs[1][pairs[0] < pairs[1]]
    keep[idx[later]] = False
    return keep


def _floors(use: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    r = rng.random(len(use))
    house = np.where(r < 0.78, 1, np.where(r < 0.97, 2, 3))
    shop = 1 + np.minimum(rng.poisson(1.2, len(use)), 3)
    public = 1 + rng.integers(0, 3, len(use))
    hospital = 2 + rng.integers(0, 4, len(use))
    floors = np.where(use == RES, house, np.where(use == COM, shop, public))
    floors = np.where(use == HOS, hospital, floors)
    return np.where(np.isin(use, (WOR, IND)), np.minimum(floors, 2), floors).astype(np.int64)


def _names(use: np.ndarray, kelurahan: np.ndarray, districts: Districts,
           rng: np.random.Generator) -> pa.Array:
    """Names for public buildings and some shops; houses have none."""
    names = np.full(len(use), None, dtype=object)
    for code, pool in ((GOV, GOVERNMENT_NAMES), (WOR, WORSHIP_NAMES), (HOS, HOSPITAL_NAMES)):
        where = np.flatnonzero(use == code)
        fixed = cycle_names(pool, min(len(where), len(pool)))
        local = [
            (f"Kantor Kelurahan {districts.names[k]}" if code == GOV
             else f"Puskesmas {districts.names[k]}" if code == HOS
             else f"Masjid {districts.names[k]}")
            for k in kelurahan[where[len(fixed):]]
        ]
        names[where] = fixed + local
    schools = np.flatnonzero(use == SCH)
    kinds = rng.integers(0, len(SCHOOL_KINDS), len(schools))
    names[schools] = [f"{SCHOOL_KINDS[k]} {i + 1} Kota Gorontalo" for i, k in enumerate(kinds)]
    shops = np.flatnonzero((use == COM) & (rng.random(len(use)) < 0.2))
    shop_pick = rng.integers(0, len(SHOP_NAMES), len(shops))
    names[shops] = np.asarray(SHOP_NAMES, dtype=object)[shop_pick]
    return pa.array(names, type=pa.string())


def _addresses(streets: StreetNetwork, seg: np.ndarray, k: np.ndarray, side: np.ndarray):
    """'Jl. Kenari No. 17': odd numbers on one side of the street, even on the other."""
    number = 2 * (streets.position[seg] * 12 + k) + np.where(side > 0, 1, 2)
    street = pa.array(streets.names()[seg], type=pa.string())
    return pc.binary_join_element_wise(street, pc.cast(pa.array(number), pa.string()), " No. ")


def _install_years(xy: np.ndarray, geo: Geography, rng: np.random.Generator) -> np.ndarray:
    """The old town by the bay is older than the new housing on the hills."""
    centre = np.array([(geo.x_min + geo.x_max) / 2, geo.y_coast])
    reach = np.hypot(*(xy - centre).T) / max(geo.x_max - geo.x_min, 1.0)
    mean_age = 40.0 - 30.0 * np.clip(reach, 0, 1)
    age = np.clip(rng.exponential(mean_age), 0, 75)
    return (2025 - age).astype(np.int64)


def build_buildings(plan: CityPlan, geo: Geography, streets: StreetNetwork,
                    districts: Districts) -> tuple[LayerData, np.ndarray]:
    """The buildings layer and the kelurahan index of every building."""
    rng = plan.rng("buildings")
    seg, side, along, spacing, k = _plots(streets, rng)
    base, tangent, normal = _frames(streets, seg, along, side)
    built_up = geo.urbanity(base[:, 0], base[:, 1])
    occupied = rng.random(len(seg)) < 0.6 + 0.35 * built_up  # gardens and fields outside
    seg, side, along, spacing, k, base, tangent, normal = (
        a[occupied] for a in (seg, side, along, spacing, k, base, tangent, normal))
    use = _uses(streets, seg, rng)
    width, depth, l_shaped = _shape(use, spacing, rng)
    setback = streets.half_width[seg] + rng.uniform(1.5, 4.0, len(seg))
    polys = footprints(base, tangent, normal, width, depth, setback, l_shaped, rng)
    centre = shapely.get_coordinates(shapely.centroid(polys))
    on_land = shapely.bounds(polys)[:, 1] > geo.coast_y(centre[:, 0]) + 2.0
    keep = on_land.copy()
    keep[on_land] = _keep_clear(polys[on_land], streets)
    seg, side, k, use, polys, centre = (a[keep] for a in (seg, side, k, use, polys, centre))
    n = len(polys)
    kelurahan = districts.locate(centre)
    owner = np.where(use == GOV, np.array(["PUPR", "BAPPEDA", "DISHUB", "PERKIM", "PDAM"])[
        rng.integers(0, 5, n)], "PERKIM")
    data = LayerData(
        name="buildings",
        columns={
            "uuid": uuid4_strings(rng, n),
            "asset_id": numbered("BGN-", np.arange(1, n + 1), 7),
            "owner_opd": pa.array(owner),
            "install_year": _install_years(centre, geo, rng),
            "notes": asset_notes(rng, n),
            "name": _names(use, kelurahan, districts, rng),
            "building_use": pa.array(np.asarray(USES)[use]),
            "floors": _floors(use, rng),
            "address": _addresses(streets, seg, k, side),
        },
        geometry=polys,
    )
    return data, kelurahan
