"""Help ▸ About GIS Desk: live versions, every licence text, the Qt note, OSM credit, the icon."""

from __future__ import annotations

from importlib import metadata

import pytest
from PySide6.QtCore import QLibraryInfo, Qt
from PySide6.QtWidgets import QApplication

from gisdesk import __version__, licenses
from gisdesk.ui import i18n
from gisdesk.ui.about import AboutDialog, qt_library_folder
from gisdesk.ui.app_icon import app_icon, icon_files, install_app_icon


@pytest.fixture
def about(qtbot):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    return dialog


def _row(dialog: AboutDialog, name: str) -> int:
    names = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    return names.index(name)


def test_ui_about_lists_every_component_with_live_version(about) -> None:
    assert about.table.rowCount() == len(licenses.COMPONENTS)
    assert f"GIS Desk {__version__}" in about.title_label.text()
    row = _row(about, "geopandas")
    assert about.table.item(row, 1).text() == metadata.version("geopandas")
    assert about.table.item(row, 2).text() == "BSD-3-Clause"
    assert about.table.item(_row(about, "Qt / PySide6"), 2).text() == "LGPL-3.0-only"
    assert about.table.item(_row(about, "OpenStreetMap"), 1).text() == "—"
    assert about.table.item(_row(about, "GDAL"), 3).text() == "Reading and writing GIS file formats"
    assert "GPL-3.0-or-later" in about.summary_label.text()


def test_ui_about_picking_a_row_shows_its_full_licence(about) -> None:
    assert "GNU GENERAL PUBLIC LICENSE" in about.licence_view.toPlainText()  # GIS Desk first
    about.table.selectRow(_row(about, "Leaflet"))
    assert "Volodymyr Agafonkin" in about.licence_view.toPlainText()
    about.table.selectRow(_row(about, "Qt / PySide6"))
    text = about.licence_view.toPlainText()
    assert "Replacing the Qt libraries" in text and "GNU LESSER GENERAL PUBLIC LICENSE" in text


def test_ui_about_notes_qt_folder_and_osm_credit(about) -> None:
    notes = about.notes_label.text()
    assert qt_library_folder() == QLibraryInfo.path(QLibraryInfo.LibraryPath.LibrariesPath)
    assert qt_library_folder() in notes
    assert "LGPLv3" in notes
    assert licenses.OSM_ATTRIBUTION in notes
    assert licenses.OSM_ATTRIBUTION == "© OpenStreetMap contributors, ODbL"


def test_ui_about_in_indonesian(qapp, about) -> None:
    try:
        assert i18n.install_language(qapp, "id")
        qapp.processEvents()
        assert about.windowTitle() == "Tentang GIS Desk"
        assert about.tabs.tabText(0) == "Komponen dan lisensi"
        assert about.table.horizontalHeaderItem(2).text() == "Lisensi"
        assert about.table.item(_row(about, "PROJ"), 3).text() == \
            "Sistem koordinat dan proyeksi ulang"
        assert licenses.OSM_ATTRIBUTION in about.notes_label.text()  # the credit stays as is
    finally:
        i18n.install_language(qapp, "en")
        qapp.processEvents()
    assert about.windowTitle() == "About GIS Desk"


def test_ui_about_from_the_help_menu(qtbot, tmp_path) -> None:
    from _ui_editing_fixtures import close_window, make_window

    window = make_window(qtbot, tmp_path)
    try:
        assert window.act_about in window.menu_help.actions()
        window.act_about.trigger()
        shown = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, AboutDialog) and w.isVisible()]
        assert len(shown) == 1 and shown[0].parent() is window
        assert shown[0].testAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        shown[0].reject()
    finally:
        close_window(window)


def test_ui_about_app_icon_from_resources(qapp) -> None:
    files = icon_files()
    assert files and files[0].name == "gisdesk.svg"
    icon = app_icon()
    assert not icon.isNull()
    assert not icon.pixmap(32, 32).isNull()
    assert install_app_icon(qapp)
    assert not qapp.windowIcon().isNull()


def test_ui_about_missing_icon_falls_back_to_qt_default(tmp_path) -> None:
    assert icon_files(tmp_path) == []
    assert app_icon(tmp_path).isNull()
    (tmp_path / "gisdesk-16.png").write_bytes(b"")  # PNG renders only: still used, by size
    (tmp_path / "gisdesk-128.png").write_bytes(b"")
    (tmp_path / "gisdesk-32.png").write_bytes(b"")
    assert [p.name for p in icon_files(tmp_path)] == [
        "gisdesk-16.png", "gisdesk-32.png", "gisdesk-128.png"]
