"""Every feature of the shipped sample city passes the app's own validation.

The sample is what people first edit: a value the editing core would refuse (a required field
left empty, a code outside its list, a number out of range, an unknown defect code) would make
saving a form fail on an untouched field. So each row goes through the same
:func:`~gisdesk.core.validation.coerce_record` and
:func:`~gisdesk.core.edits.check_geometry` every edit goes through, and each inspection's defect
codes through the same split and domain the inspection form uses.
"""

from __future__ import annotations

from collections import Counter

import pandas as pd
import pyogrio
import pytest

from gisdesk import paths
from gisdesk.core.definitions import Catalog, default_catalog
from gisdesk.core.edits import check_geometry
from gisdesk.core.inspections import DEFECT_SEPARATOR, INSPECTIONS, defect_codes
from gisdesk.core.validation import FieldValueError, coerce_record

SAMPLE = paths.sample_city_path()
CATALOG: Catalog = default_catalog()


def _layers() -> list[str]:
    return [str(name) for name, _ in pyogrio.list_layers(SAMPLE)]


def _problems(layer: str) -> tuple[int, Counter, dict[str, str]]:
    """Rows checked, refusals per field, and one example message per field."""
    ldef = CATALOG.layers[layer]
    frame = pyogrio.read_dataframe(SAMPLE, layer=layer, read_geometry=ldef.is_spatial)
    geoms = frame.geometry.to_numpy() if ldef.is_spatial else None
    records = pd.DataFrame(frame.drop(columns="geometry", errors="ignore")).to_dict("records")
    counts: Counter = Counter()
    example: dict[str, str] = {}
    for i, record in enumerate(records):
        found = []
        try:
            coerce_record(ldef, record, CATALOG, str(record.get(ldef.key)))
        except FieldValueError as exc:
            found.extend(exc.problems)
        if geoms is not None:
            try:
                check_geometry(ldef, geoms[i], str(record.get(ldef.key)))
            except FieldValueError as exc:
                found.extend(exc.problems)
        for problem in found:
            counts[problem.field] += 1
            example.setdefault(problem.field, str(problem))
    return len(records), counts, example


def test_sampledata_shipped_has_every_defined_layer() -> None:
    assert set(_layers()) == set(CATALOG.layers)


@pytest.mark.parametrize("layer", sorted(CATALOG.layers))
def test_sampledata_shipped_every_feature_passes_validation(layer: str) -> None:
    n, counts, example = _problems(layer)
    assert n > 0, f"{layer} is empty in the sample"
    assert not counts, f"{layer}: {dict(counts)} refused of {n}; e.g. {example}"


def test_sampledata_shipped_defect_codes_belong_to_defect_domain() -> None:
    inspections = pyogrio.read_dataframe(SAMPLE, layer=INSPECTIONS, read_geometry=False)
    recorded = inspections[inspections["defects"].notna()]
    assert len(recorded) > 0
    assert not recorded["defects"].str.contains(",", regex=False).any(), (
        f"defect codes must be separated by {DEFECT_SEPARATOR!r}")
    two = recorded["defects"].map(lambda v: len(defect_codes(v)) == 2)
    assert two.any()  # poor assets get two codes, so the separator is really exercised
    for asset_layer, rows in recorded.groupby("asset_layer"):
        template = CATALOG.layers[str(asset_layer)].inspection
        assert template is not None, asset_layer
        allowed = {str(c) for c in CATALOG.domains[template.defects_domain].codes()}
        used = {code for value in rows["defects"] for code in defect_codes(value)}
        assert used and used <= allowed, (asset_layer, sorted(used - allowed))
