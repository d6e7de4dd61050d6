"""QGIS-style filter expressions, parsed by a real parser and evaluated column-wise.

>>> import pandas as pd
>>> frame = pd.DataFrame({"floors": [1, 3, 5]})
>>> Expression('"floors" > 2').mask(frame).tolist()
[False, True, True]

The text is never passed to ``eval`` or into SQL: it is tokenised, parsed into a tree of
:mod:`.nodes` and each node runs as numpy/pandas operations over whole columns.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, fields, is_dataclass

import numpy as np
import pandas as pd

from gisdesk.core.definitions import Catalog, LayerDef
from gisdesk.i18n import translate
from gisdesk.query.expression import nodes
from gisdesk.query.expression.errors import ExpressionError
from gisdesk.query.expression.evaluate import Evaluator
from gisdesk.query.expression.functions import FUNCTIONS
from gisdesk.query.expression.parser import parse
from gisdesk.query.expression.values import broadcast

__all__ = ["FUNCTIONS", "Expression", "ExpressionError", "filter_mask", "parse"]


@dataclass(frozen=True)
class Expression:
    """A parsed expression, reusable over many frames (saved queries, live counts)."""

    text: str
    tree: nodes.Node = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "tree", parse(self.text))

    @property
    def referenced_fields(self) -> set[str]:
        """Field names the expression reads (as written), for validation and UI hints."""
        return {node.name for node in _walk(self.tree) if isinstance(node, nodes.FieldRef)}

    def values(
        self,
        frame: pd.DataFrame,
        definition: LayerDef | None = None,
        catalog: Catalog | None = None,
        layer_name: str = "layer",
    ) -> pd.Series:
        """The value of the expression for every row (NULL as None/NaN), indexed like ``frame``."""
        value = Evaluator(self.text, frame, definition, catalog, layer_name).eval(self.tree)
        data, null = broadcast(value, len(frame))
        series = pd.Series(data, index=frame.index)
        if null.any():
            series = series.astype(object).where(~null, None)
        return series

    def mask(
        self,
        frame: pd.DataFrame,
        definition: LayerDef | None = None,
        catalog: Catalog | None = None,
        layer_name: str = "layer",
    ) -> np.ndarray:
        """Boolean array: True where the condition is definitely true (NULL counts as false)."""
        value = Evaluator(self.text, frame, definition, catalog, layer_name).eval(self.tree)
        if value.kind not in ("bool", "null"):
            msg = translate(
                "Expression", "A filter must be a condition (true/false) but this gives {0}"
            )
            raise ExpressionError(msg.format(value.kind), self.text, 0, len(self.text))
        data, null = broadcast(value, len(frame))
        return np.asarray(data, dtype=bool) & ~null


def filter_mask(
    text: str,
    frame: pd.DataFrame,
    definition: LayerDef | None = None,
    catalog: Catalog | None = None,
    layer_name: str = "layer",
) -> np.ndarray:
    """Shortcut for ``Expression(text).mask(frame, ...)``."""
    return Expression(text).mask(frame, definition, catalog, layer_name)


def _walk(node: nodes.Node) -> Iterator[nodes.Node]:
    yield node
    for item in fields(node):
        child = getattr(node, item.name)
        children = child if isinstance(child, tuple) else (child,)
        for c in children:
            if is_dataclass(c) and isinstance(c, nodes.Node):
                yield from _walk(c)
