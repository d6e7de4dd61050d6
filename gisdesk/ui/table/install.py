"""Puts the attribute table, feature form, inspections and condition views into the main window.

The window calls :func:`install` once. Everything added here reaches the window only through
its public parts (project, selection, canvas, layers panel, menus, docks) and applies edits
through the editing UI's undo bridge when that is installed, so table, form and map edits share
one undo stack. Without the editing UI the table and forms are read-only.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QWidget

from gisdesk.core import edits_frame as rows
from gisdesk.ui.forms.feature_form import FeatureForm
from gisdesk.ui.inspections.condition_charts import ConditionCharts
from gisdesk.ui.inspections.inspect_tool import InspectTool
from gisdesk.ui.inspections.overdue_view import OverdueView
from gisdesk.ui.table.model import Editor
from gisdesk.ui.table.table_widget import AttributeTable


class AssetTablesUi(QObject):
    """Layer menu (F6 attribute table, feature form, views), the Inspect tool and the docks."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window: Any = window
        self.tables: dict[str, QDockWidget] = {}
        self.forms: list[FeatureForm] = []
        self.views: dict[str, QDockWidget] = {}
        self.act_table = self._action(self.open_current_table, "F6")
        self.act_form = self._action(self.open_selected_form, "F7")
        self.act_overdue = self._action(self.show_overdue)
        self.act_charts = self._action(self.show_charts)
        self.act_inspect = self._action(lambda _=False: self.set_inspecting(True))
        self.act_inspect.setCheckable(True)
        self.inspect_tool = InspectTool(window.canvas, window.project, self.editor, window)
        self._install_menu()
        self._extend_layer_menu()
        window.project.layers_changed.connect(self._drop_stale_tables)
        window.installEventFilter(self)
        self.retranslateUi()

    def _action(self, slot, shortcut: str | None = None) -> QAction:
        action = QAction(self.window)
        action.triggered.connect(slot)
        if shortcut:
            action.setShortcut(shortcut)
        return action

    def _install_menu(self) -> None:
        w = self.window
        self.menu_layer = QMenu(w)
        w.menuBar().insertMenu(w.menu_view.menuAction(), self.menu_layer)
        self.menu_layer.addActions([self.act_table, self.act_form])
        self.menu_layer.addSeparator()
        self.menu_layer.addActions([self.act_inspect, self.act_overdue, self.act_charts])
        group = getattr(w, "tool_group", None)
        if group is not None:
            group.addAction(self.act_inspect)
            group.triggered.connect(lambda a: self.set_inspecting(a is self.act_inspect))
        if getattr(w, "toolbar", None) is not None:
            w.toolbar.addAction(self.act_inspect)

    def _extend_layer_menu(self) -> None:
        """Add "Open Attribute Table" to the layers panel's context menu."""
        panel = getattr(self.window, "layers_panel", None)
        if panel is None or not hasattr(panel, "build_menu"):
            return
        original = panel.build_menu

        def build_menu(name: str) -> QMenu:
            menu = original(name)
            action = menu.addAction(self.tr("Open Attribute Table"))
            action.setShortcut("F6")
            action.triggered.connect(lambda: self.open_table(name))
            return menu

        panel.build_menu = build_menu

    def retranslateUi(self) -> None:
        self.menu_layer.setTitle(self.tr("&Layer"))
        self.act_table.setText(self.tr("Open &Attribute Table"))
        self.act_form.setText(self.tr("Open Feature &Form"))
        self.act_inspect.setText(self.tr("I&nspect"))
        self.act_inspect.setToolTip(self.tr("Click an asset on the map to record an inspection"))
        self.act_overdue.setText(self.tr("&Overdue Inspections"))
        self.act_charts.setText(self.tr("&Condition Charts"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        return False

    # --- actions ----------------------------------------------------------------------------
    def editor(self) -> Editor | None:
        """The undo bridge of the editing UI (None when it is not installed)."""
        editing = getattr(self.window, "editing", None)
        controller = getattr(editing, "controller", None)
        return getattr(controller, "undo", None)

    def set_inspecting(self, on: bool) -> None:
        """Turn the Inspect tool on (the canvas pans, clicks open the dialog) or off."""
        self.inspect_tool.active = on
        if on:
            from gisdesk.ui.canvas.map_canvas import Tool  # noqa: PLC0415

            self.window.canvas.set_tool(Tool.PAN)
            self.act_inspect.setChecked(True)

    def open_current_table(self) -> None:
        """F6: the attribute table of the layer chosen in the layers panel."""
        name = self.window._current_layer_name()
        if name:
            self.open_table(name)

    def open_table(self, name: str) -> AttributeTable | None:
        """Show (or raise) the attribute table dock of layer ``name``."""
        dock = self.tables.get(name)
        if dock is not None:
            dock.show()
            dock.raise_()
            return dock.widget()  # type: ignore[return-value]
        layer = self.window.project.layer(name)
        if layer is None:
            return None
        table = AttributeTable(layer, self.window.project.catalog, self.window.selection,
                               self.editor())
        table.zoom_requested.connect(self.window.canvas.set_extent)
        table.view.verticalHeader().sectionDoubleClicked.connect(  # cells edit in place
            lambda section: self.open_form(name, int(table.model.frame_rows([section])[0])))
        dock = self._dock(f"table_{name}", table, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.tables[name] = dock
        return table

    def _drop_stale_tables(self, *_args: object) -> None:
        """Close tables whose layer was removed or replaced (e.g. another project opened)."""
        for name, dock in list(self.tables.items()):
            table: AttributeTable = dock.widget()  # type: ignore[assignment]
            if self.window.project.layer(name) is not table.layer:
                table.close_table()
                self.window.removeDockWidget(dock)
                dock.deleteLater()
                del self.tables[name]

    def _dock(self, key: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(widget.windowTitle(), self.window)
        dock.setObjectName(f"{key}_dock")
        dock.setWidget(widget)
        self.window.addDockWidget(area, dock)
        return dock

    def open_form(self, name: str, row: int) -> FeatureForm | None:
        """Open the form of the feature at frame position ``row`` of layer ``name``."""
        layer = self.window.project.layer(name)
        if layer is None or layer.definition is None or not 0 <= row < len(layer.frame):
            return None
        uuid = str(layer.frame[rows.key_of(layer)].iat[row])
        form = FeatureForm(self.window.project, layer, self.editor(), uuid, parent=self.window,
                           row=row)
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.finished.connect(lambda _r: self.forms.remove(form) if form in self.forms else None)
        self.forms.append(form)
        form.show()
        return form

    def open_selected_form(self) -> None:
        """F7: the form of the first selected feature (current layer first)."""
        sel = self.window.selection
        current = self.window._current_layer_name()
        names = sorted(sel.layers(), key=lambda n: n != current)
        if names:
            self.open_form(names[0], int(sel.rows(names[0])[0]))

    def _view(self, key: str, make) -> QWidget:
        dock = self.views.get(key)
        if dock is None:
            widget = make()
            dock = self._dock(key, widget, Qt.DockWidgetArea.RightDockWidgetArea)
            self.views[key] = dock
        dock.show()
        dock.raise_()
        return dock.widget()

    def show_overdue(self) -> OverdueView:
        """Open the overdue-inspections view."""

        def make() -> OverdueView:
            view = OverdueView(self.window.project)
            view.zoom_requested.connect(self.window.canvas.set_extent)
            view.asset_activated.connect(lambda n, r: self.window.selection.set(n, [r]))
            return view

        view = self._view("overdue", make)
        view.fill_layers()  # type: ignore[attr-defined]
        view.refresh()  # type: ignore[attr-defined]
        return view  # type: ignore[return-value]

    def show_charts(self) -> ConditionCharts:
        """Open the condition charts."""
        charts = self._view("condition_charts", lambda: ConditionCharts(self.window.project))
        charts.fill_layers()  # type: ignore[attr-defined]
        charts.refresh()  # type: ignore[attr-defined]
        return charts  # type: ignore[return-value]


def install(window: QMainWindow) -> AssetTablesUi:
    """Add the Layer menu, the Inspect tool and the table/form/inspection views to ``window``."""
    return AssetTablesUi(window)
