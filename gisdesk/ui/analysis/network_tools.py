"""Network map tools: click a main to isolate a break, click a drain to trace it; checks.

A tool watches the canvas through an event filter while it is active (the canvas keeps its
wheel zoom and middle-button pan). The graph is built once per layer state and reused for
every click. Results are highlighted through the shared selection (valves to close, dry mains,
affected buildings) and listed as one table with a ``role`` column.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QMouseEvent

from gisdesk.core.layer import MapLayer
from gisdesk.core.project import Project
from gisdesk.core.selection import Selection
from gisdesk.network.graph import Network, build_network
from gisdesk.network.isolation import IsolationResult, isolate, serving_mains, source_nodes
from gisdesk.network.quality import quality_report
from gisdesk.network.trace import trace_flow
from gisdesk.ui.analysis.layer_combo import find_layer
from gisdesk.ui.i18n import current_language

CLICK_SLOP_PX = 4


class NetworkCache:
    """Graphs (and buildings served) keyed on the layers' versions: built once per state."""

    def __init__(self) -> None:
        self._store: dict[str, tuple[tuple, Any]] = {}

    def get(self, key: str, layers: list[MapLayer | None], build: Any) -> Any:
        """The cached value for ``key`` while ``layers`` are unchanged, else ``build()``."""
        stamp = tuple((id(lyr.frame), lyr.version) if lyr is not None else None for lyr in layers)
        hit = self._store.get(key)
        if hit is not None and hit[0] == stamp:
            return hit[1]
        value = build()
        self._store[key] = (stamp, value)
        return value


class ClickTool(QObject):
    """Base of a canvas tool: turns a left click (not a drag) into world coordinates."""

    clicked = Signal(float, float)

    def __init__(self, canvas: Any) -> None:
        super().__init__(canvas)
        self.canvas = canvas
        self.active = False
        self._press: QPointF | None = None

    def set_active(self, active: bool) -> None:
        """Start or stop watching the canvas."""
        if active and not self.active:
            self.canvas.installEventFilter(self)
            self.canvas.setCursor(Qt.CursorShape.CrossCursor)
        elif not active and self.active:
            self.canvas.removeEventFilter(self)
            self.canvas.unsetCursor()
        self.active = active

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.canvas or not isinstance(event, QMouseEvent):
            return False
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        if event.type() == QEvent.Type.MouseButtonPress:
            self._press = event.position()
            return True
        if event.type() == QEvent.Type.MouseButtonRelease and self._press is not None:
            moved = (event.position() - self._press).manhattanLength()
            self._press = None
            if moved < CLICK_SLOP_PX:
                self.clicked.emit(*self.canvas.viewport.to_world(event.position().x(),
                                                                 event.position().y()))
            return True
        return False


class IsolateBreakTool(ClickTool):
    """Click a main: valves to close, mains that go dry and buildings that lose water."""

    isolated = Signal(object, object)
    """``(IsolationResult, table)``: the table lists every feature with its role."""

    def __init__(self, canvas: Any, project: Project, selection: Selection,
                 cache: NetworkCache | None = None) -> None:
        super().__init__(canvas)
        self.project, self.selection = project, selection
        self.cache = cache or NetworkCache()
        self.clicked.connect(self.isolate_at)

    def layers(self) -> tuple[MapLayer | None, MapLayer | None, MapLayer | None]:
        """The mains, valves and buildings layers of the project."""
        return (find_layer(self.project, "water_mains"), find_layer(self.project, "valves"),
                find_layer(self.project, "buildings"))

    def isolate_at(self, x: float, y: float) -> IsolationResult | None:
        """Isolate the main nearest to ``(x, y)`` (project CRS); highlight and list it."""
        mains, valves, buildings = self.layers()
        if mains is None or len(mains.frame) == 0:
            return None
        network, feeds, served = self.cache.get(
            "mains", [mains, valves, buildings], lambda: _mains_network(mains, valves, buildings))
        index = buildings.frame.index.to_numpy() if buildings is not None else None
        result = isolate(network, x, y, feeds, served, index)
        self.selection.clear()
        parts = [(mains, result.dry_mains, self.tr("dry main")),
                 (valves, result.valves_to_close, self.tr("valve to close")),
                 (buildings, result.affected_buildings, self.tr("building without water"))]
        for layer, labels, _role in parts:
            if layer is not None and len(labels):
                self.selection.set(layer.name, layer.frame.index.get_indexer(labels))
        self.isolated.emit(result, role_table(parts))
        return result


