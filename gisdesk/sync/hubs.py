"""Finding a hub from what a working copy or the command line says.

A hub spec is either a folder path (the folder hub) or ``postgresql:<libpq connection string>``
(the PostGIS hub, e.g. ``postgresql:service=gorontalo`` or ``postgresql:host=db dbname=city
user=ani``). Both classes offer the same methods, listed in :class:`Hub`.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from pathlib import Path
from typing import Protocol

from gisdesk.sync.changelog import Revision
from gisdesk.sync.folder_hub import FolderHub
from gisdesk.sync.merge import Change, Conflict

POSTGRES_PREFIX = "postgresql:"


class Hub(Protocol):
    """What working copies need from a hub."""

    keys: dict[str, str]

    @property
    def spec(self) -> str: ...
    def describe(self) -> str: ...
    def locked(self) -> AbstractContextManager[None]: ...
    def head(self) -> int: ...
    def has_sync(self, sync_id: str) -> int | None: ...
    def changes_since(self, revision: int) -> list[Change]: ...
    def columns(self) -> dict[str, list[tuple[str, str]]]: ...
    def commit(self, changes: list[Change], conflicts: list[Conflict], author: str,
               sync_id: str) -> int: ...
    def checkout(self, target: Path) -> int: ...
    def log(self, limit: int = 50) -> list[Revision]: ...
    def conflicts(self, uuid: str | None = None) -> list[dict]: ...
    def revision_changes(self, number: int) -> list[Change]: ...
    def feature_history(
        self, uuid: str
    ) -> list[tuple[int, str, str, str | None, str | None, str, str]]: ...


def open_hub(spec: str) -> Hub:
    """The hub named by ``spec``; HubError when it is missing or unreachable."""
    if spec.startswith(POSTGRES_PREFIX):
        from gisdesk.sync.postgis_hub import PostgisHub  # noqa: PLC0415 - psycopg on demand

        return PostgisHub(spec.removeprefix(POSTGRES_PREFIX))
    return FolderHub(Path(spec))
