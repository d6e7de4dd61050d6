"""Overdue inspections list: Export… writes CSV and XLSX that read back as the list on screen.

Run on a copy of the sample city (its mains and their inspections, read from the GeoPackage).
"""

from __future__ import annotations

import datetime as dt
import shutil

import pandas as pd
import pytest

from gisdesk import paths
from gisdesk.core.definitions import default_catalog
from gisdesk.core.layer import DataSource
from gisdesk.core.project import Project
from gisdesk.io.project_file import read_source
from gisdesk.ui import i18n
from gisdesk.ui.inspections.overdue_view import OverdueView

pytestmark = pytest.mark.skipif(not paths.sample_city_path().is_file(), reason="no sample city")

TODAY = dt.date(2027, 1, 1)  # some mains inspected, some never: both kinds listed


@pytest.fixture
def project(tmp_path):
    city = shutil.copy(paths.sample_city_path(), tmp_path / "gorontalo.gpkg")
    project = Project(catalog=default_catalog())
    for name in ("water_mains", "inspections"):
        project.add_layer(read_source(DataSource(city, name), project.catalog, project.crs))
    return project


@pytest.fixture
def view(qtbot, project):
    view = OverdueView(project, today=TODAY)
    qtbot.addWidget(view)
    view.show_layer("water_mains")
    return view


def _expected(view) -> pd.DataFrame:
    frame = view.frame
    return pd.DataFrame({
        "Asset": frame["label"].astype(str).tolist(),
        "Last inspected": [None if pd.isna(d) else d.date() for d in frame["last_inspected"]],
        "Due": [d.date() for d in frame["next_due"]],
        "Days overdue": frame["days_overdue"].astype(int).tolist(),
    })


def test_ui_overdue_export_csv_reads_back(view, tmp_path):
    assert 10 < view.model.rowCount() < len(view.project.layer("water_mains").frame)
    written = view.export_to(tmp_path / "overdue.csv")
    assert written.rows == view.model.rowCount()
    back = pd.read_csv(tmp_path / "overdue.csv", encoding="utf-8-sig", dtype={"Asset": str})
    expected = _expected(view)
    assert back.columns.tolist() == ["Asset", "Last inspected", "Due", "Days overdue"]
    assert back["Asset"].tolist() == expected["Asset"].tolist()
    assert back["Days overdue"].tolist() == expected["Days overdue"].tolist()
    assert back["Due"].tolist() == [d.isoformat() for d in expected["Due"]]
    never = [d is None for d in expected["Last inspected"]]
    assert 0 < sum(never) < len(never) and expected["Days overdue"].max() > 100
    assert back["Last inspected"].isna().tolist() == never  # never inspected: empty cell
    assert back.loc[~back["Last inspected"].isna(), "Last inspected"].tolist() == [
        d.isoformat() for d in expected["Last inspected"] if d is not None]
    # the screen shows the same rows in the same order
    assert [view.model.item(i, 0).text() for i in range(view.model.rowCount())] == \
        back["Asset"].tolist()


def test_ui_overdue_export_xlsx_reads_back(view, tmp_path):
    view.export_to(tmp_path / "overdue.xlsx")
    back = pd.read_excel(tmp_path / "overdue.xlsx", sheet_name="Overdue inspections",
                         dtype={"Asset": str})
    expected = _expected(view)
    assert back["Asset"].tolist() == expected["Asset"].tolist()
    assert back["Days overdue"].tolist() == expected["Days overdue"].tolist()
    assert [d.date() for d in back["Due"]] == expected["Due"].tolist()


def test_ui_overdue_export_headers_in_indonesian(qtbot, qapp, project, tmp_path):
    assert i18n.install_language(qapp, "id")
    try:
        view = OverdueView(project, today=TODAY)
        qtbot.addWidget(view)
        view.show_layer("water_mains")
        view.export_to(tmp_path / "terlambat.csv")
        headers = pd.read_csv(tmp_path / "terlambat.csv", encoding="utf-8-sig").columns.tolist()
        assert headers == view.headers()
        assert headers[0] != "Asset" and "Due" not in headers
        assert view.export_button.text() != "Export…"
    finally:
        i18n.install_language(qapp, "en")
        qapp.processEvents()


def test_ui_overdue_export_bad_suffix_names_the_file(view, tmp_path):
    with pytest.raises(ValueError, match=r"overdue\.txt"):
        view.export_to(tmp_path / "overdue.txt")
    assert not (tmp_path / "overdue.txt").exists()
