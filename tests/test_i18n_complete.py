"""Bahasa Indonesia, complete: definitions, extraction, dates and numbers, exports, live switch.

The translation tests (test_translations.py) check the .ts; these check that what people see
follows the language: layer definitions carry Indonesian, every message reaches the .ts, dates
and numbers use the Indonesian forms (17 Agu 2024, 1.234,5), exports follow the chosen language
and switching language mid-edit keeps the edits.
"""

from __future__ import annotations

import ast
import csv
import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from _edit_fixtures import ADMIN, uuids, write_city
from _ui_editing_fixtures import close_window, make_window, open_file
from pydantic import BaseModel
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from gisdesk import paths
from gisdesk.core.definitions import Text, default_catalog
from gisdesk.core.edits import SetAttribute
from gisdesk.ui import i18n

PACKAGE = Path(__file__).resolve().parent.parent / "gisdesk"
SAME_IN_BOTH = {"Diameter", "HDPE", "Kelurahan", "LED", "PVC", "Status", "UUID"}
"""Definition words that are the same in English and Indonesian (loanwords, codes)."""
MAINS = uuids(6, 1)


@pytest.fixture
def indonesian(qapp):
    assert i18n.install_language(qapp, "id")
    qapp.processEvents()
    yield
    i18n.install_language(qapp, "en")
    qapp.processEvents()


def _texts(node: object, where: str):
    """Every Text in a definition model, with where it sits."""
    if isinstance(node, Text):
        yield where, node
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from _texts(getattr(node, name), f"{where}.{name}")
    elif isinstance(node, list | tuple):
        for i, item in enumerate(node):
            yield from _texts(item, f"{where}[{i}]")
    elif isinstance(node, dict):
        for key, item in node.items():
            yield from _texts(item, f"{where}.{key}")


def _missing_indonesian(catalog) -> tuple[list[str], list[str], int]:
    """(blank Indonesian texts, texts left in English, how many texts) of a catalog."""
    found = [*(t for name, lyr in catalog.layers.items() for t in _texts(lyr, name)),
             *(t for name, dom in catalog.domains.items() for t in _texts(dom, name))]
    blank = [w for w, text in found if not text.id.strip()]
    english = sorted({f"{w}: {text.en}" for w, text in found
                      if text.id.strip() == text.en.strip()
                      and text.en.strip() not in SAME_IN_BOTH})
    return blank, english, len(found)


def test_i18n_every_definition_text_has_indonesian() -> None:
    """Titles, field labels, domain titles/values/descriptions, class labels, form groups."""
    blank, english, count = _missing_indonesian(default_catalog())
    assert count > 200
    assert blank == []
    assert english == [], "give these an Indonesian text (or list a loanword above)"


def test_i18n_definition_check_catches_english_left_in(tmp_path) -> None:
    import shutil

    from gisdesk.core.definitions import load_catalog

    layers = shutil.copytree(paths.layers_dir(), tmp_path / "layers")
    valves = layers / "valves" / "layer.yaml"
    valves.write_text(valves.read_text(encoding="utf-8").replace(
        "{en: Identity, id: Identitas}", "{en: Identity, id: Identity}"), encoding="utf-8")
    _blank, english, _count = _missing_indonesian(load_catalog(layers))
    assert english == ["valves.form[0].title: Identity"]


