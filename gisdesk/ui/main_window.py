"""The GIS Desk main window: menus, map tools, the map canvas, docks and the status bar.

The window owns no data logic: opening files runs :mod:`gisdesk.io.readers` as background
jobs, the project file is :mod:`gisdesk.io.project_file`, identify and selection are
:mod:`gisdesk.core.selection`. The window wires these to widgets and reports problems in
message boxes that name the file and say what to do, keeping the app usable after an error.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
)
from PySide6.QtWidgets import QDockWidget, QFileDialog, QMainWindow, QMenu, QMessageBox, QWidget

from gisdesk.core.layer import MapLayer
from gisdesk.core.project import Project
from gisdesk.core.selection import Selection
from gisdesk.io.first_pass import FirstPass, plan_first_pass
from gisdesk.io.project_file import EXTENSION, load_project, save_project
from gisdesk.io.readers import OpenResult, open_path, read_layer
from gisdesk.ui import i18n
from gisdesk.ui.canvas.map_canvas import MapCanvas, Tool
from gisdesk.ui.canvas.map_status import MapStatusBar
from gisdesk.ui.canvas.map_tools import MapTools
from gisdesk.ui.jobs import Job, JobContext, JobRunner
from gisdesk.ui.settings import RECENT_FILES, RECENT_PROJECTS, AppSettings

BIG_FILE_BYTES = 64 * 2**20
"""Files at least this big are read on-screen area first, then in full in the background."""
REST_LATEST_MS = 5000
"""A big file's second pass starts at the latest this long after its first pass was added."""
DATA_PATTERNS = "*.gpkg *.shp *.geojson *.json *.geojsonl *.kml *.gml *.csv *.zip *.fgb *.gdb"


