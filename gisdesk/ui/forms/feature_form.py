"""The feature form, generated from the layer definition: groups, typed inputs, live checks.

Nothing in the form is written by hand per layer: the definition's ``form`` groups give the
layout (fields outside every group go to a last "Other" group), each field gets the input of its
type (:mod:`.field_inputs`), required fields are marked with *, and every change is checked at
once by the same core function the edit commands use, with the message under the field. OK
turns the changes into commands (one ``SetAttribute`` per changed field, or one ``AddFeature``)
so they are validated again in the core and land on the undo stack.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gisdesk.core import edits_frame as rows
from gisdesk.core.definitions import Catalog, FormGroup, LayerDef, Text
from gisdesk.core.edits import AddFeature, Command, SetAttribute, feature_name
from gisdesk.core.layer import MapLayer
from gisdesk.core.project import Project
from gisdesk.core.roles import can_edit
from gisdesk.core.validation import FieldValueError, coerce_value, defaults
from gisdesk.ui.forms.field_inputs import FieldInput
from gisdesk.ui.i18n import current_language
from gisdesk.ui.table.model import Editor, session_of

ERROR_STYLE = "color: #b00020;"
Submit = Callable[[dict[str, Any]], "str | None"]
"""Runs the new feature's command and returns the refusal message (None when applied)."""


def form_groups(definition: LayerDef, other: str = "Other") -> list[FormGroup]:
    """The definition's groups in order, plus ``other`` for fields no group lists."""
    groups = list(definition.form)
    listed = {name for g in groups for name in g.fields}
    rest = [f.name for f in definition.fields if f.name not in listed]
    if rest:
        groups.append(FormGroup(title=Text(en=other, id=other), fields=rest))
    return groups


