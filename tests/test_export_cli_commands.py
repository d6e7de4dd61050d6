"""``gisdesk export-web``, ``export-table`` and ``export-layer`` run headless end to end."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pyogrio
import pytest
from test_export_support import write_city

from gisdesk.cli import main
from gisdesk.export.webmap_assets import required_external_urls


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Read-only input shared by the tests of this module."""
    return write_city(tmp_path_factory.mktemp("city"))


def test_export_cli_web_filters_and_writes_offline_page(city: Path, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "jalan.html"
    code = main(["export-web", str(city), "--out", str(out), "--layers", "districts,roads",
                 "--where", "condition <= 2", "--lang", "id", "--title", "Jalan rusak"])
    assert code == 0
    printed = capsys.readouterr().out
    assert "--where not applied to layer 'districts'" in printed
    assert "2 layers, 5 features" in printed  # 2 kelurahan + 3 poor roads
    html = out.read_text(encoding="utf-8")
    assert "Jalan (3)" in html and "Kelurahan (2)" in html and "Katup" not in html
    assert "<title>Jalan rusak</title>" in html and required_external_urls(html) == []


def test_export_cli_table_xlsx_in_indonesian(city: Path, tmp_path: Path) -> None:
    out = tmp_path / "jalan.xlsx"
    assert main(["export-table", str(city), "--layer", "roads", "--out", str(out),
                 "--lang", "id", "--where", "road_class = 'ARTERIAL'"]) == 0
    rows = list(openpyxl.load_workbook(out).active.iter_rows(values_only=True))
    assert len(rows) == 3 and "Kelas jalan" in rows[0]
    assert rows[1][rows[0].index("Kelas jalan")] == "Arteri"


def test_export_cli_layer_shapefile_prints_truncation(city: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "katup.shp"
    assert main(["export-layer", str(city), "--layer", "valves", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "warning: katup.shp: shapefile field names are cut to 10 characters" in printed
    assert "diameter_mm -> diameter_m" in printed
    assert len(pyogrio.read_dataframe(out)) == 4


def test_export_cli_web_from_project_file_keeps_visibility(city: Path, tmp_path: Path) -> None:
    from gisdesk.core.definitions import default_catalog
    from gisdesk.core.project import Project
    from gisdesk.io.project_file import save_project
    from gisdesk.io.readers import read_layer

    catalog = default_catalog()
    project = Project(catalog)
    for name in ("districts", "roads", "valves"):
        project.add_layer(read_layer(city, name, catalog=catalog))
    project.set_visible("valves", False)
    gdproj = tmp_path / "rapat.gdproj"
    save_project(project, gdproj)
    out = tmp_path / "rapat.html"
    assert main(["export-web", str(gdproj), "--out", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert "Roads (6)" in html and "Kelurahan (2)" in html
    assert "Valves (" not in html and '"title":"Valves"' not in html  # hidden in the project


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export-layer", "{city}", "--layer", "pipes", "--out", "{tmp}/x.shp"],
         "no layer called 'pipes'"),
        (["export-layer", "{city}", "--layer", "roads", "--where", "condition <<= 2",
          "--out", "{tmp}/x.geojson"], "(layer 'roads'): bad --where expression"),
        (["export-layer", "{city}", "--layer", "roads", "--out", "{tmp}/x.dxf"],
         "cannot export to '.dxf' files"),
        (["export-table", "{city}", "--layer", "roads", "--out", "{tmp}/x.ods"],
         ".csv or .xlsx"),
        (["export-web", "{city}", "--layers", "roads,pipes", "--out", "{tmp}/x.html"],
         "no layer named pipes"),
        (["export-web", "{tmp}/missing.gpkg", "--out", "{tmp}/x.html"], "file not found"),
    ],
)
def test_export_cli_user_errors_exit_2_with_message(
    city: Path, tmp_path: Path, capsys: pytest.CaptureFixture, args: list[str], message: str
) -> None:
    argv = [a.format(city=city, tmp=tmp_path) for a in args]
    assert main(argv) == 2
    assert message in capsys.readouterr().err
