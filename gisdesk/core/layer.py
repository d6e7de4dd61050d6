"""A layer on the map: data in the project CRS plus how it is shown."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import numpy as np

from gisdesk.core.definitions import LayerDef
from gisdesk.core.events import Event


@dataclass(frozen=True)
class DataSource:
    """Where a layer's features come from: a file and (for multi-layer files) a layer name."""

    path: Path
    layer: str | None = None

    def describe(self) -> str:
        """Human-readable "file:layer" used in messages."""
        return f"{self.path}:{self.layer}" if self.layer else str(self.path)


@dataclass
class MapLayer:
    """Features (reprojected to the project CRS) and their display state.

    ``frame`` is the single source of truth for the features; views read it and never write it.
    ``source_crs`` remembers the file's own CRS so saves and exports go back to it.
    """

    name: str
    frame: gpd.GeoDataFrame
    definition: LayerDef | None = None
    source: DataSource | None = None
    source_crs: str | None = None
    visible: bool = True
    opacity: float = 1.0
    problems: list[str] = field(default_factory=list)
    version: int = 0
    changed: Event = field(default_factory=Event, repr=False, compare=False)
    declared_crs: str | None = None
    """The CRS the user declared with *Set CRS* (overriding the file's); saved in the project."""

    def touch(self) -> None:
        """Record that ``frame`` changed: bumps ``version`` (renderer caches key on it)."""
        self.version += 1
        self.changed.emit(self)

    @property
    def title(self) -> str:
        """English title (the UI picks the language through :meth:`title_in`)."""
        return self.title_in("en")

    def title_in(self, lang: str) -> str:
        """Title in ``lang`` from the definition, else the data layer name."""
        return self.definition.title.get(lang) if self.definition else self.name

    @property
    def is_spatial(self) -> bool:
        """True when the layer has a geometry column with at least one geometry."""
        return isinstance(self.frame, gpd.GeoDataFrame) and self.frame.geometry.name in self.frame

    @property
    def geometry_kind(self) -> str:
        """'point', 'line', 'polygon', 'none' or 'mixed', from the data (not the definition)."""
        if not self.is_spatial or len(self.frame) == 0:
            return "none"
        types = set(self.frame.geom_type.dropna().str.replace("Multi", "").unique())
        kinds = {
            {"Point": "point", "LineString": "line", "Polygon": "polygon"}.get(t, "mixed")
            for t in types
        }
        return kinds.pop() if len(kinds) == 1 else ("none" if not kinds else "mixed")

    def extent(self) -> tuple[float, float, float, float] | None:
        """(minx, miny, maxx, maxy) of the non-empty geometries, or None."""
        if not self.is_spatial or len(self.frame) == 0:
            return None
        bounds = self.frame.geometry.total_bounds
        return None if not np.all(np.isfinite(bounds)) else tuple(float(b) for b in bounds)
