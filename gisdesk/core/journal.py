"""The crash journal: every edit step on disk, fsynced, until the edits are saved.

One JSON object per line: a header naming the user and the project, then ``{"op": "do" |
"undo" | "redo", "command": {...}}`` for each step in order, commands with the state they
captured so an undo can be replayed even after its command was saved. A line torn by a kill in
the middle of a write is ignored on restore (that step never finished on screen either).
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# edits_geometry and inspections are imported so their command kinds are registered for replay.
from gisdesk import paths
from gisdesk.core import edits_geometry, inspections  # noqa: F401
from gisdesk.core.audit import utc_now
from gisdesk.core.edits import Command, command_from_dict
from gisdesk.core.edits_session import EditSession
from gisdesk.i18n import translate

FORMAT_VERSION = 1


class Journal:
    """Append-only journal file; the session calls :meth:`append` after every step."""

    def __init__(self, path: Path, header: dict[str, Any] | None = None) -> None:
        self.path = Path(path)
        self.header = header or {}

    def append(self, op: str, command: Command) -> None:
        """Write one step and fsync it before returning."""
        lines = []
        if not self.path.exists() or self.path.stat().st_size == 0:
            lines.append({"journal": FORMAT_VERSION, "created": utc_now(), **self.header})
        lines.append({"op": op, "command": command.to_dict()})
        text = "".join(json.dumps(line, default=str) + "\n" for line in lines)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())

    def clear(self) -> None:
        """Remove the journal (called after a successful save)."""
        discard(self.path)


@dataclass(frozen=True)
class PendingJournal:
    """Unsaved edits found at start-up: what to offer the user to restore."""

    path: Path
    header: dict[str, Any]
    steps: list[tuple[str, dict[str, Any]]]

    def __len__(self) -> int:
        return len(self.steps)


def _read(path: Path) -> tuple[dict[str, Any], list[tuple[str, dict[str, Any]]]]:
    header: dict[str, Any] = {}
    steps: list[tuple[str, dict[str, Any]]] = []
    with Path(path).open(encoding="utf-8") as fh:
        for line in fh:
            try:
                item = json.loads(line)
            except json.JSONDecodeError:
                break  # torn final line from a kill mid-write
            if "journal" in item:
                header = item
            elif "op" in item:
                steps.append((item["op"], item["command"]))
    return header, steps


def pending_journal(path: Path) -> PendingJournal | None:
    """The unsaved edits in ``path``, or None when there is no journal or it holds no step."""
    if not Path(path).is_file():
        return None
    header, steps = _read(path)
    return PendingJournal(Path(path), header, steps) if steps else None


def restore(path: Path, session: EditSession) -> int:
    """Replay the journal's steps into ``session``; returns how many steps were replayed.

    The file is kept (the session's own journal keeps appending to it) until the next save.
    """
    found = pending_journal(path)
    if found is None:
        return 0
    for n, (op, data) in enumerate(found.steps, start=1):
        try:
            session.replay(op, command_from_dict(data))
        except (KeyError, ValueError) as exc:
            raise ValueError(
                translate("Journal", "Journal {path}, step {n} ({op}) cannot be replayed: {err}")
                .format(path=path, n=n, op=op, err=exc)
            ) from exc
    return len(found.steps)


def journal_path_for(data_path: Path) -> Path:
    """Where the journal of edits to ``data_path`` lives: the user's config folder.

    Not next to the data, because shared or read-only data folders are common in offices; named
    after the data file's full path, so two projects never share a journal.
    """
    resolved = str(Path(data_path).resolve())
    digest = hashlib.sha1(resolved.encode("utf-8")).hexdigest()[:16]
    return paths.user_config_dir() / "journals" / f"{Path(data_path).stem}-{digest}.jsonl"


def discard(path: Path) -> None:
    """Delete the journal: the user chose not to restore, or the edits were saved."""
    Path(path).unlink(missing_ok=True)
