"""Queries a planner can name, save in the project and run again next month.

A saved query is plain data (layer names and expression texts), versioned like every on-disk
format, and validated when loaded so a broken expression is reported before it is run.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from gisdesk.core.definitions import Catalog
from gisdesk.core.layer import MapLayer
from gisdesk.i18n import translate
from gisdesk.query.expression import Expression
from gisdesk.query.spatial import PREDICATES, select_by_location

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class SavedQuery:
    """Select from ``layer`` by ``where`` and, optionally, by relation to ``near_layer``.

    ``distance`` (metres) turns the relation into "within distance of"; ``near_where``
    filters the reference layer first (e.g. mains in poor condition).
    """

    name: str
    layer: str
    where: str | None = None
    near_layer: str | None = None
    near_where: str | None = None
    relation: str = "intersects"
    distance: float | None = None

    def __post_init__(self) -> None:
        if self.relation not in PREDICATES:
            msg = translate("Query", "Saved query '{0}': unknown relation '{1}'")
            raise ValueError(msg.format(self.name, self.relation))
        for text in (self.where, self.near_where):
            if text:
                Expression(text)  # raises ExpressionError with the caret line

    def to_dict(self) -> dict[str, Any]:
        """Plain data for the project file, with the format version."""
        return {"schema_version": SCHEMA_VERSION, **asdict(self)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SavedQuery:
        """Load (and validate) a saved query written by :meth:`to_dict`."""
        version = data.get("schema_version", SCHEMA_VERSION)
        if version > SCHEMA_VERSION:
            msg = translate("Query", "Saved query format {0} is newer than this GIS Desk ({1})")
            raise ValueError(msg.format(version, SCHEMA_VERSION))
        fields = {k: v for k, v in data.items() if k != "schema_version"}
        return cls(**fields)

    def run(self, layers: Mapping[str, MapLayer], catalog: Catalog | None = None) -> np.ndarray:
        """Boolean mask over the features of ``layers[self.layer]``."""
        target = _layer(layers, self.layer, self.name)
        mask = _where(target, self.where, catalog)
        if self.near_layer:
            near = _layer(layers, self.near_layer, self.name)
            reference = near.frame[_where(near, self.near_where, catalog)]
            predicate = "dwithin" if self.distance is not None else self.relation
            mask &= select_by_location(target.frame, reference, predicate, self.distance,
                                       names=(self.layer, self.near_layer))
        return mask


def _layer(layers: Mapping[str, MapLayer], name: str, query: str) -> MapLayer:
    if name not in layers:
        msg = translate("Query", "Saved query '{0}' needs layer '{1}', which is not loaded "
                        "(loaded: {2})")
        raise KeyError(msg.format(query, name, ", ".join(layers)))
    return layers[name]


def _where(layer: MapLayer, text: str | None, catalog: Catalog | None) -> np.ndarray:
    if not text:
        return np.ones(len(layer.frame), dtype=bool)
    return Expression(text).mask(layer.frame, layer.definition, catalog, layer.name)
