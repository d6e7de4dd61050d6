"""Attribute table model at a million rows: no per-row objects, sort, search, filter, labels."""

from __future__ import annotations

import tracemalloc

import numpy as np
import pytest
from _table_fixtures import synthetic_buildings
from PySide6.QtCore import Qt

from gisdesk.core.definitions import default_catalog
from gisdesk.query.expression import ExpressionError
from gisdesk.ui import i18n as ui_i18n
from gisdesk.ui.table.model import AttributeTableModel

N = 1_000_000


@pytest.fixture(scope="module")
def big():
    return synthetic_buildings(N)


@pytest.fixture
def model(qapp, big):
    m = AttributeTableModel(big, default_catalog())
    yield m
    m.detach()


def _cell(model, row, name, role=Qt.ItemDataRole.DisplayRole):
    return model.data(model.index(row, model.column_index(name)), role)


def test_ui_table_model_million_rows_without_row_objects(qapp, big):
    catalog = default_catalog()
    tracemalloc.start()
    before = tracemalloc.take_snapshot()
    model = AttributeTableModel(big, catalog)
    rng = np.random.default_rng(3)
    shown = [model.data(model.index(int(r), c))
             for r in rng.integers(0, N, 50) for c in range(model.columnCount())]
    after = tracemalloc.take_snapshot()
    tracemalloc.stop()
    blocks = sum(s.count_diff for s in after.compare_to(before, "filename"))
    model.detach()
    assert model.rowCount() == N and len(shown) == 50 * model.columnCount()
    assert blocks < 20_000, f"{blocks} new memory blocks: the model keeps objects per row"


def test_ui_table_model_domain_labels_and_units(model):
    assert _cell(model, 7, "asset_id") == "BG-0000007"
    assert _cell(model, 7, "building_use") == "Place of worship"
    assert _cell(model, 0, "condition") == "Very poor"
    assert _cell(model, 7, "condition", Qt.ItemDataRole.EditRole) == 3.0
    header = model.headerData(model.column_index("floors"), Qt.Orientation.Horizontal)
    assert header == "Floors"


def test_ui_table_model_domain_labels_indonesian(qapp, model):
    assert ui_i18n.install_language(qapp, "id")
    try:
        model.set_language(ui_i18n.current_language())
        assert _cell(model, 7, "building_use") == "Tempat ibadah"
        assert _cell(model, 1, "condition") == "Buruk"
        header = model.headerData(model.column_index("floors"), Qt.Orientation.Horizontal)
        assert header == "Jumlah lantai"
    finally:
        ui_i18n.install_language(qapp, "en")


def test_ui_table_model_sort_by_label_and_number(model):
    model.sort(model.column_index("building_use"), Qt.SortOrder.AscendingOrder)
    assert _cell(model, 0, "building_use") == "Commercial"
    assert _cell(model, N - 1, "building_use") == "School"
    model.sort(model.column_index("asset_id"), Qt.SortOrder.DescendingOrder)
    assert _cell(model, 0, "asset_id") == f"BG-{N - 1:07d}"
    assert model.headerData(0, Qt.Orientation.Vertical) == str(N)


def test_ui_table_model_quick_search_text_and_labels(model):
    model.set_quick_search("masjid")
    assert model.rowCount() == len(range(0, N, 7))
    assert all(_cell(model, r, "name") == "Masjid Agung" for r in (0, 1, model.rowCount() - 1))
    model.set_quick_search("worship")  # a label, not the stored code
    assert model.rowCount() == N // 4
    model.set_quick_search("")
    assert model.rowCount() == N


def test_ui_table_model_expression_filter_and_error_position(model):
    model.set_filter_expression('"floors" = 4 and "condition" <= 2')
    expected = np.count_nonzero((np.arange(N) % 4 == 3) & (np.arange(N) % 5 <= 1))
    assert model.rowCount() == expected
    with pytest.raises(ExpressionError) as info:
        model.set_filter_expression('"floors" >> 2')
    assert info.value.pos == 10  # the second ">"
    assert model.rowCount() == expected  # a bad expression keeps the last good filter
    model.set_filter_expression("")
    assert model.rowCount() == N


def test_ui_table_model_rows_only_maps_both_ways(model):
    model.sort(model.column_index("asset_id"), Qt.SortOrder.DescendingOrder)
    model.set_rows_only("selected", np.array([5, 10, 999_999]))
    assert model.rowCount() == 3
    assert model.frame_rows(np.arange(3)).tolist() == [999_999, 10, 5]
    assert model.view_rows(np.array([10, 5, 42])).tolist() == [1, 2]
    model.set_rows_only("selected", None)
    assert model.rowCount() == N
