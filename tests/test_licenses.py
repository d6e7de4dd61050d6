"""The licence list is true: texts shipped, licences match the packages, versions are live."""

from __future__ import annotations

import tomllib
from importlib import metadata
from pathlib import Path

import pytest

from gisdesk import __version__, licenses, paths

ROOT = Path(__file__).resolve().parent.parent
MARKERS = {
    "MIT": "Permission is hereby granted",
    "BSD": "Redistribution and use",
    "LGPL": "GNU LESSER GENERAL PUBLIC LICENSE",
    "GPL": "GNU GENERAL PUBLIC LICENSE",
    "APACHE": "Apache License",
    "ODBL": "OpenStreetMap contributors",
}
"""A sentence every full text of that licence family contains."""

REQUIRED = {"GIS Desk", "Qt / PySide6", "GDAL", "PROJ", "Leaflet", "OpenStreetMap", "geopandas",
            "shapely", "pyogrio", "pyproj", "fiona", "folium", "pyqtgraph", "pygeodiff",
            "pydantic", "PyYAML"}


def test_licenses_list_names_everything_required() -> None:
    names = [c.name for c in licenses.COMPONENTS]
    assert set(names) >= REQUIRED
    assert len(names) == len(set(names))
    assert names[0] == "GIS Desk"


@pytest.mark.parametrize("component", licenses.COMPONENTS, ids=lambda c: c.name)
def test_licenses_full_text_shipped_and_of_the_declared_family(component) -> None:
    text = component.licence_path().read_text(encoding="utf-8")
    family = licenses.licence_family(component.licence)
    assert component.licence_path().parent == paths.resources_dir() / "licenses"
    assert MARKERS[family] in text, f"{component.licence_file} is not a {family} text"
    assert component.licence_text() == text


def test_licenses_qt_text_says_how_to_replace_qt_and_carries_the_lgpl() -> None:
    text = licenses.component("Qt / PySide6").licence_text()
    assert "Replacing the Qt libraries" in text
    assert "_internal/PySide6/" in text
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in text
    assert (paths.resources_dir() / "licenses" / "GPL-3.0.txt").is_file()  # LGPL refers to it


@pytest.mark.parametrize(
    "component", [c for c in licenses.COMPONENTS if c.distribution], ids=lambda c: c.name)
def test_licenses_metadata_agrees_with_the_table(component) -> None:
    """A package that changes its licence (or a typo in our table) fails here."""
    found = licenses.metadata_licence(component.distribution)
    assert found, f"{component.distribution} has no readable licence in its metadata"
    ours = licenses.licence_family(component.licence)
    if component.chosen:  # dual-licensed: our choice must be one of the options
        assert component.licence in found
    else:
        assert licenses.licence_family(found) == ours
        assert component.licence_in_use() == found


@pytest.mark.parametrize(
    "component", [c for c in licenses.COMPONENTS if c.distribution and c.name != "GIS Desk"],
    ids=lambda c: c.name)
def test_licenses_versions_read_from_installed_packages(component) -> None:
    assert component.version() == metadata.version(component.distribution)


def test_licenses_native_library_versions_are_the_loaded_ones() -> None:
    import pyogrio
    import pyproj
    import shapely

    assert licenses.component("GDAL").version() == pyogrio.__gdal_version_string__
    assert licenses.component("PROJ").version() == pyproj.proj_version_str
    assert licenses.component("GEOS").version() == shapely.geos_version_string
    leaflet = (paths.resources_dir() / "web" / "leaflet" / "leaflet.js").read_text("utf-8")[:300]
    assert f"Leaflet {licenses.component('Leaflet').version()}" in leaflet
    assert licenses.component("OpenStreetMap").version() is None  # data, not software


def test_licenses_own_licence_and_version_match_pyproject() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    own = licenses.component("GIS Desk")
    assert own.licence == project["license"]
    assert own.licence_in_use() == project["license"]
    assert own.version() == __version__


def test_licenses_missing_text_names_the_file_and_the_url(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(licenses, "licenses_dir", lambda: tmp_path)
    text = licenses.component("GDAL").licence_text()
    assert str(tmp_path / "GDAL.txt") in text
    assert "https://gdal.org/license.html" in text


def test_licenses_metadata_of_unknown_package_is_none() -> None:
    assert licenses.metadata_licence("no-such-package-gisdesk") is None


def test_licenses_family_of_spdx_and_free_text() -> None:
    assert licenses.licence_family("BSD-3-Clause AND 0BSD AND MIT") == "BSD"
    assert licenses.licence_family("LGPL-3.0-only OR GPL-2.0-only") == "LGPL"
    assert licenses.licence_family("GPL-3.0-or-later") == "GPL"
    assert licenses.licence_family("ODbL-1.0") == "ODBL"
