"""The editing session of the main window: profile, undo stack, journal, save and restore.

One :class:`EditingController` per window wraps the core
:class:`~gisdesk.core.edits_session.EditSession` (every change goes through it, so the role
rules and validation of the core apply), mirrors it in a QUndoStack, keeps the crash journal
next to the user's settings, and turns refusals and save failures into messages that say what
happened and that the edits are kept.
"""

from __future__ import annotations

import getpass
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from gisdesk.core.definitions import LayerDef
from gisdesk.core.edits import Command
from gisdesk.core.edits_session import EditSession
from gisdesk.core.journal import Journal, PendingJournal, discard, journal_path_for, pending_journal
from gisdesk.core.journal import restore as restore_journal
from gisdesk.core.layer import MapLayer
from gisdesk.core.project import Project
from gisdesk.core.roles import Profile, check_can_edit
from gisdesk.io.gpkg_store import StoreError, save_session
from gisdesk.ui.editing.undo_bridge import GroupText, UndoBridge
from gisdesk.ui.settings import AppSettings

REFUSED = (ValueError, KeyError, PermissionError, IndexError)
"""What the core raises for an edit it will not make (FieldValueError is a ValueError)."""


def default_profile() -> Profile:
    """Before a profile is chosen the user is a viewer: nothing can change by accident."""
    try:
        name = getpass.getuser()
    except (KeyError, OSError):
        name = "user"
    return Profile(name, "", "viewer")


def gpkg_of(layer: MapLayer) -> Path | None:
    """The GeoPackage a layer is saved to, or None when it is not from one."""
    if layer.source is None or Path(layer.source.path).suffix.lower() != ".gpkg":
        return None
    return Path(layer.source.path)


