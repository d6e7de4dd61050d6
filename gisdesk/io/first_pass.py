"""What to read first from a big file so the first map comes quickly (Qt-free).

The app reads a big file twice: first what the map will show, then everything in the
background (``MainWindow.open_path``). This module decides the first pass from the file's
metadata alone (GeoPackage keeps each layer's extent and feature count, so nothing is scanned):

* the area to read: the on-screen extent, or for a file opened with no map yet the file's
  extent, which is where the map will go;
* which layers to leave empty for now: tables without geometry (never drawn) and layers whose
  definition hides them at the scale the map will have (buildings at a whole-city view);
* which layers need the second pass: those left empty and those the area does not cover.

A layer whose whole extent lies inside the area is read completely in the first pass (the
reader then drops the area filter) and is not read again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyogrio
from pyproj import CRS

from gisdesk.core.definitions import Catalog
from gisdesk.io.discovery import layers_of
from gisdesk.io.reproject import transform_bbox

Extent = tuple[float, float, float, float]

SCALE_SLACK = 1.25
"""A layer is left out only when hidden at 1.25x the expected scale too: the window's final
size (docks, screen) may make the first map a little larger-scale than estimated."""


@dataclass
class FirstPass:
    """The first read of a big file: ``bbox`` in the project CRS, layers to leave empty, and
    the layers the background pass must read (in file order)."""

    bbox: Extent | None
    empty: set[str] = field(default_factory=set)
    rest: list[str] = field(default_factory=list)


@dataclass
class _Meta:
    name: str
    bounds: Extent | None  # in the project CRS
    spatial: bool
    same_crs: bool  # file and project CRS agree, so the reader compares the same numbers


def _metadata(path: Path, target_crs: Any) -> list[_Meta]:
    out = []
    for dataset, name in layers_of(path):
        info = pyogrio.read_info(dataset.source, layer=dataset.gdal_layer(name),
                                 **dataset.options)
        bounds = info.get("total_bounds")
        spatial = info["geometry_type"] is not None
        box: Extent | None = None
        same = not info["crs"] or target_crs is None or (
            CRS.from_user_input(info["crs"]) == CRS.from_user_input(target_crs))
        if spatial and bounds is not None and all(map(_finite, bounds)):
            box = tuple(float(b) for b in bounds)  # type: ignore[assignment]
            if not same:
                box = transform_bbox(box, info["crs"], target_crs)
        out.append(_Meta(name, box, spatial, same))
    return out


def _finite(value: float) -> bool:
    return abs(float(value)) != float("inf") and float(value) == float(value)


def _union(boxes: list[Extent]) -> Extent | None:
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes),
            max(b[2] for b in boxes), max(b[3] for b in boxes))


def covers(outer: Extent, inner: Extent) -> bool:
    """Whether ``outer`` contains all of ``inner``."""
    return (outer[0] <= inner[0] and outer[1] <= inner[1]
            and outer[2] >= inner[2] and outer[3] >= inner[3])


def plan_first_pass(
    path: Path, *, target_crs: Any, catalog: Catalog | None, view: Extent | None,
    scale_of: Callable[[Extent], float],
) -> FirstPass:
    """Plan the first pass over ``path`` for a map showing ``view`` (None: not placed yet, the
    map will show the file's extent). ``scale_of(extent)`` is the scale denominator the map
    has when it shows ``extent``. Raises what pyogrio raises for an unreadable file."""
    metas = _metadata(Path(path), target_crs)
    bbox = view if view is not None else _union([m.bounds for m in metas if m.bounds])
    if bbox is None:
        return FirstPass(None)
    scale = scale_of(bbox)
    plan = FirstPass(bbox)
    for meta in metas:
        definition = catalog.match(meta.name) if catalog is not None else None
        hidden = definition is not None and not (
            definition.scale_range.visible_at(scale)
            or definition.scale_range.visible_at(scale / SCALE_SLACK)
        )
        if not meta.spatial or hidden:
            plan.empty.add(meta.name)
            plan.rest.append(meta.name)
        elif meta.bounds is None or not meta.same_crs or not covers(bbox, meta.bounds):
            # Only a layer in the project CRS is known to be read whole: the reader drops the
            # area filter when the metadata extent lies inside it, in the file's CRS.
            plan.rest.append(meta.name)
    return plan