def _translate_calls(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and len(node.args) >= 2:
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in ("translate", "tr"):
                yield name, func, node


def _lupdate_blind_spots(files: list[Path]) -> list[str]:
    """Literal messages lupdate would skip: a context in a variable, or translate aliased."""
    bad = []
    for path in files:
        for name, func, node in _translate_calls(path):
            context, text = node.args[0], node.args[1]
            literal_text = isinstance(text, ast.Constant) and isinstance(text.value, str)
            where = f"{path.name}:{node.lineno}"
            if name == "translate" and literal_text and not isinstance(context, ast.Constant):
                bad.append(f"{where}: context is not a literal")
            if name == "tr" and isinstance(func, ast.Name) and literal_text:
                bad.append(f"{where}: tr() alias")
    return bad


def test_i18n_every_message_reaches_lupdate(tmp_path) -> None:
    """lupdate needs ``translate("Context", "text")`` with a literal context, called by name.

    A context in a variable (``translate(_CTX, ...)``) or Qt's translate under another name
    (``tr = QCoreApplication.translate``) is silently skipped, and the message stays English
    in the Indonesian app; that hid 49 core messages until this test.
    """
    assert _lupdate_blind_spots(sorted(PACKAGE.rglob("*.py"))) == []
    sample = tmp_path / "blind.py"
    sample.write_text('CTX = "Core"\ntranslate(CTX, "lost")\ntr = translate\n'
                      'tr("Core", "lost too")\ntranslate("Core", "found")\n', encoding="utf-8")
    assert _lupdate_blind_spots([sample]) == ["blind.py:2: context is not a literal",
                                              "blind.py:4: tr() alias"]


def test_i18n_dates_follow_the_language() -> None:
    day = dt.date(2024, 8, 17)
    assert i18n.format_date(day, "id") == "17 Agu 2024"
    assert i18n.format_date(day, "en") == "17 Aug 2024"
    assert i18n.format_date("2024-05-01", "id") == "1 Mei 2024"  # GeoPackage ISO text
    assert i18n.format_date(pd.Timestamp("2024-12-30 14:30"), "id") == "30 Des 2024 14.30"
    assert i18n.format_date(pd.Timestamp("2024-12-30 14:30"), "en") == "30 Dec 2024 14:30"
    assert i18n.format_date("2026-11-28T08:05:00Z", "id", with_time=True) == "28 Nov 2026 08.05"
    assert i18n.format_date("not a date", "id") == "not a date"
    assert i18n.format_date(None, "id") == ""


def test_i18n_numbers_follow_the_language(indonesian) -> None:
    from PySide6.QtCore import QLocale

    from gisdesk.ui.canvas.map_status import format_lonlat
    from gisdesk.ui.locale_axis import tick_text
    from gisdesk.ui.panels.value_format import format_scalar
    from gisdesk.ui.print.decorations import scale_bar_text

    assert i18n.format_number(1234.5, 1) == "1.234,5"
    assert QLocale().toString(1234.5, "f", 1) == "1.234,5"  # the default locale follows too
    assert format_scalar(1234567) == "1.234.567"
    assert format_scalar(2015) == "2015"  # years are not grouped
    assert format_lonlat(123.0619, 0.54208) == "0,54208°LU 123,06190°BT"
    assert format_lonlat(-70.5, -33.25) == "33,25000°LS 70,50000°BB"
    assert tick_text(5e9, 1e9) == "5.000.000.000"  # chart axes
    assert tick_text(2.5, 0.5) == "2,5"
    assert tick_text(2.5, 0.5, integer=True) == ""  # risk classes have no 2,5
    assert tick_text(2027, 1, integer=True) == "2027"
    assert scale_bar_text(500, "km", "id") == "0,5"  # print scale bar, page language
    assert scale_bar_text(500, "km", "en") == "0.5"
    i18n.install_language(QApplication.instance(), "en")
    assert format_lonlat(123.0619, 0.54208) == "0.54208°N 123.06190°E"


def test_i18n_print_page_notes_in_page_language() -> None:
    from gisdesk.export.layout_model import LayoutTemplate
    from gisdesk.ui.print.page import PageSpec, note_lines

    spec = PageSpec(LayoutTemplate(), (0.0, 0.0), 5000, lang="id", date="2024-08-17")
    assert note_lines(spec)[0] == "Tanggal: 17 Agu 2024"
    spec.lang = "en"
    assert note_lines(spec)[0] == "Date: 17 Aug 2024"


def test_i18n_result_tables_label_columns_and_format_numbers(indonesian) -> None:
    from gisdesk.ui.analysis.frame_model import DataFrameModel

    frame = pd.DataFrame({"buildings": ["BGN-1"], "rank": [1], "hydrants": ["HYD-9"],
                          "distance_m": [65.1], "total": [1234567.0]})
    model = DataFrameModel()
    model.set_frame(frame, None, default_catalog())
    headers = [model.headerData(c, Qt.Orientation.Horizontal)
               for c in range(model.columnCount())]
    assert headers == ["Bangunan", "Peringkat", "Hidran", "Jarak (m)", "Total"]
    cells = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert cells == ["BGN-1", "1", "HYD-9", "65,1", "1.234.567"]


def test_i18n_sync_history_summary_reworded(indonesian) -> None:
    from gisdesk.ui.sync.dialogs import summary_text

    catalog = default_catalog()
    assert summary_text("3 updated, 1 added in water_mains; 1 conflict", catalog) == \
        "3 diubah, 1 ditambahkan di Pipa air minum; 1 konflik"
    assert summary_text("hub created", catalog) == "hub dibuat"
    assert summary_text("something a newer version wrote", catalog) == \
        "something a newer version wrote"


def test_i18n_audit_actions_named(indonesian) -> None:
    from gisdesk.ui.panels.audit_panel import action_name, field_label, layer_title

    catalog = default_catalog()
    assert action_name("update") == "Atribut diubah"
    assert action_name("something-new") == "something-new"
    assert layer_title(catalog, "water_mains", "id") == "Pipa air minum"
    assert field_label(catalog, "water_mains", "diameter_mm", "id") == "Diameter"
    assert field_label(catalog, "water_mains", "notes", "id") == "Catatan"


def test_i18n_core_messages_in_indonesian(indonesian) -> None:
    from gisdesk.core.roles import Profile, check_can_edit

    roads = default_catalog().match("roads")
    with pytest.raises(PermissionError) as refused:
        check_can_edit(Profile("Budi", "PDAM", "editor"), roads)
    assert str(refused.value) == (
        "Budi (PDAM) tidak dapat menyunting 'Jalan': lapisan ini milik PUPR.")


@pytest.fixture
def window(qtbot, tmp_path):
    w = make_window(qtbot, tmp_path)
    open_file(qtbot, w, write_city(tmp_path / "city.gpkg"))
    yield w
    i18n.install_language(QApplication.instance(), "en")
    i18n.save_language("")
    close_window(w)


def test_i18n_switch_language_keeps_unsaved_edits_and_retranslates(qtbot, qapp, window) -> None:
    """Settings ▸ Language mid-edit: nothing is lost, menus, table and tooltips follow."""
    ed = window.editing
    ed.controller.set_profile(ADMIN)
    table = window.asset_tables.open_table("water_mains")
    assert ed.controller.apply(SetAttribute(layer="water_mains", uuid=MAINS[0], field="notes",
                                            value="bocor kecil"))
    assert ed.controller.is_dirty and ed.controller.undo.stack.count() == 1
    assert window.menu_file.title() == "&File"
    indonesian = next(a for a in window.language_group.actions() if a.data() == "id")
    indonesian.trigger()  # the Settings ▸ Language menu entry
    qapp.processEvents()
    assert i18n.current_language() == "id" and i18n.saved_language() == "id"
    frame = window.project.layer("water_mains").frame.set_index("uuid")
    assert frame.loc[MAINS[0], "notes"] == "bocor kecil"  # the edit is still there, unsaved
    assert ed.controller.is_dirty and ed.controller.undo.stack.count() == 1
    assert window.menu_file.title() == "&Berkas"
    assert window.menu_help.title() == "Ba&ntuan"
    assert ed.act_undo.text().replace("&", "") == "Urungkan"
    assert window.menuBar().actions()[-1] is window.menu_help.menuAction()  # Help stays last
    model = table.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal)
               for c in range(model.columnCount())]
    assert "Kode aset" in headers and "Bahan" in headers
    row = frame.index.get_loc(MAINS[0])
    last = headers.index("Terakhir diperiksa")
    assert model.data(model.index(row, last)) == "1 Jan 2020"
    ed.act_undo.trigger()  # undo still works across the switch
    assert window.project.layer("water_mains").frame.set_index("uuid").loc[MAINS[0], "notes"] \
        in ("", None)
    english = next(a for a in window.language_group.actions() if a.data() == "en")
    english.trigger()
    qapp.processEvents()
    assert window.menu_file.title() == "&File"


def test_i18n_gui_table_export_follows_the_language(qtbot, qapp, window, tmp_path,
                                                     monkeypatch) -> None:
    """File ▸ Export Table in Indonesian writes Indonesian headers and domain labels."""
    from PySide6.QtWidgets import QFileDialog

    out = tmp_path / "pipa.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *_a, **_k: (str(out), "CSV (*.csv)"))
    assert i18n.install_language(qapp, "id")
    window.layers_panel.select_layer("water_mains")
    window.print_ui.export_table()
    with out.open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert "Kode aset" in rows[0] and "Pemilik" in rows[0]
    assert rows[0]["Pemilik"] == "Perusahaan Daerah Air Minum"
    assert len(rows) == 6


def test_i18n_sample_city_layers_all_defined() -> None:
    """Every sample-city layer has a definition, so none shows an English data name."""
    import pyogrio

    catalog = default_catalog()
    names = [str(n) for n in pyogrio.list_layers(paths.sample_city_path())[:, 0]]
    assert names and all(catalog.match(n) is not None for n in names)
