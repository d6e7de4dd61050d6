"""A simple attribute dialog for a new feature, used until the form builder is installed.

One editor per writable field of the definition (a drop-down with labels for coded values, a
line edit otherwise), prefilled with the defaults. The dialog does not validate by itself: it
hands the values to a callback that runs the core command and returns the refusal message,
which is shown in the dialog so the user can correct the field and try again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from gisdesk.core.definitions import Catalog, LayerDef
from gisdesk.core.validation import defaults
from gisdesk.ui import i18n

Submit = Callable[[dict[str, Any]], str | None]
"""Takes the entered values, returns None on success or the error to show."""


def _number(text: str, kind: str) -> Any:
    try:
        return int(text) if kind == "integer" else float(text.replace(",", "."))
    except ValueError:
        return text  # the core names the field and says what is wrong


class AttributeDialog(QDialog):
    """Values for a new feature of ``definition``."""

    def __init__(
        self, definition: LayerDef, catalog: Catalog, submit: Submit,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("AttributeDialog")
        self.definition, self._submit = definition, submit
        self.editors: dict[str, QLineEdit | QComboBox] = {}
        lang = i18n.current_language()
        start = defaults(definition)
        inner = QWidget()
        form = QFormLayout(inner)
        for fdef in definition.fields:
            if fdef.readonly or fdef.name == definition.key:
                continue
            domain = catalog.domains.get(fdef.domain) if fdef.domain else None
            if domain is not None:
                editor = QComboBox()
                if not fdef.required:
                    editor.addItem("", None)
                for code in domain.codes():
                    editor.addItem(domain.label(code, lang) or str(code), code)
                editor.setCurrentIndex(max(0, editor.findData(start.get(fdef.name))))
            else:
                value = start.get(fdef.name)
                editor = QLineEdit("" if value is None else str(value))
            label = fdef.label.get(lang) + (" *" if fdef.required else "")
            form.addRow(label, editor)
            self.editors[fdef.name] = editor
        scroll = QScrollArea()
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        title = definition.title.get(lang)
        self.setWindowTitle(self.tr("New feature: {layer}").format(layer=title))

    def values(self) -> dict[str, Any]:
        """The entered values; empty text is left out (so defaults and 'required' apply)."""
        out: dict[str, Any] = {}
        for name, editor in self.editors.items():
            fdef = self.definition.field(name)
            if isinstance(editor, QComboBox):
                value = editor.currentData()
            else:
                text = editor.text().strip()
                value = None if not text else (
                    _number(text, fdef.type) if fdef.type in ("integer", "real") else text)
            if value is not None:
                out[name] = value
        return out

    def set_value(self, name: str, text: str) -> None:
        """Type ``text`` into a line edit or pick the item with that code (for tests, scripts)."""
        editor = self.editors[name]
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(editor.findData(text))
        else:
            editor.setText(text)

    def accept(self) -> None:
        """Add the feature; on refusal show why and stay open."""
        error = self._submit(self.values())
        if error:
            self.error_label.setText(error)
            return
        super().accept()
