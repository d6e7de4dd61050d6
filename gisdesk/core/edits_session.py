"""The edit session: an undo stack of commands over a project, with rights and change tracking.

Everything that changes features goes through :meth:`EditSession.apply`, which checks the user's
role, lets the command validate and apply itself, writes it to the crash journal and tells the
layer it changed. The session also remembers, for every feature touched since the last save, the
row as it was saved; the GeoPackage writer and the audit trail work from that net difference, so
undo after a save and redo before it need no special cases.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Protocol

from gisdesk.core import edits_frame as rows
from gisdesk.core.audit import FeatureChange
from gisdesk.core.edits import Command, EditContext, FeatureRef
from gisdesk.core.events import Event
from gisdesk.core.project import Project
from gisdesk.core.roles import Profile, check_can_edit
from gisdesk.i18n import translate


class JournalSink(Protocol):
    """Where the session records each step so a crash loses nothing (see journal.py)."""

    header: dict[str, Any]

    def append(self, op: str, command: Command) -> None:
        """Durably record ``op`` ("do", "undo", "redo") of ``command``."""

    def clear(self) -> None:
        """Forget everything: the edits are saved."""


@dataclass(frozen=True)
class HistoryEntry:
    """One line of the undo history panel."""

    text: str
    done: bool
    command: Command = field(compare=False, repr=False)
    """The command itself (the UI's undo stack rebuilds its entries from it)."""


class EditSession:
    """Undo stack + saved-state tracking for one user's edits of one project.

    ``changed`` is emitted after every apply, undo, redo and save with no arguments.
    """

    def __init__(self, project: Project, profile: Profile, journal: JournalSink | None = None):
        self.context = EditContext(project, profile)
        self.journal = journal
        if journal is not None:
            journal.header.update({f"user_{k}": v for k, v in profile.to_dict().items()})
        self.changed = Event()
        self._stack: list[Command] = []
        self._index = 0
        self._clean: int | None = 0
        self._saved_rows: dict[FeatureRef, dict[str, Any] | None] = {}
        self._muted = False

    @property
    def project(self) -> Project:
        """The project being edited."""
        return self.context.project

    @property
    def profile(self) -> Profile:
        """The user doing the edits."""
        return self.context.profile

    def apply(self, command: Command) -> None:
        """Check rights, run ``command`` and push it; raises without changing anything."""
        for name in command.permission_layers():
            check_can_edit(self.profile, self.context.definition(name))
        self._remember(command)
        command.do(self.context)
        del self._stack[self._index :]
        if self._clean is not None and self._clean > self._index:
            self._clean = None  # the saved state can no longer be reached by undo/redo
        self._stack.append(command)
        self._index += 1
        self._finish("do", command)

    def undo(self) -> None:
        """Undo the last applied command."""
        if not self.can_undo:
            raise IndexError(translate("Edits", "Nothing to undo."))
        command = self._stack[self._index - 1]
        self._remember(command)
        command.undo(self.context)
        self._index -= 1
        self._finish("undo", command)

    def redo(self) -> None:
        """Re-apply the last undone command."""
        if not self.can_redo:
            raise IndexError(translate("Edits", "Nothing to redo."))
        command = self._stack[self._index]
        self._remember(command)
        command.do(self.context)
        self._index += 1
        self._finish("redo", command)

    @property
    def can_undo(self) -> bool:
        """True when there is an applied command."""
        return self._index > 0

    @property
    def can_redo(self) -> bool:
        """True when there is an undone command."""
        return self._index < len(self._stack)

    @property
    def is_clean(self) -> bool:
        """True when the layers are as last saved (or loaded)."""
        return self._clean == self._index

    def touches_layer(self, name: str) -> bool:
        """True when a command on the undo stack (done or undone) changes layer ``name``.

        Its rows hold geometries in the layer's present coordinates, so e.g. declaring another
        CRS for the layer must wait until the edits are saved or the session is closed.
        """
        return any(ref[0] == name for command in self._stack for ref in command.touched())

    def history(self) -> list[HistoryEntry]:
        """All commands on the stack, oldest first, with whether each is applied."""
        return [HistoryEntry(c.text(self.context), i < self._index, c)
                for i, c in enumerate(self._stack)]

    def pending_changes(self) -> list[FeatureChange]:
        """Net change of every feature touched since the last save (no-ops left out)."""
        out = []
        for (name, uuid), before in self._saved_rows.items():
            layer = self.context.layer(name)
            change = FeatureChange(
                name, uuid, before, rows.get_row(layer, uuid), rows.geometry_column(layer.frame),
                dict(self.context.notes.get((name, uuid), {})),
            )
            if not change.is_noop:
                out.append(change)
        return out

    def mark_saved(self) -> None:
        """The pending changes are on disk: start tracking afresh and clear the journal."""
        self._saved_rows.clear()
        self._clean = self._index
        if self.journal is not None:
            self.journal.clear()
        self.changed.emit()

    def replay(self, op: str, command: Command) -> None:
        """Re-run one journal step; steps of commands saved before a crash apply directly."""
        with self._journal_muted():
            top = self._stack[self._index - 1] if self.can_undo else None
            nxt = self._stack[self._index] if self.can_redo else None
            if op == "do":
                self.apply(command)
            elif op == "undo" and top is not None and top.id == command.id:
                self.undo()
            elif op == "redo" and nxt is not None and nxt.id == command.id:
                self.redo()
            elif op in ("undo", "redo"):
                self._remember(command)
                (command.undo if op == "undo" else command.do)(self.context)
                self._finish(op, command)
            else:
                raise ValueError(f"unknown journal operation {op!r}")

    @contextmanager
    def _journal_muted(self) -> Iterator[None]:
        self._muted, before = True, self._muted
        try:
            yield
        finally:
            self._muted = before

    def _remember(self, command: Command) -> None:
        for ref in command.touched():
            if ref not in self._saved_rows:
                row = rows.get_row(self.context.layer(ref[0]), ref[1])
                self._saved_rows[ref] = copy.copy(row)

    def _finish(self, op: str, command: Command) -> None:
        if self.journal is not None and not self._muted:
            self.journal.append(op, command)
        for name in dict.fromkeys(ref[0] for ref in command.touched()):
            self.context.layer(name).touch()
        self.changed.emit()
