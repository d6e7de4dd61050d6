"""Session-wide test environment: headless Qt and a throw-away user config folder.

Set at import time, before any test module imports Qt or reads ``gisdesk.paths``, so no test can
open a window on a real display or write the developer's own settings and recent files.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["GISDESK_CONFIG_DIR"] = tempfile.mkdtemp(prefix="gisdesk-test-config-")


def write_city_gpkg(path: Path) -> Path:
    """A tiny real GeoPackage in WGS 84 around Gorontalo: a district, two roads, three valves.

    The readers must reproject it to the project CRS (UTM 51N), as with real city data.
    """
    import geopandas as gpd
    from shapely.geometry import LineString, Point, Polygon

    districts = gpd.GeoDataFrame(
        {"name": ["Kota Tengah"]},
        geometry=[Polygon([(123.04, 0.52), (123.08, 0.52), (123.08, 0.56), (123.04, 0.56)])],
        crs="EPSG:4326",
    )
    roads = gpd.GeoDataFrame(
        {"name": ["Jl. Sudirman", "Jl. Panjaitan"], "road_class": ["ARTERIAL", "LOCAL"]},
        geometry=[
            LineString([(123.04, 0.54), (123.08, 0.54)]),
            LineString([(123.06, 0.52), (123.06, 0.56)]),
        ],
        crs="EPSG:4326",
    )
    valves = gpd.GeoDataFrame(
        {"asset_id": ["V-1", "V-2", "V-3"]},
        geometry=[Point(123.05, 0.53), Point(123.07, 0.55), Point(123.065, 0.535)],
        crs="EPSG:4326",
    )
    districts.to_file(path, layer="districts", driver="GPKG")
    roads.to_file(path, layer="roads", driver="GPKG")
    valves.to_file(path, layer="valves", driver="GPKG")
    return path


@pytest.fixture(scope="session")
def postgres():
    """A real PostgreSQL/PostGIS server for the whole test session (see postgres_server.py)."""
    from postgres_server import PostgresServer, PostgresUnavailableError

    try:
        server = PostgresServer.start()
    except PostgresUnavailableError as exc:
        if os.environ.get("CI"):  # CI installs PostgreSQL: a missing server is a failure there
            raise
        pytest.skip(str(exc))
    yield server
    server.stop()


@pytest.fixture
def city_gpkg(tmp_path: Path) -> Path:
    """Path of a freshly written tiny city GeoPackage."""
    return write_city_gpkg(tmp_path / "city.gpkg")


@pytest.fixture
def city_project(city_gpkg: Path):
    """A Project holding the three layers of :func:`city_gpkg`, read from disk."""
    from gisdesk.core.definitions import default_catalog
    from gisdesk.core.layer import DataSource
    from gisdesk.core.project import Project
    from gisdesk.io.project_file import read_source

    catalog = default_catalog()
    project = Project(catalog=catalog)
    for name in ("districts", "roads", "valves"):
        project.add_layer(read_source(DataSource(city_gpkg, name), catalog, project.crs))
    return project


@pytest.fixture
def send_mouse():
    """``send_mouse(widget, kind, (x, y), button, buttons)`` delivers a real QMouseEvent.

    QTest's mouseMove cannot carry a held button, which drags need.
    """
    from PySide6.QtCore import QEvent, QPointF, Qt
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    kinds = {
        "press": QEvent.Type.MouseButtonPress,
        "move": QEvent.Type.MouseMove,
        "release": QEvent.Type.MouseButtonRelease,
    }

    def send(widget, kind, pos, button=Qt.MouseButton.LeftButton, buttons=None):
        if buttons is None:
            buttons = Qt.MouseButton.NoButton if kind == "release" else button
        local = QPointF(*pos)
        event = QMouseEvent(
            kinds[kind], local, widget.mapToGlobal(local),
            Qt.MouseButton.NoButton if kind == "move" else button,
            buttons, Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(widget, event)

    return send


@pytest.fixture(scope="session", autouse=True)
def _widgets_application(qapp):
    """One QApplication for the whole session, made before any test runs.

    The headless commands (render, export-map) create a QGuiApplication when none exists, as
    they must from a shell; run in-process by a test before the first widget test, that
    QGuiApplication would be the session's application and the first QWidget aborts the
    process ("Cannot create a QWidget without QApplication")."""
    return qapp


def _hypothesis_profile() -> None:
    """Property tests draw the same examples every run (a red CI is then reproducible and never
    a roll of the dice); ``HYPOTHESIS_PROFILE=explore`` searches fresh examples."""
    from hypothesis import settings

    settings.register_profile("repeatable", derandomize=True)
    settings.register_profile("explore", derandomize=False)
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))


_hypothesis_profile()
