"""The project: an ordered set of map layers in one CRS, and the view the user left it at."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from gisdesk.core.definitions import Catalog
from gisdesk.core.events import Event
from gisdesk.core.layer import MapLayer
from gisdesk.i18n import translate

DEFAULT_CRS = "EPSG:32651"
"""WGS 84 / UTM zone 51N: metres, and Gorontalo (123°E, 0.5°N) lies in its centre."""

Extent = tuple[float, float, float, float]


@dataclass
class Project:
    """Layers in drawing order (first drawn first, i.e. bottom of the layer panel).

    Views subscribe to ``layers_changed`` (added, removed, reordered, restyled) and
    ``extent_changed``; nothing but this class's methods changes ``layers``.
    """

    catalog: Catalog
    crs: str = DEFAULT_CRS
    layers: list[MapLayer] = field(default_factory=list)
    extent: Extent | None = None
    planning: dict[str, Any] = field(default_factory=dict)
    """Risk weights and costs (:class:`gisdesk.planning.weights.RiskWeights` as data)."""
    saved_queries: list[dict[str, Any]] = field(default_factory=list)
    """Named queries (:class:`gisdesk.query.saved.SavedQuery` as data), re-runnable."""
    layers_changed: Event = field(default_factory=Event, repr=False)
    extent_changed: Event = field(default_factory=Event, repr=False)

    def add_layer(self, layer: MapLayer) -> MapLayer:
        """Append ``layer`` on top, renaming it ``name (2)`` if the name is taken."""
        base, n = layer.name, 2
        while self.layer(layer.name) is not None:
            layer.name = f"{base} ({n})"
            n += 1
        self.layers.append(layer)
        self.layers_changed.emit()
        return layer

    def remove_layer(self, name: str) -> None:
        """Remove the layer called ``name`` (unknown names are ignored)."""
        self.layers = [lyr for lyr in self.layers if lyr.name != name]
        self.layers_changed.emit()

    def layer(self, name: str) -> MapLayer | None:
        """The layer called ``name``, or None."""
        return next((lyr for lyr in self.layers if lyr.name == name), None)

    def move_layer(self, name: str, index: int) -> None:
        """Move a layer to drawing position ``index`` (0 = bottom)."""
        layer = self.layer(name)
        if layer is None:
            return
        self.layers.remove(layer)
        self.layers.insert(max(0, min(index, len(self.layers))), layer)
        self.layers_changed.emit()

    def set_visible(self, name: str, visible: bool) -> None:
        """Show or hide a layer."""
        layer = self.layer(name)
        if layer is not None and layer.visible != visible:
            layer.visible = visible
            self.layers_changed.emit()

    def set_opacity(self, name: str, opacity: float) -> None:
        """Set a layer's opacity, clamped to 0..1."""
        layer = self.layer(name)
        if layer is not None:
            layer.opacity = max(0.0, min(1.0, opacity))
            self.layers_changed.emit()

    def set_layer_crs(self, name: str, crs: str) -> MapLayer:
        """Declare that layer ``name``'s coordinates are in ``crs`` (Layer ▸ Set CRS).

        For files that carried no CRS or a wrong one: the coordinates are not transformed, the
        layer is reprojected from ``crs`` into the project CRS so it lands in the right place.
        Raises ValueError (changing nothing) for an unknown CRS, one the coordinates cannot be
        in, or an unknown layer. Not undoable, like the other layer-panel operations; setting
        the CRS again (the file's own one) goes back.
        """
        from gisdesk.core.crs import assign_crs  # noqa: PLC0415 - pyproj, only when asked

        layer = self.layer(name)
        if layer is None:
            raise ValueError(translate("Project", "There is no layer '{name}'.").format(name=name))
        assign_crs(layer, crs, self.crs)
        self.layers_changed.emit()
        return layer

    def set_extent(self, extent: Extent) -> None:
        """Remember the visible map extent (saved with the project)."""
        self.extent = extent
        self.extent_changed.emit(extent)

    def full_extent(self) -> Extent | None:
        """Union of all layer extents, or None for an empty project."""
        boxes = [e for e in (lyr.extent() for lyr in self.layers) if e is not None]
        if not boxes:
            return None
        return (
            min(b[0] for b in boxes),
            min(b[1] for b in boxes),
            max(b[2] for b in boxes),
            max(b[3] for b in boxes),
        )
