"""Per-feature draw classes of categorized layers, checked row by row against the definition."""

from __future__ import annotations

import math

import numpy as np
import pytest

from gisdesk import paths
from gisdesk.core.definitions import default_catalog
from gisdesk.io.readers import read_layer
from gisdesk.ui.render.styles import _classes, layer_style


def _expected(values, classes) -> list[int]:
    """Class of each value the slow, obvious way: the class whose value equals it (the last
    one if listed twice, as a dict lookup keeps it), else the "other" symbol after them."""
    out = []
    for value in values:
        match = len(classes)
        missing = value is None or (isinstance(value, float) and math.isnan(value))
        for i, cls in enumerate(classes):
            if not missing and cls.value == value:
                match = i
        out.append(match)
    return out


@pytest.mark.parametrize(("layer", "unknown"), [
    ("buildings", "CASTLE"),  # text field (Arrow-backed as read)
    ("water_mains", 9.0),  # numeric condition read as floats, classes listed as integers
])
def test_layer_style_classes_match_the_definition_row_by_row(layer, unknown):
    catalog = default_catalog()
    mapped = read_layer(paths.sample_city_path(), layer, catalog=catalog)
    field = mapped.definition.symbology.field
    frame = mapped.frame
    frame.loc[frame.index[0], field] = unknown  # a value no class lists
    frame.loc[frame.index[1], field] = None  # a missing value
    classes = _classes(mapped.definition, catalog)

    style = layer_style(mapped, catalog)

    expected = _expected(frame[field].tolist(), classes)
    assert style.class_of.dtype == np.int32
    assert style.class_of.tolist() == expected
    assert expected[0] == expected[1] == len(classes)  # both fall to the "other" symbol
    assert len(set(expected)) > 2  # the sample really uses several classes
    assert len(style.symbols) == len(classes) + 1
