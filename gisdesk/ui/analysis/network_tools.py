"""Network map tools: click a main to isolate a break, click a drain to trace it; checks.

A tool watches the canvas through an event filter while it is active (the canvas keeps its
wheel zoom and middle-button pan). The graph is built once per layer state and reused for
every click. Results are highlighted through the shared selection (valves to close, dry mains,
affected buildings) and listed as one table with a ``role`` column.

The isolation and the network check run as background jobs (:mod:`gisdesk.ui.jobs`): the
graph build and the search happen on a worker thread, the selection changes on the GUI thread
once the answer is in, and only if the layers were not edited meanwhile.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QMouseEvent

from gisdesk.core.cancel import Cancel, Progress, check
from gisdesk.core.layer import MapLayer
from gisdesk.core.project import Project
from gisdesk.core.selection import Selection
from gisdesk.network.graph import Network, build_network
from gisdesk.network.isolation import IsolationResult, isolate, serving_mains, source_nodes
from gisdesk.network.quality import quality_report
from gisdesk.network.trace import trace_flow
from gisdesk.ui.analysis.background import layers_stamp, reporter, still_current
from gisdesk.ui.analysis.layer_combo import find_layer
from gisdesk.ui.i18n import current_language
from gisdesk.ui.jobs import Job, JobContext, JobRunner

CLICK_SLOP_PX = 4


class NetworkCache:
    """Graphs (and buildings served) keyed on the layers' versions: built once per state.

    Used from the GUI thread only: a job looks its graph up before it starts and the built
    graph is stored when the job's answer arrives.
    """

    def __init__(self) -> None:
        self._store: dict[str, tuple[tuple, Any]] = {}

    def get(self, key: str, layers: list[MapLayer | None], build: Any) -> Any:
        """The cached value for ``key`` while ``layers`` are unchanged, else ``build()``."""
        stamp, value = self.lookup(key, layers)
        if value is None:
            value = build()
            self.put(key, stamp, value)
        return value

    def lookup(self, key: str, layers: list[MapLayer | None]) -> tuple[tuple, Any]:
        """``(stamp of layers, cached value or None)``."""
        stamp = layers_stamp(layers)
        hit = self._store.get(key)
        return stamp, (hit[1] if hit is not None and hit[0] == stamp else None)

    def put(self, key: str, stamp: tuple, value: Any) -> None:
        """Remember ``value`` for the layer state ``stamp``."""
        self._store[key] = (stamp, value)


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
    """Click a main: valves to close, mains that go dry and buildings that lose water.

    One isolation at a time: a click while one runs is ignored (``busy`` says so).
    """

    isolated = Signal(object, object)
    """``(IsolationResult, table)``: the table lists every feature with its role."""
    failed = Signal(str)
    """Why an isolation could not be done (bad data, or the layers changed meanwhile)."""
    busy = Signal()
    """A click arrived while an isolation was still running."""

    def __init__(self, canvas: Any, project: Project, selection: Selection,
                 cache: NetworkCache | None = None, jobs: JobRunner | None = None) -> None:
        super().__init__(canvas)
        self.project, self.selection = project, selection
        self.cache = cache or NetworkCache()
        self.jobs = jobs or JobRunner(parent=self)
        self.job: Job | None = None
        self.clicked.connect(self.isolate_at)

    def layers(self) -> tuple[MapLayer | None, MapLayer | None, MapLayer | None]:
        """The mains, valves and buildings layers of the project."""
        return (find_layer(self.project, "water_mains"), find_layer(self.project, "valves"),
                find_layer(self.project, "buildings"))

    def isolate_at(self, x: float, y: float) -> Job | None:
        """Isolate the main nearest to ``(x, y)`` (project CRS) in the background.

        When the job ends the valves, dry mains and buildings are selected and ``isolated``
        lists them. Returns None (and starts nothing) without mains or while one runs.
        """
        if self.job is not None:
            self.busy.emit()
            return None
        mains, valves, buildings = layers = self.layers()
        if mains is None or len(mains.frame) == 0:
            return None
        stamp, built = self.cache.lookup("mains", list(layers))
        roles = (self.tr("dry main"), self.tr("valve to close"), self.tr("building without water"))
        lang, message = current_language(), self.tr("Isolating the break")

        def work(ctx: JobContext) -> tuple[Any, IsolationResult, pd.DataFrame]:
            network = built or mains_network(mains, valves, buildings, cancel=ctx.cancel_event,
                                             progress=reporter(ctx, message))
            ctx.check()
            result = isolate_break(network, x, y, buildings)
            parts = [(mains, result.dry_mains, roles[0]),
                     (valves, result.valves_to_close, roles[1]),
                     (buildings, result.affected_buildings, roles[2])]
            return network, result, role_table(parts, lang)

        job = Job(message, work)
        job.succeeded.connect(lambda out: self._apply(stamp, out))
        job.failed.connect(lambda exc: self.failed.emit(str(exc)))
        job.ended.connect(self._job_ended)
        self.job = self.jobs.start(job)
        return self.job

    def _job_ended(self) -> None:
        self.job = None

    def _apply(self, stamp: tuple, out: tuple[Any, IsolationResult, pd.DataFrame]) -> None:
        """Select and list the answer (GUI thread), if the layers are as they were."""
        network, result, table = out
        mains, valves, buildings = layers = self.layers()
        if not still_current(self.project, layers, stamp):
            self.failed.emit(self.tr("The network layers changed while the isolation ran; "
                                     "nothing was selected. Click the main again."))
            return
        self.cache.put("mains", stamp, network)
        self.selection.clear()
        for layer, labels in ((mains, result.dry_mains), (valves, result.valves_to_close),
                              (buildings, result.affected_buildings)):
            if layer is not None and len(labels):
                self.selection.set(layer.name, layer.frame.index.get_indexer(labels))
        self.isolated.emit(result, table)


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


def mains_network(mains: MapLayer, valves: MapLayer | None, buildings: MapLayer | None,
                  cancel: Cancel | None = None, progress: Progress | None = None
                  ) -> tuple[Network, np.ndarray, np.ndarray | None]:
    """The mains graph, its source nodes and the main serving each building (cacheable)."""
    network = build_network(mains.frame, valves=valves.frame if valves is not None else None,
                            name=mains.name, cancel=cancel)
    diameters = (pd.to_numeric(mains.frame["diameter_mm"], errors="coerce").to_numpy(float)
                 if "diameter_mm" in mains.frame.columns else None)
    feeds = source_nodes(network, None, diameters)
    served = (serving_mains(network, buildings.frame, cancel=cancel, progress=progress)
              if buildings is not None else None)
    return network, feeds, served


def isolate_break(built: tuple[Network, np.ndarray, np.ndarray | None], x: float, y: float,
                  buildings: MapLayer | None) -> IsolationResult:
    """The isolation of the main nearest ``(x, y)`` on a graph from :func:`mains_network`."""
    network, feeds, served = built
    index = buildings.frame.index.to_numpy() if buildings is not None else None
    return isolate(network, x, y, feeds, served, index)


def role_table(parts: list[tuple[MapLayer | None, list[Any], str]],
               lang: str | None = None) -> pd.DataFrame:
    """One row per listed feature: role, layer, asset code and name where the layer has them.

    ``lang`` (default: the UI language) titles the layers; pass it when called off the GUI
    thread.
    """
    lang = lang or current_language()
    rows = []
    for layer, labels, role in parts:
        if layer is None:
            continue
        frame = layer.frame
        for label in labels:
            row = frame.loc[label]
            rows.append({"role": role, "layer": layer.title_in(lang),
                         "asset_id": row.get("asset_id", label), "name": row.get("name")})
    return pd.DataFrame(rows, columns=["role", "layer", "asset_id", "name"])


CHECKED_KINDS = ("water_mains", "drains")
"""Line networks the check is offered for (drains: connectivity only, see the README)."""


def network_check(project: Project, kind: str = "water_mains",
                  near_miss: float = 1.0) -> tuple[str, pd.DataFrame]:
    """A headline and a table of dangling ends and near-misses with coordinates to zoom to."""
    lines = find_layer(project, kind)
    if lines is None:
        return "", pd.DataFrame()
    valves = find_layer(project, "valves") if kind == "water_mains" else None
    return check_lines(lines, valves, kind, near_miss, problem_labels())


def problem_labels() -> tuple[str, str]:
    """The problem names of the check table in the UI language (read on the GUI thread)."""
    return (QCoreApplication.translate("NetworkCheck", "dangling end"),
            QCoreApplication.translate("NetworkCheck", "near-miss"))


def check_lines(lines: MapLayer, valves: MapLayer | None, kind: str, near_miss: float,
                labels: tuple[str, str], cancel: Cancel | None = None
                ) -> tuple[str, pd.DataFrame]:
    """The network check of ``lines``: Qt-free, so a job runs it on its worker thread.

    The table names the features by asset code under ``main``/``near_main`` for water mains
    and ``drain``/``near_drain`` for drains.
    """
    network = build_network(lines.frame, valves=valves.frame if valves is not None else None,
                            name=lines.name, cancel=cancel)
    report = quality_report(network, near_miss, cancel=cancel)
    check(cancel)
    dangling = report.dangling.assign(problem=labels[0])
    near = report.near_misses.assign(problem=labels[1])
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
    table = table[columns]
    if kind == "drains":
        table = table.rename(columns={"main": "drain", "near_main": "near_drain"})
    return str(report.component_count), table
