"""``gisdesk plan --out`` on the sample city, read back: every header is a field label in the
chosen language and coded values are domain labels (material "DI" → "Ductile iron", risk class
4 → "High risk"), as export-table writes a layer; ``--codes`` keeps the stored codes."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from gisdesk.cli import main
from gisdesk.core.definitions import default_catalog
from gisdesk.paths import sample_city_path
from gisdesk.planning.result_layer import risk_class_domain

PLAN = ["--budget", "5e9", "--years", "2", "--start-year", "2027"]


@pytest.fixture(scope="module")
def raw_rows():
    """The programme as stored codes, from --json (a separate code path from the export)."""
    import io
    from contextlib import redirect_stdout

    buffer = io.StringIO()
    with redirect_stdout(buffer):
        assert main(["plan", str(sample_city_path()), *PLAN, "--json"]) == 0
    return pd.DataFrame(json.loads(buffer.getvalue())["rows"])


def _read(path):
    if path.suffix == ".csv":
        return pd.read_csv(path, encoding="utf-8-sig", keep_default_na=False,
                           na_values=[""])
    return pd.read_excel(path)


def _plan(tmp_path, capsys, name, *extra):
    out = tmp_path / name
    assert main(["plan", str(sample_city_path()), *PLAN, "--out", str(out), *extra]) == 0
    assert f"wrote {out}" in capsys.readouterr().out
    return _read(out)


@pytest.mark.parametrize(("lang", "name"), [("en", "prog.xlsx"), ("id", "program.csv"),
                                            ("id", "program.xlsx"), ("en", "prog.csv")])
def test_plan_export_headers_and_values_are_labels(raw_rows, tmp_path, capsys, lang, name):
    argv = ["--lang", lang] if lang == "id" else []  # English is the default, as export-table
    table = _plan(tmp_path, capsys, name, *argv)
    catalog = default_catalog()
    mains = catalog.layers["water_mains"]
    assert len(table) == len(raw_rows) == 1775
    # every header is a label: no raw field name is left untranslated
    raw_names = set(raw_rows.columns)
    assert not raw_names & set(table.columns), raw_names & set(table.columns)
    material, condition = mains.field("material"), mains.field("condition")
    expected_first = ["Asset code", "Material", "Diameter (mm)", "Year installed", "Condition",
                      "Rank", "Programme year", "Risk (1-25)", "Risk class"]
    if lang == "id":
        expected_first = ["Kode aset", "Bahan", "Diameter (mm)", "Tahun pemasangan", "Kondisi",
                          "Peringkat", "Tahun program", "Risiko (1-25)", "Kelas risiko"]
    assert list(table.columns[:9]) == expected_first
    assert material.label.get(lang) in table.columns
    pipe = catalog.domains["pipe_material"]
    wanted = [pipe.label(code, lang) for code in raw_rows["material"]]
    assert table[material.label.get(lang)].tolist() == wanted
    assert set(raw_rows["material"]) - set(table[material.label.get(lang)])  # codes are gone
    risk = risk_class_domain()
    risk_header = "Kelas risiko" if lang == "id" else "Risk class"
    assert table[risk_header].tolist() == [risk.label(int(c), lang) for c in
                                           raw_rows["risk_class"]]
    conditions = catalog.domains["condition"]
    shown = table[condition.label.get(lang)]
    for code, label in zip(raw_rows["condition"], shown, strict=True):
        if code is None or pd.isna(code):
            assert pd.isna(label)
        else:
            assert label == conditions.label(int(code), lang)
    assert table[expected_first[0]].tolist() == raw_rows["asset_id"].tolist()


def test_plan_export_codes_keeps_stored_values(raw_rows, tmp_path, capsys):
    table = _plan(tmp_path, capsys, "codes.csv", "--codes", "--lang", "id")
    assert table["Bahan"].tolist() == raw_rows["material"].tolist()
    assert table["Kelas risiko"].tolist() == raw_rows["risk_class"].tolist()
    assert table["Pelanggan terputus"].tolist() == raw_rows["customers"].tolist()


def test_plan_xlsx_sheet_named_in_the_language(tmp_path, capsys):
    out = tmp_path / "p.xlsx"
    assert main(["plan", str(sample_city_path()), *PLAN, "--limit", "1", "--lang", "id",
                 "--out", str(out)]) == 0
    assert list(pd.read_excel(out, sheet_name=None)) == ["Program risiko"]
