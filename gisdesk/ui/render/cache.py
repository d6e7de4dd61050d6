"""Keep each layer's prepared geometry and style until the layer changes.

Keyed on the layer object (weakly, so closed layers free their arrays) and invalidated when
``layer.version`` (bumped by edits), the frame object or the definition object changes. A lock
makes it safe for the canvas worker thread and the GUI thread (selection, print) to render at
the same time; the expensive preparation runs outside the lock.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from gisdesk.core.definitions import Catalog
from gisdesk.core.layer import MapLayer
from gisdesk.ui.render.prepared import PreparedLayer, prepare
from gisdesk.ui.render.styles import LayerStyle, layer_style


@dataclass
class _Entry:
    ref: weakref.ref
    key: tuple
    prepared: PreparedLayer
    style: LayerStyle
    extras: dict = field(default_factory=dict)


_lock = threading.RLock()  # re-entrant: weakref callbacks may fire while it is held
_entries: dict[int, _Entry] = {}


def _key(layer: MapLayer, catalog: Catalog | None) -> tuple:
    return (layer.version, id(layer.frame), id(layer.definition), id(catalog), len(layer.frame))


def prepared_for(layer: MapLayer, catalog: Catalog | None) -> tuple[PreparedLayer, LayerStyle]:
    """The cached (geometry, style) of ``layer``, rebuilt when the layer has changed."""
    key = _key(layer, catalog)
    with _lock:
        entry = _entries.get(id(layer))
        if entry is not None and entry.ref() is layer and entry.key == key:
            return entry.prepared, entry.style
    prepared = prepare(layer.frame.geometry.array)
    style = layer_style(layer, catalog)
    with _lock:
        lid = id(layer)
        _entries[lid] = _Entry(weakref.ref(layer, lambda _r: _forget(lid)), key, prepared, style)
    return prepared, style


def layer_extra(
    layer: MapLayer, catalog: Catalog | None, key: Any, build: Callable[[], Any]
) -> Any:
    """A value derived from ``layer`` (e.g. label texts per language), kept as long as the
    layer's prepared geometry and dropped with it when the layer changes."""
    prepared_for(layer, catalog)
    with _lock:
        entry = _entries.get(id(layer))
        if entry is not None and key in entry.extras:
            return entry.extras[key]
    value = build()
    with _lock:
        entry = _entries.get(id(layer))
        if entry is not None and entry.ref() is layer and entry.key == _key(layer, catalog):
            entry.extras[key] = value
    return value


def _forget(layer_id: int) -> None:
    with _lock:
        entry = _entries.get(layer_id)
        if entry is not None and entry.ref() is None:
            del _entries[layer_id]


def clear() -> None:
    """Drop every cached layer (tests and memory pressure)."""
    with _lock:
        _entries.clear()
