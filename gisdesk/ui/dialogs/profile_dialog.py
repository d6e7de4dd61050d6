"""The user profile dialog: who is editing (name, OPD, role), asked at first start.

The profile is what the audit trail records and what the edit rights are checked against, so
the department list comes from the shared ``opd`` domain (labels in the UI language) and the
core's :func:`~gisdesk.core.roles.make_profile` validates the choice.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from gisdesk.core.definitions import Catalog
from gisdesk.core.roles import ROLES, Profile, make_profile
from gisdesk.ui import i18n


class ProfileDialog(QDialog):
    """Edit a :class:`Profile`; :meth:`profile` returns the validated result after accept."""

    def __init__(
        self, catalog: Catalog, current: Profile | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ProfileDialog")
        self.catalog = catalog
        self.name_edit = QLineEdit()
        self.opd_combo = QComboBox()
        self.role_combo = QComboBox()
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b00020")
        self.error_label.setWordWrap(True)
        lang = i18n.current_language()
        domain = catalog.domains.get("opd")
        for code in domain.codes() if domain else []:
            self.opd_combo.addItem(f"{code} — {domain.label(code, lang)}", code)
        role_names = {"viewer": self.tr("Viewer (read only)"),
                      "editor": self.tr("Editor (my department's layers)"),
                      "admin": self.tr("Administrator (everything)")}
        for role in ROLES:
            self.role_combo.addItem(role_names[role], role)
        self.form = QFormLayout(self)
        self.intro = QLabel(self.tr(
            "Who is working on this computer? Your name and department are recorded with every "
            "change you save, so the city knows who changed what. To only look at the map, "
            "Cancel: editing stays off until you set a profile (Settings ▸ User Profile…)."))
        self.intro.setWordWrap(True)
        self.form.addRow(self.intro)
        self.form.addRow(self.tr("Name"), self.name_edit)
        self.form.addRow(self.tr("Department (OPD)"), self.opd_combo)
        self.form.addRow(self.tr("Role"), self.role_combo)
        self.form.addRow(self.error_label)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.form.addRow(buttons)
        self.setWindowTitle(self.tr("User profile"))
        self._result: Profile | None = None
        if current is not None:
            self.set_values(current.name, current.opd, current.role)

    def set_values(self, name: str, opd: str, role: str) -> None:
        """Fill the fields (used for the current profile and by tests)."""
        self.name_edit.setText(name)
        self.opd_combo.setCurrentIndex(max(0, self.opd_combo.findData(opd)))
        self.role_combo.setCurrentIndex(max(0, self.role_combo.findData(role)))

    def accept(self) -> None:
        """Validate with the core; stay open and say why when the profile is refused."""
        try:
            self._result = make_profile(
                self.name_edit.text(), self.opd_combo.currentData() or "",
                self.role_combo.currentData() or "", self.catalog,
            )
        except ValueError as exc:
            self.error_label.setText(str(exc))
            return
        super().accept()

    def profile(self) -> Profile | None:
        """The accepted profile (None until OK was pressed with valid values)."""
        return self._result
