"""Tables for reports: label headers and domain labels in the chosen language, CSV and XLSX."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from test_export_support import roads

from gisdesk.core.definitions import default_catalog
from gisdesk.export.tables import export_table, labelled_frame


@pytest.fixture(scope="module")
def catalog():
    return default_catalog()


def test_export_tables_xlsx_headers_and_values_in_indonesian(tmp_path: Path, catalog) -> None:
    out = tmp_path / "jalan.xlsx"
    result = export_table(roads(), out, definition=catalog.layers["roads"], catalog=catalog,
                          lang="id", sheet_name="Jalan")
    assert result.rows == 6
    sheet = openpyxl.load_workbook(out)["Jalan"]
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    assert header[:4] == ("UUID aset", "Kode aset", "Pemilik", "Tahun pemasangan")
    assert "Kelas jalan" in header and "Lebar badan jalan (m)" in header
    first = dict(zip(header, rows[1], strict=True))
    assert first["Kelas jalan"] == "Arteri" and first["Kondisi"] == "Sangat buruk"
    assert first["Permukaan"] == "Aspal" and first["Lebar badan jalan (m)"] == 6.5  # a number
    assert first["Tahun pemasangan"] == 1990
    assert sheet.freeze_panes == "A2" and sheet["A1"].font.bold


def test_export_tables_csv_in_english_keeps_unknown_codes(tmp_path: Path, catalog) -> None:
    out = tmp_path / "roads.csv"
    export_table(roads(), out, definition=catalog.layers["roads"], catalog=catalog)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8 correctly
    table = pd.read_csv(out, encoding="utf-8-sig")
    assert list(table["Road class"]) == ["Arterial", "Arterial", "Collector", "Local", "Local",
                                         "TRACK"]
    assert table.loc[0, "Notes"] == "<b>rusak</b> – perlu perbaikan"
    assert "geometry" not in table.columns


def test_export_tables_codes_option_keeps_stored_values(tmp_path: Path, catalog) -> None:
    out = tmp_path / "codes.csv"
    export_table(roads(), out, definition=catalog.layers["roads"], catalog=catalog, lang="id",
                 codes=True)
    table = pd.read_csv(out, encoding="utf-8-sig")
    assert list(table["Kondisi"]) == [1, 2, 3, 4, 5, 1]
    assert table.loc[0, "Kelas jalan"] == "ARTERIAL"


def test_export_tables_without_definition_uses_raw_names(catalog) -> None:
    frame = pd.DataFrame({"kode": ["A"], "nilai": [2]})
    table = labelled_frame(frame, None, catalog, "id")
    assert list(table.columns) == ["kode", "nilai"] and table.iloc[0, 1] == 2


def test_export_tables_rejects_unknown_suffix(tmp_path: Path, catalog) -> None:
    with pytest.raises(ValueError, match=r"roads\.ods.*\.csv or \.xlsx"):
        export_table(roads(), tmp_path / "roads.ods", definition=catalog.layers["roads"],
                     catalog=catalog)
