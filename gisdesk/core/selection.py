"""Finding features under a click or inside a box, and the set of selected features.

Identify and selection answer "which rows?" in positional indices (``frame.iloc``), because the
attribute table, the canvas highlight and the identify panel all address rows that way. A
spatial index (shapely's STRtree) makes a click on a 100k-feature layer answer instantly; the
tree is built once per layer state and rebuilt only when :attr:`MapLayer.version` changes.
"""

from __future__ import annotations

import weakref
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import shapely
from shapely import STRtree

from gisdesk.core.events import Event
from gisdesk.core.layer import MapLayer

Rect = tuple[float, float, float, float]

_CACHE_SIZE = 32
"""How many layer trees to keep; a project rarely has more layers than this."""


@dataclass
class _TreeEntry:
    frame_ref: weakref.ref
    version: int
    tree: STRtree
    geoms: np.ndarray
    polygonal: np.ndarray


_trees: OrderedDict[int, _TreeEntry] = OrderedDict()


def _entry(layer: MapLayer) -> _TreeEntry:
    """The STRtree of ``layer`` for its current frame and version, built on first use.

    The key is ``id(frame)`` plus a weak reference check, so a new frame that happens to reuse
    a dead frame's id never gets the stale tree.
    """
    frame = layer.frame
    key = id(frame)
    hit = _trees.get(key)
    if hit is not None and hit.frame_ref() is frame and hit.version == layer.version:
        _trees.move_to_end(key)
        return hit
    geoms = np.asarray(frame.geometry.values, dtype=object)
    type_ids = shapely.get_type_id(geoms)
    polygonal = np.isin(type_ids, (3, 6))  # Polygon, MultiPolygon
    entry = _TreeEntry(weakref.ref(frame), layer.version, STRtree(geoms), geoms, polygonal)
    _trees[key] = entry
    while len(_trees) > _CACHE_SIZE:
        _trees.popitem(last=False)
    return entry


def _empty() -> np.ndarray:
    return np.empty(0, dtype=np.intp)


def features_at(layer: MapLayer, x: float, y: float, tolerance: float) -> np.ndarray:
    """Rows of ``layer`` under the point (x, y), nearest first.

    Points and lines count when they lie within ``tolerance`` (project CRS units, metres) so a
    click does not have to hit a 1-pixel line exactly; polygons count only when they contain
    the point (boundary included), otherwise a click inside a district would also pick its
    neighbours. Ties (e.g. nested polygons, all at distance 0) put the smaller feature first,
    which is the one the user most likely meant, then the lower row.

    Parameters
    ----------
    layer
        The layer to search; non-spatial or empty layers give no rows.
    x, y
        The click in the project CRS.
    tolerance
        Search radius in project CRS units; usually a few screen pixels in map units.

    Returns
    -------
    numpy.ndarray
        Positional row indices (``intp``).
    """
    if not layer.is_spatial or len(layer.frame) == 0:
        return _empty()
    entry = _entry(layer)
    point = shapely.Point(x, y)
    rows = entry.tree.query(point, predicate="dwithin", distance=max(tolerance, 0.0))
    if rows.size == 0:
        return _empty()
    geoms = entry.geoms[rows]
    poly = entry.polygonal[rows]
    keep = ~poly | shapely.covers(geoms, point)
    rows, geoms, poly = rows[keep], geoms[keep], poly[keep]
    distance = np.where(poly, 0.0, shapely.distance(geoms, point))
    size = np.where(poly, shapely.area(geoms), shapely.length(geoms))
    order = np.lexsort((rows, size, distance))
    return rows[order].astype(np.intp)


def features_in_rect(layer: MapLayer, rect: Rect) -> np.ndarray:
    """Rows of ``layer`` whose geometry intersects the box ``(minx, miny, maxx, maxy)``.

    Returns
    -------
    numpy.ndarray
        Positional row indices in ascending order (``intp``).
    """
    if not layer.is_spatial or len(layer.frame) == 0:
        return _empty()
    minx, miny, maxx, maxy = rect
    box = shapely.box(min(minx, maxx), min(miny, maxy), max(minx, maxx), max(miny, maxy))
    rows = _entry(layer).tree.query(box, predicate="intersects")
    return np.sort(rows).astype(np.intp)


class Selection:
    """Selected rows per layer name; ``changed`` fires with the layer name after every change.

    The canvas, attribute table and identify panel all read this one object, so a selection
    made in any of them shows in the others.
    """

    def __init__(self) -> None:
        self._rows: dict[str, np.ndarray] = {}
        self.changed = Event()

    def rows(self, layer: str) -> np.ndarray:
        """Selected rows of ``layer`` in ascending order (empty when none)."""
        return self._rows.get(layer, _empty()).copy()

    def layers(self) -> list[str]:
        """Names of layers with at least one selected row."""
        return [name for name, rows in self._rows.items() if rows.size]

    def count(self, layer: str | None = None) -> int:
        """Number of selected rows in ``layer``, or in all layers when None."""
        if layer is not None:
            return int(self._rows.get(layer, _empty()).size)
        return int(sum(rows.size for rows in self._rows.values()))

    def set(self, layer: str, rows: Iterable[int]) -> None:
        """Replace the selection of ``layer`` with ``rows``."""
        self._store(layer, _as_rows(rows))

    def add(self, layer: str, rows: Iterable[int]) -> None:
        """Add ``rows`` to the selection of ``layer`` (shift-click)."""
        self._store(layer, np.union1d(self.rows(layer), _as_rows(rows)))

    def remove(self, layer: str, rows: Iterable[int]) -> None:
        """Take ``rows`` out of the selection of ``layer``."""
        self._store(layer, np.setdiff1d(self.rows(layer), _as_rows(rows)))

    def toggle(self, layer: str, rows: Iterable[int]) -> None:
        """Select unselected ``rows`` and unselect selected ones (ctrl-click)."""
        self._store(layer, np.setxor1d(self.rows(layer), _as_rows(rows)))

    def clear(self, layer: str | None = None) -> None:
        """Unselect everything in ``layer``, or in every layer when None."""
        names = [layer] if layer is not None else list(self._rows)
        for name in names:
            if self._rows.pop(name, None) is not None:
                self.changed.emit(name)

    def retain(self, layers: Iterable[str]) -> None:
        """Drop the selection of every layer not in ``layers`` (call it when layers are removed,
        e.g. from ``Project.layers_changed``, so counts never include vanished layers)."""
        keep = set(layers)
        for name in [n for n in self._rows if n not in keep]:
            self.clear(name)

    def _store(self, layer: str, rows: np.ndarray) -> None:
        old = self._rows.get(layer, _empty())
        if np.array_equal(old, rows):
            return
        if rows.size:
            self._rows[layer] = rows
        else:
            self._rows.pop(layer, None)
        self.changed.emit(layer)


def _as_rows(rows: Iterable[int]) -> np.ndarray:
    """Sorted unique ``intp`` row indices; negative indices are a caller bug and are refused."""
    arr = np.unique(np.fromiter((int(r) for r in rows), dtype=np.intp))
    if arr.size and arr[0] < 0:
        raise ValueError(f"selection rows must be non-negative positions, got {int(arr[0])}")
    return arr
