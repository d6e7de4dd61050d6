"""``export-map --where`` on the sample city: the legend lists only the classes the filtered map
still draws (no "Good" hydrants on a map of poor ones); without a filter it keeps the full ramp.

The legend rows are read from the same functions the page paints them with (not by OCR), on the
project and page spec the command builds from the same arguments; the PDF text agrees.
"""

from __future__ import annotations

import shutil
import subprocess

import pyogrio
import pytest

from gisdesk import paths
from gisdesk.cli import build_parser, main
from gisdesk.commands import export_map
from gisdesk.export.layout_model import layout_boxes, map_extent
from gisdesk.ui.print.page import page_legend_items, page_spec

pytestmark = pytest.mark.skipif(not paths.sample_city_path().is_file(), reason="no sample city")

CONDITION = {"en": {1: "Very poor", 2: "Poor", 3: "Fair", 4: "Good", 5: "Very good"},
             "id": {1: "Sangat buruk", 2: "Buruk", 3: "Sedang", 4: "Baik", 5: "Sangat baik"}}
TITLE = {"en": "Hydrants", "id": "Hidran"}
WEST = "504500,58500,505100,59100"
"""A corner of the city whose printed frame holds hydrants in condition 1, 3, 4 and 5 (no 2)."""


@pytest.fixture(scope="module")
def city(tmp_path_factory):
    return shutil.copy(paths.sample_city_path(), tmp_path_factory.mktemp("city") / "g.gpkg")


def _export(city, out, *argv):
    """Run the command, then rebuild its project and page to read the legend rows."""
    args = ["export-map", str(city), "--out", str(out), "--layers", "hydrants", *argv]
    assert main(args) == 0
    parsed = build_parser(with_files=False).parse_args(args)
    project, template = export_map._project(parsed), export_map._template(parsed)
    spec = page_spec(project, template, parsed.extent, lang=parsed.lang,
                     filter_text=parsed.where or "")
    rows = [(item.text, item.symbol is None) for item in page_legend_items(project, spec)]
    frame = map_extent(layout_boxes(template)["map"], spec.centre, spec.scale)
    return rows, frame


def _conditions(city, frame, where=None) -> list[int]:
    """Conditions of the hydrants inside the printed map frame, read straight from the file."""
    hydrants = pyogrio.read_dataframe(city, layer="hydrants", bbox=tuple(frame))
    values = hydrants["condition"].dropna().astype(int)
    return sorted(set(values[values <= 2] if where else values))


def _pdf_text(pdf) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout


@pytest.mark.parametrize("lang", ["en", "id"])
def test_print_legend_filtered_map_lists_only_drawn_classes(qapp, city, tmp_path, lang):
    out = tmp_path / f"poor_{lang}.pdf"
    rows, frame = _export(city, out, "--where", "condition <= 2", "--scale", "20000",
                          "--lang", lang)
    assert _conditions(city, frame, "<= 2") == [1, 2]  # both poor classes are on the sheet
    assert rows == [(TITLE[lang], True), (CONDITION[lang][1], False),
                    (CONDITION[lang][2], False)]
    text = _pdf_text(out)
    legend = text[text.index("Legend" if lang == "en" else "Legenda"):]
    assert CONDITION[lang][2] in legend
    for code in (3, 4, 5):
        assert CONDITION[lang][code] not in legend


def test_print_legend_filtered_classes_are_those_inside_the_map_frame(qapp, city, tmp_path):
    rows, frame = _export(city, tmp_path / "west.pdf", "--where", "condition <= 2",
                          "--extent", WEST)
    drawn = _conditions(city, frame, "<= 2")
    assert drawn and drawn != [1, 2]  # the corner lacks a poor class the city has
    assert rows == [(TITLE["en"], True)] + [(CONDITION["en"][c], False) for c in drawn]


def test_print_legend_without_filter_keeps_the_full_ramp(qapp, city, tmp_path):
    rows, frame = _export(city, tmp_path / "all.pdf", "--extent", WEST)
    assert len(_conditions(city, frame)) < 5  # some classes are not on this sheet...
    assert rows == [(TITLE["en"], True)] + [(CONDITION["en"][c], False) for c in range(1, 6)]