class FeatureForm(QDialog):
    """Form of one feature (``uuid``) or of a new one (``uuid`` None, ``geometry`` given)."""

    def __init__(self, project: Project, layer: MapLayer, editor: Editor | None,
                 uuid: str | None = None, geometry: Any = None,
                 parent: QWidget | None = None, submit: Submit | None = None,
                 row: int | None = None) -> None:
        super().__init__(parent)
        if layer.definition is None:
            raise ValueError(f"layer {layer.name!r} has no definition to build a form from")
        self.project, self.layer, self.editor = project, layer, editor
        self.definition: LayerDef = layer.definition
        self.uuid, self.geometry, self.submit = uuid, geometry, submit
        self._row_hint = row
        self.lang = current_language()
        self.inputs: dict[str, FieldInput] = {}
        self.errors: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}
        self.original = self._starting_values()
        self.tabs = QTabWidget()
        self.tabs.addTab(self._attributes_page(), "")
        self.history: QWidget | None = None
        self._add_inspections_tab()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._fill()
        self._set_editable(self._may_edit())
        self.retranslateUi()

    @property
    def catalog(self) -> Catalog:
        """Definitions and domains of the project."""
        return self.project.catalog

    def _starting_values(self) -> dict[str, Any]:
        if self.uuid is None:
            return defaults(self.definition)
        frame, hint = self.layer.frame, self._row_hint
        key = self.definition.key
        if hint is not None and 0 <= hint < len(frame) and frame[key].iat[hint] == self.uuid:
            # the caller knows the row (table, map): skip building the UUID index of a big layer
            return {c: rows.py_value(frame[c].iat[hint]) for c in self.definition.field_names
                    if c in frame.columns}
        return rows.get_row(self.layer, self.uuid) or {}

    def _may_edit(self) -> bool:
        if self.submit is not None:
            return True  # whoever submits runs the command, and the core checks the role
        if self.editor is None:
            return False
        return can_edit(session_of(self.editor).profile, self.definition)

    def _attributes_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        for group in form_groups(self.definition, self.tr("Other")):
            box = QGroupBox(group.title.get(self.lang))
            grid = QFormLayout(box)
            for name in group.fields:
                fdef = self.definition.field(name)
                if fdef is None:
                    continue
                grid.addRow(self._label(name), self._input_cell(name))
            column.addWidget(box)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(page)
        return scroll

    def _label(self, name: str) -> QLabel:
        fdef = self.definition.field(name)
        assert fdef is not None
        text = fdef.label.get(self.lang) + (" *" if fdef.required else "")
        label = QLabel(text)
        self.labels[name] = label
        return label

    def _input_cell(self, name: str) -> QWidget:
        fdef = self.definition.field(name)
        assert fdef is not None
        field_input = FieldInput(fdef, self.catalog.domain_for(self.definition, name), self.lang)
        error = QLabel()
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        field_input.changed.connect(lambda n=name: self.check_field(n))
        self.inputs[name], self.errors[name] = field_input, error
        cell = QWidget()
        stack = QVBoxLayout(cell)
        stack.setContentsMargins(0, 0, 0, 0)
        stack.addWidget(field_input)
        stack.addWidget(error)
        return cell

    def _add_inspections_tab(self) -> None:
        if self.uuid is None or self.definition.inspection is None:
            return
        if self.project.layer("inspections") is None:
            return
        from gisdesk.ui.inspections.history import InspectionHistory  # noqa: PLC0415

        self.history = InspectionHistory(self.project, self.layer, self.uuid, self.editor)
        self.tabs.addTab(self.history, "")

    def _fill(self) -> None:
        for name, field_input in self.inputs.items():
            field_input.set_value(self.original.get(name))

    def _set_editable(self, editable: bool) -> None:
        for name, field_input in self.inputs.items():
            fdef = self.definition.field(name)
            field_input.setEnabled(editable and fdef is not None and not fdef.readonly
                                   and name != self.definition.key)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setVisible(editable)

    def retranslateUi(self) -> None:
        title = self.layer.title_in(self.lang)
        self.setWindowTitle(self.tr("New feature — {layer}").format(layer=title)
                            if self.uuid is None else
                            self.tr("Feature — {layer}").format(layer=title))
        self.tabs.setTabText(0, self.tr("Attributes"))
        if self.history is not None:
            self.tabs.setTabText(1, self.tr("Inspections"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    # --- checking and applying --------------------------------------------------------------
    def check_field(self, name: str) -> str | None:
        """Check one field's current value; show and return the problem (None when fine)."""
        try:
            coerce_value(self.definition, name, self.inputs[name].value(), self.catalog)
        except FieldValueError as exc:
            text = "; ".join(p.message for p in exc.problems)
            self.errors[name].setText(text)
            self.errors[name].show()
            return text
        self.errors[name].hide()
        return None

    def problems(self) -> dict[str, str]:
        """Every field that would be refused now, with the reason."""
        found = {}
        for name in self.inputs:
            fdef = self.definition.field(name)
            if fdef is None or fdef.readonly or name == self.definition.key:
                continue  # set by the core (key, condition), never typed
            text = self.check_field(name)
            if text:
                found[name] = text
        return found

    def commands(self) -> list[Command]:
        """The commands OK would apply: one AddFeature, or a SetAttribute per changed field."""
        values = {n: w.value() for n, w in self.inputs.items() if w.isEnabled()}
        if self.uuid is None:
            return [AddFeature(layer=self.layer.name, values=values, geometry=self.geometry)]
        out: list[Command] = []
        for name, value in values.items():
            old = coerce_value(self.definition, name, self.original.get(name), self.catalog) if (
                self.original.get(name) is not None) else None
            new = coerce_value(self.definition, name, value, self.catalog)
            if new != old:
                out.append(SetAttribute(layer=self.layer.name, uuid=self.uuid, field=name,
                                        value=new))
        return out

    def apply(self) -> bool:
        """Validate, apply the commands through the session, and close; False when refused."""
        if self.editor is None and self.submit is None:
            self.reject()
            return False
        problems = self.problems()
        if problems:
            self.message.setText(self.tr("Please correct the marked fields."))
            return False
        if self.submit is not None:
            values = {n: w.value() for n, w in self.inputs.items() if w.isEnabled()}
            error = self.submit(values)
            if error:
                self.message.setText(error)
                return False
            self.accept()
            return True
        try:
            self._run(self.commands())
        except (FieldValueError, PermissionError, KeyError) as exc:
            self.message.setText(str(exc).strip("'\""))
            return False
        self.accept()
        return True

    def _run(self, commands: list[Command]) -> None:
        grouped = len(commands) > 1 and hasattr(self.editor, "begin_group")
        if grouped:
            self.editor.begin_group(self._group_text())  # type: ignore[union-attr]
        try:
            for command in commands:
                self.editor.apply(command)  # type: ignore[union-attr]
        finally:
            if grouped:
                self.editor.end_group()  # type: ignore[union-attr]


    def _group_text(self) -> Callable[[], str]:
        """Makes the Undo History entry of a form edit, "Edit JLN-0012", in the current UI
        language; it outlives the form (a language switch rewrites it), so it keeps no form."""
        layer, uuid = self.layer, str(self.uuid)

        def text() -> str:
            name = feature_name(layer.definition, rows.get_row(layer, uuid), uuid)
            return QCoreApplication.translate("FeatureForm", "Edit {feature}").format(
                feature=name)
        return text


def open_form(project: Project, layer: MapLayer, editor: Editor | None, uuid: str | None,
              parent: QWidget | None = None) -> FeatureForm:
    """Build and show the form of ``uuid`` (non-modal; returned so callers can keep it)."""
    form = FeatureForm(project, layer, editor, uuid, parent=parent)
    form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    form.show()
    return form


def new_feature_dialog(definition: LayerDef, catalog: Catalog, submit: Submit,
                       parent: QWidget | None = None) -> FeatureForm:
    """The form for a feature just drawn on the map (the editing UI's attribute dialog).

    ``submit`` gets the typed values and runs the ``AddFeature`` (with the drawn geometry);
    its refusal message is shown in the form, which stays open for a correction.
    """
    import geopandas as gpd  # noqa: PLC0415

    layer = MapLayer(definition.name, gpd.GeoDataFrame(), definition)
    return FeatureForm(Project(catalog), layer, None, None, parent=parent, submit=submit)
