"""One attribute-table column over a frame column: display text, sort keys and search, by row.

The table must stay fast at a million rows, so nothing here makes a Python object per row. Each
column keeps the frame's own numpy array and answers for one row position at a time (only the
visible cells are ever formatted); domain labels come from a per-column integer array of label
positions built once with a hash lookup (``pandas.Index.get_indexer``), so showing "Poor" instead
of ``2`` costs one array read per cell. Sort keys and search masks are whole-column numpy
operations, computed when asked and cached until the layer changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from gisdesk.core.definitions import Catalog, Domain, FieldDef, LayerDef
from gisdesk.ui.panels.value_format import format_field, format_scalar, is_missing

try:  # pyarrow's substring kernel is ~10x faster than pandas' .str.contains on object arrays
    import pyarrow as pa
    import pyarrow.compute as pc
except ImportError:  # pragma: no cover - pyarrow ships with the app's dependencies
    pa = pc = None


def _label_positions(values: np.ndarray, domain: Domain) -> np.ndarray:
    """Index of each value's code in ``domain.values``; -1 for missing and unknown codes."""
    codes = domain.codes()
    if domain.type == "integer":
        numeric = pd.to_numeric(pd.Series(values, copy=False), errors="coerce").to_numpy(float)
        return pd.Index(np.asarray(codes, dtype=float)).get_indexer(numeric)
    if pc is not None and not isinstance(values, np.ndarray):  # Arrow strings: no str objects
        found = pc.index_in(pa.array(values), value_set=pa.array([str(c) for c in codes]))
        return found.fill_null(-1).to_numpy(zero_copy_only=False).astype(np.intp)
    return pd.Index([str(c) for c in codes], dtype=object).get_indexer(values)


@dataclass
class Column:
    """A displayed column: its frame data, its definition (if any) and lazily built caches."""

    name: str
    values: Any
    """A numpy array, or the frame's own extension array (Arrow strings stay Arrow)."""
    fdef: FieldDef | None = None
    domain: Domain | None = None
    _labels: dict[str, list[str]] = field(default_factory=dict, repr=False)
    _positions: np.ndarray | None = field(default=None, repr=False)
    _sort_key: np.ndarray | None = field(default=None, repr=False)
    _arrow: Any = field(default=None, repr=False)

    @property
    def is_numeric(self) -> bool:
        """Numbers are right-aligned and spin-boxed."""
        if self.domain is not None:
            return False
        if self.fdef is not None:
            return self.fdef.type in ("integer", "real")
        return self.values.dtype.kind in "iuf"

    @property
    def is_text(self) -> bool:
        """Columns the quick search looks into (free text and coded values via their labels)."""
        if self.domain is not None:
            return True
        if self.fdef is not None:
            return self.fdef.type in ("text", "uuid", "date", "datetime")
        return self.values.dtype.kind in "OSU"

    def positions(self) -> np.ndarray:
        """Label position per row (domain columns only), built on first use."""
        if self._positions is None:
            assert self.domain is not None
            self._positions = _label_positions(self.values, self.domain)
        return self._positions

    def labels(self, lang: str) -> list[str]:
        """Domain labels in ``lang``, in domain order."""
        if lang not in self._labels:
            assert self.domain is not None
            self._labels[lang] = [v.label.get(lang) for v in self.domain.values]
        return self._labels[lang]

    def raw(self, row: int) -> Any:
        """The stored value at frame position ``row`` (None when missing)."""
        value = self.values[row]
        return None if is_missing(value) else (value.item() if hasattr(value, "item") else value)

    def display(self, row: int, lang: str, layer: LayerDef | None, catalog: Catalog) -> str:
        """What the cell shows: the domain label, or the value formatted with its unit."""
        if self.domain is not None:
            pos = self.positions()[row]
            if pos >= 0:
                return self.labels(lang)[pos]
        value = self.values[row]
        if self.fdef is not None and layer is not None and self.domain is None:
            return format_field(value, self.fdef, catalog, layer, lang)
        return format_scalar(value, lang) if not is_missing(value) else ""

    def sort_key(self, lang: str) -> np.ndarray:
        """A float key per row (NaN for missing, sorted last either way).

        Coded columns sort by their label in ``lang``, so "Baik" comes before "Buruk" whatever
        the codes are; text sorts by ``pandas.factorize(sort=True)`` ranks.
        """
        if self._sort_key is not None:
            return self._sort_key
        if self.domain is not None:
            labels = self.labels(lang)
            rank = np.empty(len(labels), dtype=float)
            rank[np.argsort(np.asarray(labels, dtype=object), kind="stable")] = np.arange(
                len(labels))
            pos = self.positions()
            key = np.where(pos >= 0, rank[np.maximum(pos, 0)], np.nan)
        elif self.values.dtype.kind in "iufb":
            key = self.values.astype(float)
        else:
            codes, _ = pd.factorize(pd.Series(self.values, copy=False), sort=True)
            key = np.where(codes >= 0, codes, np.nan).astype(float)
        self._sort_key = key
        return key

    def contains(self, text: str, lang: str) -> np.ndarray:
        """Rows whose shown text contains ``text`` (case-insensitive), as a boolean array."""
        if self.domain is not None:
            needle = text.casefold()
            hits = [i for i, lab in enumerate(self.labels(lang)) if needle in lab.casefold()]
            hits += [i for i, c in enumerate(self.domain.codes()) if needle in str(c).casefold()]
            return np.isin(self.positions(), np.asarray(sorted(set(hits)), dtype=np.intp))
        if pc is not None:
            if self._arrow is None:
                self._arrow = _arrow_text(self.values)
            if self._arrow is not None:
                found = pc.match_substring(self._arrow, text, ignore_case=True)
                return found.fill_null(False).to_numpy(zero_copy_only=False)
        series = pd.Series(self.values, copy=False).astype(str)
        return series.str.contains(text, case=False, regex=False, na=False).to_numpy(bool)


def _arrow_text(values: Any) -> Any:
    """The column as an Arrow string array, or None when it holds non-text objects."""
    try:
        return pa.array(values, type=pa.string(), from_pandas=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        try:
            return pc.cast(pa.array(values, from_pandas=True), pa.string())
        except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
            return None


def build_columns(frame: pd.DataFrame, layer: LayerDef | None, catalog: Catalog) -> list[Column]:
    """The table's columns: defined fields in definition order, then any extra data columns.

    The geometry column is left out (the map shows it); no row is touched here.
    """
    geometry = getattr(frame, "_geometry_column_name", None)
    names = [c for c in frame.columns if c != geometry]
    ordered = [f.name for f in layer.fields if f.name in names] if layer else []
    ordered += [c for c in names if c not in ordered]
    out = []
    for name in ordered:
        fdef = layer.field(name) if layer else None
        domain = catalog.domain_for(layer, name) if (layer and fdef) else None
        series = frame[name]
        values = series.to_numpy() if isinstance(series.dtype, np.dtype) else series.array
        out.append(Column(str(name), values, fdef, domain))
    return out
