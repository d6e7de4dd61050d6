"""Per-field merge policies read from the layer definitions (``sync:`` in layer.yaml)."""

from __future__ import annotations

from gisdesk.core.definitions import Catalog
from gisdesk.sync.merge import FieldPolicies, Policy


def policies_from_catalog(catalog: Catalog) -> FieldPolicies:
    """The FieldPolicies every sync uses, so a city changes them by editing layer.yaml."""
    policies = {
        name: {field: Policy(value) for field, value in layer.sync.policies.items()}
        for name, layer in catalog.layers.items()
        if layer.sync.policies
    }
    times = {name: layer.sync.time_field for name, layer in catalog.layers.items()
             if layer.sync.time_field}
    return FieldPolicies(policies, times)