class EditingController(QObject):
    """Editing state of one window; widgets observe :attr:`state_changed` and :attr:`message`."""

    state_changed = Signal()
    """Profile, edit layer, undo state or dirty flag changed: refresh enabled actions."""
    message = Signal(str)
    """A short status text (saved, refused, warning) for the status bar."""

    def __init__(
        self, project: Project, settings: AppSettings, parent_widget: QWidget | None = None
    ) -> None:
        super().__init__(parent_widget)
        self.project = project
        self.settings = settings
        self.widget = parent_widget
        stored = settings.user_profile()
        self.profile = Profile.from_dict(stored) if stored else default_profile()
        self.has_profile = stored is not None
        self.session = EditSession(project, self.profile)
        # Every edit opens the journal first, also those the table, forms and inspection
        # dialog apply straight through the bridge (they used to go unjournalled until a map
        # edit, so a crash lost them).
        self.undo = UndoBridge(self.session, self.report_refusal, self,
                               before_apply=lambda command: self._ensure_journal(command.layer))
        self.session.changed.connect(self._on_session_changed)
        self.edit_layer: str | None = None
        self.last_error: str | None = None
        self.last_warning: str | None = None
        self._checked_files: set[Path] = set()

    # --- profile and rights -------------------------------------------------------------------
    def set_profile(self, profile: Profile) -> None:
        """Use ``profile`` from now on (saved in the settings); editing rights follow it."""
        self.profile = profile
        self.has_profile = True
        self.session.context.profile = profile
        if self.session.journal is not None:
            self.session.journal.header.update(
                {f"user_{k}": v for k, v in profile.to_dict().items()}
            )
        self.settings.set_user_profile(profile.to_dict())
        self.settings.sync()
        if self.edit_layer is not None and self.why_not_editable(self.edit_layer):
            self.edit_layer = None
        self.state_changed.emit()
        self.check_journals()

    def why_not_editable(self, name: str | None) -> str | None:
        """None when the user may edit layer ``name``, else the reason in words."""
        layer = self.project.layer(name) if name else None
        if layer is None:
            return self.tr("Choose a layer in the Layers panel first.")
        if layer.definition is None:
            return self.tr("Layer '{layer}' has no definition, so it cannot be edited.").format(
                layer=name)
        if gpkg_of(layer) is None:
            return self.tr("Only layers from a GeoPackage can be edited.")
        try:
            check_can_edit(self.profile, layer.definition)
        except PermissionError as exc:
            return str(exc)
        return None

    def set_edit_layer(self, name: str | None) -> bool:
        """Start editing ``name`` (None stops); False with a message when not allowed."""
        if name is not None:
            why = self.why_not_editable(name)
            if why:
                self.report_refusal(PermissionError(why))
                return False
        self.edit_layer = name
        self.state_changed.emit()
        return True

    def edit_definition(self) -> LayerDef | None:
        """Definition of the layer being edited."""
        layer = self.project.layer(self.edit_layer) if self.edit_layer else None
        return layer.definition if layer is not None else None

    # --- applying edits -----------------------------------------------------------------------
    def try_apply(self, command: Command) -> str | None:
        """Run ``command`` through the core; None when done, else why it was refused."""
        try:
            self.undo.apply(command)  # opens the journal first (before_apply)
        except REFUSED as exc:
            self.last_error = str(exc).strip("'\"")
            return self.last_error
        self.last_error = None
        return None

    def apply(self, command: Command) -> bool:
        """Like :meth:`try_apply`, but a refusal is reported to the user."""
        error = self.try_apply(command)
        if error is not None:
            self.report_refusal(ValueError(error))
        return error is None

    def apply_group(self, text: GroupText, commands: list[Command]) -> int:
        """Apply several commands as one undo step; returns how many were applied."""
        self.undo.begin_group(text)
        try:
            done = sum(1 for c in commands if self.apply(c))
        finally:
            self.undo.end_group()
        return done

    def report_refusal(self, exc: Exception) -> None:
        """Tell the user why an edit was refused (status bar and a non-blocking message)."""
        text = str(exc).strip("'\"")
        self.last_error = text
        self.message.emit(text)
        if self.widget is not None:
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Edit refused"), text,
                              QMessageBox.StandardButton.Ok, self.widget)
            box.setObjectName("EditRefusedBox")
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()

    def _ensure_journal(self, layer_name: str) -> None:
        if self.session.journal is not None:
            return
        layer = self.project.layer(layer_name)
        path = gpkg_of(layer) if layer is not None else None
        if path is None:
            return
        journal = Journal(journal_path_for(path))
        journal.header.update({f"user_{k}": v for k, v in self.profile.to_dict().items()})
        journal.header["data"] = str(path)
        self.session.journal = journal

    def _on_session_changed(self) -> None:
        self.state_changed.emit()

    @property
    def is_dirty(self) -> bool:
        """True when there are edits that are not saved yet."""
        return not self.session.is_clean and bool(self.session.pending_changes())

    # --- saving -------------------------------------------------------------------------------
    def save(self) -> bool:
        """Write all pending edits in one transaction; on failure explain and keep them."""
        if not self.session.pending_changes():
            self.session.mark_saved()
            self.undo.mark_clean()
            return True
        try:
            report = save_session(self.session)
        except StoreError as exc:
            self.last_error = str(exc)
            if self.widget is not None:
                QMessageBox.critical(
                    self.widget, self.tr("Edits not saved"),
                    str(exc) + "\n\n" + self.tr("Your edits are kept in this session and in the "
                                                "recovery journal. Fix the problem and save "
                                                "again."),
                )
            self.message.emit(str(exc))
            return False
        self.undo.mark_clean()
        self.message.emit(self.tr("Saved: {i} added, {u} changed, {d} deleted").format(
            i=report.inserted, u=report.updated, d=report.deleted))
        return True

    def discard_journal(self) -> None:
        """Forget the journal of unsaved edits (the user chose Discard)."""
        if self.session.journal is not None:
            discard(self.session.journal.path)

    def confirm_close(self) -> bool:
        """Ask Save / Discard / Cancel when there are unsaved edits; True lets the window close."""
        if not self.is_dirty or self.widget is None:
            return True
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self.widget, self.tr("Unsaved edits"),
            self.tr("There are unsaved edits. Save them before closing?"),
            buttons.Save | buttons.Discard | buttons.Cancel, buttons.Save,
        )
        if answer == buttons.Save:
            return self.save()
        if answer == buttons.Discard:
            self.discard_journal()
            return True
        return False

    # --- crash recovery -----------------------------------------------------------------------
    def check_journals(self) -> None:
        """Offer to restore unsaved edits of every newly opened GeoPackage (once per file).

        Waits until a profile is chosen: replaying runs through the role checks, which the
        stand-in viewer profile of a first start would fail.
        """
        if not self.has_profile:
            return
        for layer in list(self.project.layers):
            path = gpkg_of(layer)
            if path is None or path in self._checked_files:
                continue
            self._checked_files.add(path)
            found = pending_journal(journal_path_for(path))
            if found is not None:
                self._offer_restore(found)

    def _offer_restore(self, found: PendingJournal) -> None:
        created = str(found.header.get("created", "?")).replace("T", " ")[:19]
        text = self.tr("Restore %n unsaved edit(s) from {time}?", "", len(found)).format(
            time=created)
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Unsaved edits found"), text,
                          QMessageBox.StandardButton.NoButton, self.widget)
        restore = box.addButton(self.tr("Restore"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        box.exec()
        if box.clickedButton() is restore:
            self.restore(found.path)
        else:
            discard(found.path)

    def restore(self, path: Path) -> int:
        """Replay the journal at ``path`` into the session; returns the number of steps."""
        journal = Journal(path)
        if self.session.journal is None:
            self.session.journal = journal
        try:
            steps = restore_journal(path, self.session)
        except REFUSED as exc:
            self.report_refusal(exc)
            return 0
        self.undo.rebuild()
        self.message.emit(self.tr("%n edit(s) restored", "", steps))
        self.state_changed.emit()
        return steps
