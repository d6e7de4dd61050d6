"""The core edit session seen through a QUndoStack, so Qt's undo actions and QUndoView work.

The core :class:`~gisdesk.core.edits_session.EditSession` stays the only place that changes
data; each QUndoCommand here only asks the session to undo or redo. A command is pushed after
the session accepted it (a refused edit never reaches the stack), and the stack can be rebuilt
from the session's history after a journal restore.

Entry texts are made by the core commands (field labels, asset codes, in the UI language); a
step keeps its command and a group its text maker, so :meth:`UndoBridge.retranslate` can
rewrite the Undo History in a newly chosen language without touching the edits.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand, QUndoStack

from gisdesk.core.edits import Command
from gisdesk.core.edits_session import EditSession

GroupText = str | Callable[[], str]
"""A group's history text, or what makes it in the current language (kept for a switch)."""


class SessionStep(QUndoCommand):
    """One entry of the undo history; undo/redo delegate to the session."""

    def __init__(self, bridge: UndoBridge, command: Command,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(command.text(bridge.session.context), parent)
        self._bridge = bridge
        self.command = command
        self.group_text: GroupText | None = None
        """Set on the first step of a group: the group entry's text (see retranslate)."""
        self._skip_first_redo = True  # the session already applied the command

    def redo(self) -> None:
        if self._skip_first_redo:
            self._skip_first_redo = False
            return
        self._bridge.step("redo")

    def undo(self) -> None:
        self._bridge.step("undo")


class UndoBridge(QObject):
    """Owns the QUndoStack that mirrors ``session``'s undo stack."""

    def __init__(
        self, session: EditSession, on_error: Callable[[Exception], None],
        parent: QObject | None = None,
        before_apply: Callable[[Command], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.stack = QUndoStack(self)
        self._on_error = on_error
        self._before_apply = before_apply
        self._mirroring = False
        self._group_text: GroupText | None = None

    def apply(self, command: Command) -> None:
        """Run ``command`` in the session (raises if refused), then record it for undo.

        ``before_apply`` runs first for every command, whoever applies it (map tools, the
        attribute table, feature forms, the inspection dialog): the window uses it to open the
        crash journal, so the very first edit is already recoverable.
        """
        if self._before_apply is not None:
            self._before_apply(command)
        self.session.apply(command)
        step = SessionStep(self, command)
        step.group_text, self._group_text = self._group_text, None
        self.stack.push(step)

    def begin_group(self, text: GroupText) -> None:
        """Start one undo step made of several commands (e.g. deleting a selection).

        ``text`` may be a function returning it in the current language, so the entry follows
        a language switch like single steps do.
        """
        self.stack.beginMacro(text() if callable(text) else text)
        self._group_text = text

    def end_group(self) -> None:
        """Close the group opened by :meth:`begin_group`."""
        self._group_text = None
        self.stack.endMacro()

    def retranslate(self) -> None:
        """Rewrite every entry's text in the current language (after a language switch)."""
        for i in range(self.stack.count()):
            entry = self.stack.command(i)
            if isinstance(entry, SessionStep):
                entry.setText(entry.command.text(self.session.context))
                continue
            steps = [entry.child(j) for j in range(entry.childCount())]
            for step in steps:
                if isinstance(step, SessionStep):
                    step.setText(step.command.text(self.session.context))
            maker = steps[0].group_text if steps and isinstance(steps[0], SessionStep) else None
            if callable(maker):
                entry.setText(maker())

    def step(self, op: str) -> None:
        """Undo or redo one session command (ignored while the stack is being rebuilt)."""
        if self._mirroring:
            return
        try:
            self.session.undo() if op == "undo" else self.session.redo()
        except (IndexError, KeyError, ValueError) as exc:
            self._on_error(exc)

    def rebuild(self) -> None:
        """Make the stack list exactly the session's history (after a journal restore)."""
        self._mirroring = True
        try:
            self.stack.clear()
            history = self.session.history()
            for entry in history:
                self.stack.push(SessionStep(self, entry.command))
            self.stack.setIndex(sum(1 for e in history if e.done))
        finally:
            self._mirroring = False

    def mark_clean(self) -> None:
        """The session was saved: the current stack position is the saved state."""
        self.stack.setClean()
