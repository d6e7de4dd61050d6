"""Cancel and progress for long core computations, without Qt.

A query over a million buildings is one C call per step; to let a person stop it, and to show
how far it got, the work is split into chunks of features. Functions that do this accept
``cancel`` (a no-argument predicate: the UI passes its job's cancel flag, the CLI nothing) and
``progress(done, total)``. A cancelled computation raises :class:`Cancelled` before it returns
anything, so the caller has changed nothing and applies nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

Cancel = Callable[[], bool]
Progress = Callable[[int, int], None]

CHUNK_ROWS = 5_000
"""Features per chunk: a few tens of milliseconds of work, so a cancel is noticed quickly."""


class Cancelled(Exception):  # noqa: N818 - a request to stop, not a failure
    """The caller asked the computation to stop; it returned nothing and changed nothing."""


def check(cancel: Cancel | None) -> None:
    """Raise :class:`Cancelled` when ``cancel()`` says so; call it between steps."""
    if cancel is not None and cancel():
        raise Cancelled


def chunks(total: int, cancel: Cancel | None = None, progress: Progress | None = None,
           size: int | None = None) -> Iterator[slice]:
    """Slices covering ``range(total)``; checks ``cancel`` and reports progress around each.

    ``size`` defaults to :data:`CHUNK_ROWS` (read at call time). The last report is
    ``(total, total)``, made only once every chunk was processed.
    """
    step = max(int(size or CHUNK_ROWS), 1)
    for start in range(0, total, step):
        check(cancel)
        if progress is not None:
            progress(start, total)
        yield slice(start, min(start + step, total))
    check(cancel)
    if progress is not None:
        progress(total, total)