class TraceTool(ClickTool):
    """Click a drain: everything upstream or downstream of it is selected and listed."""

    traced = Signal(object)

    def __init__(self, canvas: Any, project: Project, selection: Selection,
                 direction: str = "downstream", cache: NetworkCache | None = None) -> None:
        super().__init__(canvas)
        self.project, self.selection, self.direction = project, selection, direction
        self.cache = cache or NetworkCache()
        self.clicked.connect(self.trace_at)

    def trace_at(self, x: float, y: float) -> list[Any]:
        """Index labels of the drains reached from the one nearest ``(x, y)``."""
        drains = find_layer(self.project, "drains")
        if drains is None or len(drains.frame) == 0:
            return []
        network = self.cache.get("drains", [drains],
                                 lambda: build_network(drains.frame, name=drains.name))
        found = trace_flow(network, x, y, self.direction)
        self.selection.clear()
        self.selection.set(drains.name, drains.frame.index.get_indexer(found))
        role = self.tr("downstream") if self.direction == "downstream" else self.tr("upstream")
        self.traced.emit(role_table([(drains, found, role)]))
        return found


def _mains_network(mains: MapLayer, valves: MapLayer | None, buildings: MapLayer | None
                   ) -> tuple[Network, np.ndarray, np.ndarray | None]:
    network = build_network(mains.frame, valves=valves.frame if valves is not None else None,
                            name=mains.name)
    diameters = (pd.to_numeric(mains.frame["diameter_mm"], errors="coerce").to_numpy(float)
                 if "diameter_mm" in mains.frame.columns else None)
    feeds = source_nodes(network, None, diameters)
    served = serving_mains(network, buildings.frame) if buildings is not None else None
    return network, feeds, served


def role_table(parts: list[tuple[MapLayer | None, list[Any], str]]) -> pd.DataFrame:
    """One row per listed feature: role, layer, asset code and name where the layer has them."""
    rows = []
    for layer, labels, role in parts:
        if layer is None:
            continue
        frame = layer.frame
        for label in labels:
            row = frame.loc[label]
            rows.append({"role": role, "layer": layer.title_in(current_language()),
                         "asset_id": row.get("asset_id", label), "name": row.get("name")})
    return pd.DataFrame(rows, columns=["role", "layer", "asset_id", "name"])


def network_check(project: Project, kind: str = "water_mains",
                  near_miss: float = 1.0) -> tuple[str, pd.DataFrame]:
    """A headline and a table of dangling ends and near-misses with coordinates to zoom to."""
    lines = find_layer(project, kind)
    if lines is None:
        return "", pd.DataFrame()
    valves = find_layer(project, "valves") if kind == "water_mains" else None
    network = build_network(lines.frame, valves=valves.frame if valves is not None else None,
                            name=lines.name)
    report = quality_report(network, near_miss)
    dangling = report.dangling.assign(
        problem=QCoreApplication.translate("NetworkCheck", "dangling end"))
    near = report.near_misses.assign(
        problem=QCoreApplication.translate("NetworkCheck", "near-miss"))
    table = pd.concat([near, dangling], ignore_index=True)
    codes = lines.frame["asset_id"] if "asset_id" in lines.frame.columns else None
    if codes is not None and len(table):
        table["main"] = codes.loc[table["main"]].to_numpy()
        if "near_main" in table.columns:
            has = table["near_main"].notna()
            table["near_main"] = table["near_main"].astype(object)
            if has.any():
                table.loc[has, "near_main"] = codes.loc[table.loc[has, "near_main"]].to_numpy()
    columns = [c for c in ("problem", "main", "near_main", "distance_m", "x", "y")
               if c in table.columns]
    return str(report.component_count), table[columns]
