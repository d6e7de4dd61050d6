"""The print layout dialog: preview shows the page, exports PDF/PNG/atlas with the widgets'
choices, remembers them; the main window's File menu has Print Layout… (Ctrl+P) and exports."""

from __future__ import annotations

import subprocess

import pytest
from _print_fixtures import DISTRICTS, X0, Y0, load_print_project, write_print_city
from PySide6.QtCore import QSettings
from PySide6.QtGui import QImage, QKeySequence
from PySide6.QtWidgets import QFileDialog

from gisdesk.core.viewport import Viewport
from gisdesk.ui.print.layout_dialog import PrintLayoutDialog


@pytest.fixture
def project(qapp, tmp_path):
    return load_print_project(write_print_city(tmp_path / "city.gpkg"))


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def dialog(qtbot, project, settings):
    view = Viewport.fit((X0, Y0, X0 + 3000, Y0 + 1000), 800, 500)
    dlg = PrintLayoutDialog(project, view, "id", settings)
    qtbot.addWidget(dlg)
    return dlg


def _text(pdf) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout


def test_print_dialog_preview_is_the_page(dialog):
    dialog.paper.setCurrentText("A4")
    dialog.orientation.setCurrentIndex(dialog.orientation.findData("landscape"))
    dialog.update_preview()
    pixmap = dialog.preview.pixmap()
    assert not pixmap.isNull()
    assert pixmap.width() > pixmap.height()  # landscape paper
    assert abs(pixmap.width() / pixmap.height() - 297 / 210) < 0.02


def test_print_dialog_exports_pdf_with_chosen_texts_and_scale(dialog, tmp_path):
    dialog.title_edit.setText("Jalan kondisi buruk")
    dialog.opd_edit.setText("Dinas PUPR")
    dialog.scale.setCurrentIndex(dialog.scale.findData(10000.0))
    pdf = dialog.export_pdf_to(tmp_path / "map.pdf")
    text = _text(pdf)
    assert "Jalan kondisi buruk" in text and "OPD: Dinas PUPR" in text
    assert "Skala 1:10 000" in text and "Legenda" in text


def test_print_dialog_typed_scale_is_used(dialog):
    dialog.scale.setEditText("1:12 345")
    assert dialog.template().scale == 12345.0
    assert dialog.spec().scale == 12345.0


def test_print_dialog_png_at_chosen_dpi(dialog, tmp_path):
    dialog.paper.setCurrentText("A4")
    dialog.orientation.setCurrentIndex(dialog.orientation.findData("portrait"))
    dialog.dpi.setCurrentIndex(dialog.dpi.findData(150.0))
    image = QImage(str(dialog.export_png_to(tmp_path / "p.png")))
    assert (image.width(), image.height()) == (1240, 1754)


def test_print_dialog_atlas_from_widgets(dialog, tmp_path):
    assert dialog.atlas_layer.currentData() == "districts"
    assert dialog.atlas_field.currentText() == "name"
    result = dialog.export_atlas_to(tmp_path / "atlas.pdf")
    assert result.pages == len(DISTRICTS)
    assert all(name in _text(result.path) for name in DISTRICTS)


def test_print_dialog_remembers_choices(qtbot, dialog, project, settings, tmp_path):
    dialog.title_edit.setText("Diingat")
    dialog.paper.setCurrentText("A1")
    dialog.export_pdf_to(tmp_path / "a.pdf")
    again = PrintLayoutDialog(project, None, "en", settings)
    qtbot.addWidget(again)
    assert again.title_edit.text() == "Diingat"
    assert again.paper.currentText() == "A1"


def test_print_dialog_main_window_file_menu(qtbot, tmp_path, monkeypatch):
    from gisdesk.core.definitions import default_catalog
    from gisdesk.core.project import Project
    from gisdesk.ui.main_window import MainWindow
    from gisdesk.ui.settings import AppSettings

    window = MainWindow(Project(catalog=default_catalog()), AppSettings(tmp_path / "w.ini"))
    qtbot.addWidget(window)
    ui = window.print_ui
    assert ui.act_print in window.menu_file.actions()
    assert ui.act_print.shortcut() == QKeySequence("Ctrl+P")
    assert ui.act_print.text().replace("&", "").startswith("Print Layout")
    city = load_print_project(write_print_city(tmp_path / "c.gpkg"))
    for layer in city.layers:
        window.project.add_layer(layer)
    out = tmp_path / "report.html"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    ui.act_report.trigger()
    assert "Condition per kelurahan" in out.read_text(encoding="utf-8")
    dlg = ui.open_print_layout()
    qtbot.addWidget(dlg)
    assert dlg.atlas_layer.currentData() == "districts"


def test_print_dialog_extent_view_or_all_data(qtbot, project, settings):
    view = Viewport(X0 + 500, Y0 + 500, 1.0, 400, 300)  # a 400 m x 300 m corner of the city
    dlg = PrintLayoutDialog(project, view, "en", settings)
    qtbot.addWidget(dlg)
    dlg.scale.setCurrentIndex(0)  # fit
    dlg.extent.setCurrentIndex(dlg.extent.findData("view"))
    near = dlg.spec()
    dlg.extent.setCurrentIndex(dlg.extent.findData("all"))
    whole = dlg.spec()
    assert near.centre == pytest.approx((X0 + 500, Y0 + 500))
    assert whole.centre == pytest.approx((X0 + 1500, Y0 + 500))
    assert whole.scale > near.scale


def test_print_dialog_atlas_offers_any_map_layer(dialog):
    names = [dialog.atlas_layer.itemData(i) for i in range(dialog.atlas_layer.count())]
    assert names[0] == "districts"
    assert {"roads", "valves"} <= set(names) and "inspections" not in names