class MainWindow(QMainWindow):
    """Main window over one :class:`Project` (kept for the window's life; projects load into it)."""

    data_loaded = Signal()
    """A file finished opening (successfully or not); the launch bench waits for it."""
    features_installed = Signal()
    """Editing, analysis, sync, tables and print are now in the window (install_features)."""

    def __init__(
        self, project: Project, settings: AppSettings | None = None, *,
        defer_features: bool = False,
    ) -> None:
        """Build the window; ``defer_features`` leaves the feature menus to
        :meth:`install_features`, which the app calls once the first map is on screen: their
        modules (pyqtgraph, pandas-heavy analysis, sync, editing) cost about half a second to
        import and nothing in them is needed to look at the map."""
        super().__init__()
        self.setObjectName("MainWindow")
        self.setAcceptDrops(True)
        self.project = project
        self.selection = Selection()
        self.settings = settings or AppSettings()
        self.project_path: Path | None = None
        self.jobs = JobRunner(parent=self)
        self.canvas = MapCanvas(project)
        self.setCentralWidget(self.canvas)
        self.status = MapStatusBar(project.crs)
        self.setStatusBar(self.status)
        self.jobs.started.connect(self.status.track_job)
        self._create_actions()
        self._create_menus()
        self._create_toolbar()
        self.docks: dict[str, QDockWidget] = {}
        self.layers_panel: QWidget | None = None
        self.identify_panel: QWidget | None = None
        self._create_docks()
        self._connect_map()
        self.editing = self.analysis = self.sync_ui = self.asset_tables = self.print_ui = None
        self.has_features = False
        self._rest_waiting = 0  # big files whose second pass waits for the first map
        self._restored_state: QByteArray | None = None
        if not defer_features:
            self.install_features()
        self.retranslateUi()
        self._restore_window()

    def install_features(self) -> None:
        """Add the Edit and Layer menus, Analysis, Sync and print/export (once).

        Called at the end of construction, or — for the launch — after the first map was
        drawn. Docks and toolbars created then get the places the last session saved, and
        files that finished opening before are checked for unsaved edits to restore.
        """
        if self.has_features:
            return
        self.has_features = True
        self.editing = self._install_editing()
        self.analysis = self._install_analysis()
        self.sync_ui = self._install_sync()
        self.asset_tables = self._install_asset_tables()
        self.print_ui = self._install_print()
        for menu in (self.menu_settings, self.menu_help):  # after Analysis, Help last
            self.menuBar().addAction(menu.menuAction())
        if self._restored_state is not None:  # late: place the new docks and toolbars too
            self.restoreState(self._restored_state)
        if self.editing is not None and self.project.layers:
            self.editing.controller.check_journals()  # data_loaded came before editing did
        self.features_installed.emit()

    # --- construction -------------------------------------------------------------------------
    def _action(self, slot, shortcut: QKeySequence | str | None = None) -> QAction:
        action = QAction(self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _create_actions(self) -> None:
        c = self.canvas
        key = QKeySequence.StandardKey
        self.act_open_data = self._action(self.open_data_dialog, key.Open)
        self.act_open_project = self._action(self.open_project_dialog, "Ctrl+Shift+O")
        self.act_save_project = self._action(self.save_project, key.Save)
        self.act_save_project_as = self._action(self.save_project_as, "Ctrl+Shift+S")
        self.act_quit = self._action(self.close, key.Quit)
        self.act_zoom_in = self._action(lambda: c.zoom_by(2.0), key.ZoomIn)
        self.act_zoom_out = self._action(lambda: c.zoom_by(0.5), key.ZoomOut)
        self.act_zoom_full = self._action(c.zoom_full, "Ctrl+Shift+F")
        self.act_zoom_layer = self._action(self.zoom_to_current_layer, "Ctrl+Shift+L")
        self.act_previous = self._action(c.previous_extent, "Alt+Left")
        self.act_next = self._action(c.next_extent, "Alt+Right")
        self.act_about = self._action(self.show_about)
        self.act_welcome = self._action(self.show_welcome)
        self.act_definition_problems = self._action(self.show_definition_problems)
        self.tool_group = QActionGroup(self)
        self.tool_actions: dict[Tool, QAction] = {}
        for tool, shortcut in zip(Tool, ("P", "Z", "I", "S"), strict=True):
            action = self._action(lambda _=False, t=tool: self.canvas.set_tool(t), shortcut)
            action.setCheckable(True)
            self.tool_group.addAction(action)
            self.tool_actions[tool] = action
        self.tool_actions[Tool.PAN].setChecked(True)
        self.canvas.set_tool(Tool.PAN)

    def _create_menus(self) -> None:
        bar = self.menuBar()
        self.menu_file = bar.addMenu("")
        self.menu_file.addActions([self.act_open_data, self.act_open_project])
        self.menu_recent_projects = self.menu_file.addMenu("")
        self.menu_recent_files = self.menu_file.addMenu("")
        self.menu_recent_projects.aboutToShow.connect(self._fill_recent_projects)
        self.menu_recent_files.aboutToShow.connect(self._fill_recent_files)
        self.menu_file.addSeparator()
        self.menu_file.addActions([self.act_save_project, self.act_save_project_as])
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_quit)
        self.menu_view = bar.addMenu("")
        self.menu_view.addActions(
            [self.act_zoom_in, self.act_zoom_out, self.act_zoom_full, self.act_zoom_layer]
        )
        self.menu_view.addSeparator()
        self.menu_view.addActions([self.act_previous, self.act_next])
        self.menu_view.addSeparator()
        self.menu_panels = self.menu_view.addMenu("")
        self.menu_settings = bar.addMenu("")
        self.menu_language = self.menu_settings.addMenu("")
        self.language_group = QActionGroup(self)
        for code, name in i18n.available_languages().items():
            action = self._action(lambda _=False, lang=code: self.set_language(lang))
            action.setText(name)  # each language is named in itself, never translated
            action.setCheckable(True)
            action.setChecked(code == i18n.current_language())
            action.setData(code)
            self.language_group.addAction(action)
            self.menu_language.addAction(action)
        self.menu_help = bar.addMenu("")
        self.menu_help.addActions([self.act_welcome, self.act_definition_problems, self.act_about])

    def _create_toolbar(self) -> None:
        self.toolbar = self.addToolBar("")
        self.toolbar.setObjectName("MapToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addActions(list(self.tool_actions.values()))
        self.toolbar.addSeparator()
        self.toolbar.addActions(
            [self.act_zoom_full, self.act_zoom_layer, self.act_previous, self.act_next]
        )

    def _create_docks(self) -> None:
        """Create whichever side panels are installed; a missing panel only loses its dock."""
        try:
            from gisdesk.ui.panels.layers_panel import LayersPanel  # noqa: PLC0415

            self.layers_panel = LayersPanel(self.project)
            self.layers_panel.zoom_to_layer_requested.connect(self.canvas.zoom_to_layer)
            self.layers_panel.set_crs_requested.connect(self.show_set_crs)
            self.layers_panel.properties_requested.connect(self.show_layer_properties)
        except ImportError:
            self.layers_panel = None
        try:
            from gisdesk.ui.panels.identify_panel import IdentifyPanel  # noqa: PLC0415

            self.identify_panel = IdentifyPanel(self.project, self.selection)
        except ImportError:
            self.identify_panel = None
        for key, widget, area in (
            ("layers", self.layers_panel, Qt.DockWidgetArea.LeftDockWidgetArea),
            ("identify", self.identify_panel, Qt.DockWidgetArea.RightDockWidgetArea),
        ):
            if widget is None:
                continue
            dock = QDockWidget(self)
            dock.setObjectName(f"{key}_dock")
            dock.setWidget(widget)
            self.addDockWidget(area, dock)
            self.menu_panels.addAction(dock.toggleViewAction())
            self.docks[key] = dock

    def _install_editing(self):
        """Edit menu, Editing toolbar and docks (gisdesk.ui.editing); None when not installed."""
        try:
            from gisdesk.ui.editing import install  # noqa: PLC0415
        except ImportError:
            return None
        return install(self)

    def _install_asset_tables(self):
        """Layer menu: attribute table (F6), feature form, Inspect tool, inspection views."""
        from gisdesk.ui.table.install import install  # noqa: PLC0415

        return install(self)

    def _install_print(self):
        """File ▸ Print layout… (Ctrl+P) and the export dialogs (gisdesk.ui.print)."""
        from gisdesk.ui.print.install import install  # noqa: PLC0415

        return install(self)

    def _install_sync(self):
        """Sync dock and File ▸ Check out from hub (gisdesk.ui.sync)."""
        from gisdesk.ui.sync import install  # noqa: PLC0415

        return install(self)

    def _install_analysis(self):
        """Analysis menu, network map tools and results dock (gisdesk.ui.analysis), if present."""
        try:
            from gisdesk.ui.analysis import install  # noqa: PLC0415
        except ImportError:
            return None
        return install(self)

    def _connect_map(self) -> None:
        c = self.canvas
        c.viewport_changed.connect(lambda vp: self.status.show_scale(vp.scale))
        c.mouse_moved_world.connect(self.status.show_coordinates)
        self.tools = MapTools(c, self.project, self.selection, self._current_layer_name, self)
        self.tools.identified.connect(self._show_identified)
        if self.identify_panel is not None and hasattr(self.identify_panel, "feature_shown"):
            self.identify_panel.feature_shown.connect(self.tools.flash_feature)
        c.history_changed.connect(self._update_history_actions)
        c.render_failed.connect(lambda msg: self.status.showMessage(msg, 8000))
        self.status.scale_entered.connect(c.set_scale)
        self.selection.changed.connect(
            lambda *_: self.status.show_selection_count(self.selection.count())
        )
        self._update_history_actions()

    # --- language -----------------------------------------------------------------------------
    def retranslateUi(self) -> None:
        self._update_title()
        texts = {
            self.act_open_data: self.tr("&Open Data…"),
            self.act_open_project: self.tr("Open &Project…"),
            self.act_save_project: self.tr("&Save Project"),
            self.act_save_project_as: self.tr("Save Project &As…"),
            self.act_quit: self.tr("&Quit"),
            self.act_zoom_in: self.tr("Zoom &In"),
            self.act_zoom_out: self.tr("Zoom &Out"),
            self.act_zoom_full: self.tr("Zoom &Full"),
            self.act_zoom_layer: self.tr("Zoom to &Layer"),
            self.act_previous: self.tr("&Previous Extent"),
            self.act_next: self.tr("&Next Extent"),
            self.act_about: self.tr("&About GIS Desk"),
            self.act_welcome: self.tr("&Welcome…"),
            self.act_definition_problems: self.tr("Layer &Definition Problems…"),
            self.tool_actions[Tool.PAN]: self.tr("Pan"),
            self.tool_actions[Tool.ZOOM_BOX]: self.tr("Zoom Box"),
            self.tool_actions[Tool.IDENTIFY]: self.tr("Identify"),
            self.tool_actions[Tool.SELECT_RECT]: self.tr("Select"),
        }
        for action, text in texts.items():
            action.setText(text)
        self.tool_actions[Tool.SELECT_RECT].setToolTip(
            self.tr("Select features: click one or drag a rectangle")
        )
        self.menu_file.setTitle(self.tr("&File"))
        self.menu_recent_projects.setTitle(self.tr("Recent P&rojects"))
        self.menu_recent_files.setTitle(self.tr("Recent &Files"))
        self.menu_view.setTitle(self.tr("&View"))
        self.menu_panels.setTitle(self.tr("P&anels"))
        self.menu_settings.setTitle(self.tr("&Settings"))
        self.menu_language.setTitle(self.tr("&Language"))
        self.menu_help.setTitle(self.tr("&Help"))
        self.toolbar.setWindowTitle(self.tr("Map Tools"))
        if "layers" in self.docks:
            self.docks["layers"].setWindowTitle(self.tr("Layers"))
        if "identify" in self.docks:
            self.docks["identify"].setWindowTitle(self.tr("Identify"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def set_language(self, lang: str) -> None:
        """Switch the whole UI (and map labels) to ``lang`` and remember it."""
        app = QCoreApplication.instance()
        if app is not None and i18n.install_language(app, lang):
            i18n.save_language(lang)
            self.canvas.set_language(lang)
        for action in self.language_group.actions():
            action.setChecked(action.data() == i18n.current_language())

    def _update_title(self) -> None:
        name = self.project_path.stem if self.project_path else self.tr("Untitled")
        self.setWindowTitle(f"{name}[*] — GIS Desk")  # [*]: "*" while edits are unsaved

    # --- opening data -------------------------------------------------------------------------
    def open_data_dialog(self) -> None:
        """File ▸ Open Data: pick one or more data files and open them in the background."""
        filters = self.tr("GIS data ({patterns});;All files (*)").format(patterns=DATA_PATTERNS)
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Open Data"), self._last_dir(), filters
        )
        for path in paths:
            self.open_path(Path(path))

    def open_path(self, path: Path) -> Job:
        """Open a project file or a data file (data is read as a background job).

        A big file is read in two passes: first what the map will show (the on-screen area,
        or the whole file when no map is placed yet, leaving out tables and layers hidden at
        that scale), so the map shows quickly; then, in the background, every layer the first
        pass did not read whole, replacing those layers' features.
        """
        path = Path(path)
        if path.suffix.lower() == EXTENSION:
            return self.open_project(path)
        plan = self._first_pass(path)
        bbox = plan.bbox if plan is not None else None
        empty = plan.empty if plan is not None else set()
        project = self.project

        def work(ctx: JobContext) -> OpenResult:
            return open_path(
                path, catalog=project.catalog, target_crs=project.crs, bbox=bbox, empty=empty,
                progress=lambda f: ctx.progress(round(f * 1000), 1000, path.name),
                cancel=ctx.cancel_event,
            )

        rest = plan.rest if plan is not None else []
        reading_rest: list[bool] = []

        def opened(result: OpenResult) -> None:
            reading_rest.append(self._on_data_opened(path, result, rest))

        job = Job(self.tr("Opening {name}").format(name=path.name), work)
        job.succeeded.connect(opened)
        job.failed.connect(lambda exc: self._on_open_failed(path, exc))
        job.cancelled.connect(lambda: self._on_open_cancelled(path))
        job.ended.connect(lambda: None if any(reading_rest) else self.data_loaded.emit())
        return self.jobs.start(job)

    def _first_pass(self, path: Path) -> FirstPass | None:
        """How to read ``path`` first when it is big (:mod:`gisdesk.io.first_pass`), else None
        (read it all at once; also when its metadata cannot be read: the read reports why)."""
        try:
            big = path.stat().st_size >= BIG_FILE_BYTES
        except OSError:
            return None
        if not big:
            return None
        view = self.canvas.viewport.extent if self.canvas.has_view else self.project.extent
        if not self.isVisible():
            self.layout().activate()  # the launch opens files before show: size the canvas
        try:
            return plan_first_pass(path, target_crs=self.project.crs,
                                   catalog=self.project.catalog, view=view,
                                   scale_of=self.canvas.scale_to_show)
        except Exception:  # the full read names the problem properly
            return None

    @property
    def is_loading(self) -> bool:
        """Whether a file is still being read (or a big file's second pass is about to start)."""
        return bool(self.jobs.active) or self._rest_waiting > 0

    def _read_rest_after_map(self, path: Path, layers: list[MapLayer]) -> None:
        """Start :meth:`_read_rest` once the first pass is on screen: reading a million
        features holds the interpreter so much that a map drawn meanwhile took seconds.
        Also when that render fails, or after :data:`REST_LATEST_MS` at most."""
        canvas, started = self.canvas, []
        self._rest_waiting += 1

        def start() -> None:
            if started:
                return
            started.append(True)
            self._rest_waiting -= 1
            canvas.map_shown.disconnect(start)
            canvas.render_failed.disconnect(start)
            self._read_rest(path, layers)

        canvas.map_shown.connect(start)
        canvas.render_failed.connect(start)
        QTimer.singleShot(REST_LATEST_MS, start)

    def _read_rest(self, path: Path, layers: list[MapLayer]) -> None:
        """Second pass of a big file: read every feature and swap them into ``layers``."""
        project = self.project

        def work(ctx: JobContext) -> list[MapLayer]:
            out = []
            for i, layer in enumerate(layers):
                name = layer.source.layer if layer.source is not None else layer.name
                out.append(read_layer(
                    path, name, catalog=project.catalog, target_crs=project.crs,
                    progress=lambda f, i=i: ctx.progress(round((i + f) * 1000),
                                                         1000 * len(layers), path.name),
                    cancel=ctx.cancel_event,
                ))
            return out

        def swap(full: list[MapLayer]) -> None:
            for layer, complete in zip(layers, full, strict=True):
                layer.frame, layer.problems = complete.frame, complete.problems
                layer.touch()

        job = Job(self.tr("Reading the rest of {name}").format(name=path.name), work)
        job.succeeded.connect(swap)
        job.failed.connect(lambda exc: self._on_open_failed(path, exc))
        job.cancelled.connect(lambda: self._on_open_cancelled(path))
        job.ended.connect(self.data_loaded.emit)
        self.jobs.start(job)

    def _on_open_cancelled(self, path: Path) -> None:
        self.status.showMessage(self.tr("Opening cancelled: {path}").format(path=path), 5000)

    def _on_data_opened(
        self, path: Path, result: OpenResult, rest: list[str] | None = None
    ) -> bool:
        """Add the layers read; start reading the ``rest`` of a big file (True when started)."""
        for layer in result.layers:
            self.project.add_layer(layer)
        self._zoom_full_if_view_is_empty()
        if self.canvas.is_rendering:
            self.canvas.refresh()  # draw the new layers now, while the panels repaint
        self.settings.add_recent(RECENT_FILES, path)
        partial = [lyr for lyr in result.layers
                   if lyr.source is not None and lyr.source.layer in (rest or ())]
        if partial:
            self._read_rest_after_map(path, partial)
        if result.errors:
            self._warn(
                self.tr("Some layers could not be opened"),
                "\n\n".join(str(e) for e in result.errors),
            )
        elif not result.layers:
            self._warn(self.tr("Nothing to show"), self.tr("{path} holds no layers.").format(
                path=path))
        return bool(partial)

    def _on_open_failed(self, path: Path, exc: Exception) -> None:
        text = str(exc)
        if str(path) not in text:
            text = f"{path}: {text}"
        self._warn(
            self.tr("Cannot open {name}").format(name=path.name),
            text + "\n\n" + self.tr("Check that the file is a GIS data file (GeoPackage, "
                                    "Shapefile, GeoJSON, …) and that you can read it."),
        )

    def _warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)

    def _zoom_full_if_view_is_empty(self) -> None:
        """After loading, show the data if the remembered view does not touch any of it."""
        full = self.project.full_extent()
        if full is None:
            return
        minx, miny, maxx, maxy = self.canvas.viewport.extent
        if maxx < full[0] or minx > full[2] or maxy < full[1] or miny > full[3]:
            self.canvas.zoom_full()

    def _last_dir(self) -> str:
        recent = self.settings.recent(RECENT_FILES) + self.settings.recent(RECENT_PROJECTS)
        return str(Path(recent[0]).parent) if recent else str(Path.home())

    # --- projects -----------------------------------------------------------------------------
    def open_project_dialog(self) -> None:
        """File ▸ Open Project."""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open Project"), self._last_dir(),
            self.tr("GIS Desk projects (*{ext})").format(ext=EXTENSION),
        )
        if path:
            self.open_project(Path(path))

    def open_project(self, path: Path) -> Job:
        """Replace the project's layers with a ``.gdproj`` file's (read in the background)."""
        path, catalog = Path(path), self.project.catalog
        job = Job(self.tr("Opening {name}").format(name=path.name),
                  lambda _ctx: load_project(path, catalog))
        job.succeeded.connect(lambda result: self._on_project_loaded(path, *result))
        job.failed.connect(lambda exc: self._warn(self.tr("Cannot open project"), str(exc)))
        job.ended.connect(self.data_loaded.emit)
        return self.jobs.start(job)

    def _on_project_loaded(self, path: Path, loaded: Project, errors: list[str]) -> None:
        self._replace_project_content(loaded)
        self.project_path = path
        self.settings.add_recent(RECENT_PROJECTS, path)
        self._update_title()
        if errors:
            self._warn(
                self.tr("Some layers are missing"),
                "\n\n".join(errors) + "\n\n" + self.tr("The rest of the project was opened."),
            )

    def _replace_project_content(self, loaded: Project) -> None:
        """Move ``loaded``'s layers into the window's project so every view stays connected."""
        self.selection.clear()
        for layer in list(self.project.layers):
            self.project.remove_layer(layer.name)
        self.project.crs = loaded.crs
        self.project.planning, self.project.saved_queries = loaded.planning, loaded.saved_queries
        self.status.crs = loaded.crs
        if loaded.extent is not None:
            self.project.set_extent(loaded.extent)
            self.canvas.set_extent(loaded.extent, margin=0.0)
        for layer in loaded.layers:
            self.project.add_layer(layer)
        if loaded.extent is None:
            self.canvas.zoom_full()

    def save_project(self) -> bool:
        """File ▸ Save Project (asks for a name the first time)."""
        if self.project_path is None:
            return self.save_project_as()
        self.project.set_extent(self.canvas.viewport.extent)
        try:
            save_project(self.project, self.project_path)
        except OSError as exc:
            self._warn(self.tr("Cannot save project"), f"{self.project_path}: {exc}")
            return False
        self.settings.add_recent(RECENT_PROJECTS, self.project_path)
        self.status.showMessage(self.tr("Saved {path}").format(path=self.project_path), 4000)
        unsaved = [lyr.name for lyr in self.project.layers if lyr.source is None]
        if unsaved:
            self._warn(
                self.tr("Some layers are not in the project file"),
                self.tr("These layers exist only in memory, so the project cannot refer to "
                        "them: {names}. Export them to a file first.").format(
                            names=", ".join(unsaved)),
            )
        return True

    def save_project_as(self) -> bool:
        """File ▸ Save Project As."""
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save Project"), self._last_dir(),
            self.tr("GIS Desk projects (*{ext})").format(ext=EXTENSION),
        )
        if not path:
            return False
        path_obj = Path(path)
        if path_obj.suffix.lower() != EXTENSION:
            path_obj = path_obj.with_name(path_obj.name + EXTENSION)
        self.project_path = path_obj
        self._update_title()
        return self.save_project()

    def _fill_recent(self, menu: QMenu, key: str) -> None:
        menu.clear()
        items = self.settings.recent(key)
        for item in items:
            action = menu.addAction(item)
            action.triggered.connect(lambda _=False, p=item: self.open_path(Path(p)))
        if not items:
            menu.addAction(self.tr("(none)")).setEnabled(False)

    def _fill_recent_projects(self) -> None:
        self._fill_recent(self.menu_recent_projects, RECENT_PROJECTS)

    def _fill_recent_files(self) -> None:
        self._fill_recent(self.menu_recent_files, RECENT_FILES)

    # --- map interaction ----------------------------------------------------------------------
    def _current_layer_name(self) -> str | None:
        return self.layers_panel.current_layer() if self.layers_panel is not None else None

    def zoom_to_current_layer(self) -> None:
        """View ▸ Zoom to Layer: the layer highlighted in the layers panel (else everything)."""
        name = self._current_layer_name()
        if name is None:
            self.canvas.zoom_full()
        else:
            self.canvas.zoom_to_layer(name)

    def _show_identified(self, results: list) -> None:
        if self.identify_panel is not None:
            self.identify_panel.show_results(results)
            self.docks["identify"].show()
        count = sum(len(rows) for _, rows in results)
        self.status.showMessage(self.tr("%n feature(s) found", "", count), 4000)

    def _update_history_actions(self) -> None:
        self.act_previous.setEnabled(self.canvas.can_go_back())
        self.act_next.setEnabled(self.canvas.can_go_forward())

    def show_about(self) -> QWidget:
        """Help ▸ About GIS Desk: version and every bundled component's licence."""
        from gisdesk.ui.about import show_about  # noqa: PLC0415 - only when asked for

        return show_about(self)

    def show_welcome(self) -> QWidget:
        """Help ▸ Welcome…: the first-run page again (sample city, open, hub, profile)."""
        from gisdesk.ui.welcome import show_welcome  # noqa: PLC0415 - only when asked for

        return show_welcome(self)

    def show_set_crs(self, name: str) -> QWidget | None:
        """Layers panel ▸ Set CRS…: declare the CRS a layer's coordinates are in."""
        from gisdesk.ui.dialogs.layer_crs_dialog import show_set_crs  # noqa: PLC0415

        return show_set_crs(self, name)

    def show_layer_properties(self, name: str) -> QWidget | None:
        """Layers panel ▸ Properties… (or double-click): read-only facts about a layer."""
        from gisdesk.ui.dialogs.layer_properties_dialog import show_layer_properties  # noqa: PLC0415

        return show_layer_properties(self, name)

    def show_definition_problems(self) -> QWidget:
        """Help ▸ Layer Definition Problems…: each broken layer.yaml with field and reason."""
        from gisdesk.ui.dialogs.definition_problems_dialog import (  # noqa: PLC0415
            show_definition_problems,
        )

        return show_definition_problems(self)

    # --- drag and drop ------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Files dropped from the file manager open like File ▸ Open Data (projects too)."""
        for url in event.mimeData().urls():
            if url.isLocalFile():
                self.open_path(Path(url.toLocalFile()))
        event.acceptProposedAction()

    # --- window state -------------------------------------------------------------------------
    def _restore_window(self) -> None:
        geometry, state = self.settings.window_state()
        if geometry is None:
            self.resize(1280, 800)
        else:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)
            self._restored_state = state
        last = self.settings.last_extent()
        if last is not None and self.project.extent is None and not self.project.layers:
            self.project.set_extent(last)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.editing is not None and not self.editing.controller.confirm_close():
            event.ignore()  # the user chose Cancel, or saving the edits failed
            return
        # Closed before the feature docks came: keep the saved layout, which places them too.
        keep = not self.has_features and self._restored_state is not None
        state = self._restored_state if keep else self.saveState()
        self.settings.set_window_state(self.saveGeometry(), state)
        if self.canvas.viewport.width > 1 and self.project.layers:
            self.settings.set_last_extent(self.canvas.viewport.extent)
        self.settings.sync()
        self.jobs.cancel_all()
        self.jobs.wait(5000)
        self.jobs.shutdown()
        self.canvas.shutdown()
        super().closeEvent(event)
