"""Background jobs: long work off the UI thread with progress, cancel and a result.

A job wraps a plain function ``work(ctx) -> result`` that never touches widgets: it reports
progress through ``ctx.progress`` and checks ``ctx.cancelled`` between steps. The :class:`Job`
object lives in the UI thread, so its signals arrive there as queued events and slots may
update widgets freely. Keeping the work function Qt-free means the CLI can run the same
function in a plain loop.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as futures_wait
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot


class JobCancelled(Exception):  # noqa: N818 - it is a control-flow signal, not an error
    """Raised by :meth:`JobContext.check` to unwind a cancelled job's work function."""


class CancelFlag(threading.Event):
    """A cancel token usable as an ``Event`` (``is_set()``) and as a predicate (``flag()``).

    Work functions differ in taste; accepting both lets any of them notice a cancel.
    """

    def __call__(self) -> bool:
        return self.is_set()


class JobContext:
    """What a work function may use: progress reporting and the cancel flag."""

    def __init__(self, job: Job) -> None:
        self._job = job
        self.cancel_event = CancelFlag()

    @property
    def cancelled(self) -> bool:
        """True once the user (or a newer job) asked this job to stop."""
        return self.cancel_event.is_set()

    def check(self) -> None:
        """Raise :class:`JobCancelled` when cancelled; call it between steps."""
        if self.cancel_event.is_set():
            raise JobCancelled

    def progress(self, done: int, total: int, message: str = "") -> None:
        """Report ``done`` of ``total`` steps (total 0 = unknown) with a short message."""
        self._job._progress_from_worker.emit(int(done), int(total), message)


class Job(QObject):
    """One unit of background work and its outcome signals (emitted once, in the UI thread)."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception; its traceback text is in ``traceback_text``
    cancelled = Signal()
    ended = Signal()  # after any of the three outcomes, for bookkeeping

    # Emitted by the worker thread; delivered queued to this UI-thread object, which then emits
    # the public signals from the UI thread, so even plain lambdas connected to them run there.
    _progress_from_worker = Signal(int, int, str)
    _outcome_from_worker = Signal(str, object)

    def __init__(self, title: str, work: Callable[[JobContext], Any]) -> None:
        super().__init__()
        self.title = title
        self.work = work
        self.context = JobContext(self)
        self.traceback_text = ""
        self._progress_from_worker.connect(self._relay_progress)
        self._outcome_from_worker.connect(self._relay_outcome)

    @Slot(int, int, str)
    def _relay_progress(self, done: int, total: int, message: str) -> None:
        self.progressed.emit(done, total, message)

    @Slot(str, object)
    def _relay_outcome(self, outcome: str, value: object) -> None:
        if outcome == "succeeded":
            self.succeeded.emit(value)
        elif outcome == "failed":
            self.failed.emit(value)
        else:
            self.cancelled.emit()
        self.ended.emit()

    def cancel(self) -> None:
        """Ask the work function to stop; it ends with :attr:`cancelled` when it notices."""
        self.context.cancel_event.set()

    @property
    def is_cancelled(self) -> bool:
        """Whether cancel was requested."""
        return self.context.cancelled

    def run_here(self) -> None:
        """Run the work in the calling thread; the outcome signals follow in the UI thread."""
        outcome, value = self._outcome()
        self._outcome_from_worker.emit(outcome, value)

    def _outcome(self) -> tuple[str, object]:
        try:
            if self.context.cancelled:
                raise JobCancelled
            result = self.work(self.context)
        except JobCancelled:
            return "cancelled", None
        except Exception as exc:  # any failure becomes a message, never a crash
            if self.context.cancelled:
                return "cancelled", None  # e.g. a reader's own "cancelled" exception
            self.traceback_text = traceback.format_exc()
            return "failed", exc
        return ("cancelled", None) if self.context.cancelled else ("succeeded", result)


class JobRunner(QObject):
    """Starts jobs on a pool of Python threads and keeps them alive until they end.

    Python's own threads, not ``QThreadPool``: pyproj 3.7 keeps its PROJ context per thread
    state, and a Qt pool thread gets a fresh, short-lived Python thread state for every task,
    which leaves pyproj with a freed context and crashes the second reprojection on that
    thread (pyproj issues #1509 and #1622). ``started`` lets a status bar show the job.
    """

    started = Signal(object)

    def __init__(self, max_threads: int = 2, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=max_threads, thread_name_prefix="gisdesk-job")
        self._futures: list[Future] = []
        self._active: list[Job] = []

    def start(self, job: Job) -> Job:
        """Queue ``job``; its signals arrive in the thread that owns it (the UI thread)."""
        self._active.append(job)
        job.ended.connect(self._forget_sender)
        self.started.emit(job)
        self._futures = [f for f in self._futures if not f.done()]
        self._futures.append(self._pool.submit(job.run_here))
        return job

    @Slot()
    def _forget_sender(self) -> None:
        # A method slot of this UI-thread object makes the connection queued.
        job = self.sender()
        if job in self._active:
            self._active.remove(job)

    @property
    def active(self) -> list[Job]:
        """Jobs queued or running, oldest first."""
        return list(self._active)

    def cancel_all(self) -> None:
        """Ask every active job to stop (on quit)."""
        for job in self._active:
            job.cancel()

    def wait(self, msecs: int = -1) -> bool:
        """Block until every started job's work returned; True when all did in time.

        Outcome signals are queued to the UI thread and arrive on the next event processing.
        """
        pending = [f for f in self._futures if not f.done()]
        if not pending:
            return True
        _done, not_done = futures_wait(pending, timeout=None if msecs < 0 else msecs / 1000)
        return not not_done

    def shutdown(self) -> None:
        """Cancel everything and let the worker threads end (the window is closing)."""
        self.cancel_all()
        self._pool.shutdown(wait=False, cancel_futures=True)
