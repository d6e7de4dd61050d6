"""Running an analysis as a background job: progress, Cancel, one at a time, fresh results only.

A query over a big city took seconds on the GUI thread, with the window frozen and no way to
stop it. Dialogs and map tools now hand the core function to the window's job runner
(:mod:`gisdesk.ui.jobs`) with the job's cancel flag and progress; the answer comes back to the
GUI thread, which applies it only if the layers it read are unchanged (an edit made meanwhile
would make row positions point at the wrong features). While a job runs, the controls that
would start another are disabled.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QWidget,
)

from gisdesk.core.layer import MapLayer
from gisdesk.core.project import Project
from gisdesk.ui.jobs import Job, JobContext, JobRunner


def layers_stamp(layers: Sequence[MapLayer | None]) -> tuple:
    """What identifies the state of ``layers``: their frame objects and edit versions."""
    return tuple((id(lyr.frame), lyr.version) if lyr is not None else None for lyr in layers)


def still_current(project: Project, layers: Sequence[MapLayer | None], stamp: tuple) -> bool:
    """Whether ``layers`` are still the project's layers of those names, unedited since ``stamp``.

    A result computed from older data is not applied: its row positions may name other features.
    """
    for layer in layers:
        if layer is not None and project.layer(layer.name) is not layer:
            return False
    return layers_stamp(layers) == stamp


def reporter(ctx: JobContext, message: str = "") -> Callable[[int, int], None]:
    """A core ``progress(done, total)`` callback that reports to the job."""
    return lambda done, total: ctx.progress(done, total, message)


class JobPanel(QWidget):
    """A progress bar and a Cancel button for the job a dialog runs; hidden while idle.

    The status bar shows the same job, but a modal dialog blocks it, so the dialog carries its
    own Cancel. After a cancel, the panel says that nothing was changed.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.job: Job | None = None
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.message = QLabel()
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.progress, 1)
        layout.addWidget(self.cancel_button)
        layout.addWidget(self.message, 1)
        self._show_busy(False)

    @property
    def running(self) -> bool:
        """True while the watched job has not ended."""
        return self.job is not None

    def watch(self, job: Job) -> None:
        """Show ``job``'s progress until it ends; Cancel asks it to stop."""
        self.job = job
        self.message.clear()
        self.progress.setRange(0, 0)  # busy until the first report
        self._show_busy(True)
        job.progressed.connect(self._on_progress)
        job.cancelled.connect(
            lambda: self.message.setText(self.tr("Cancelled; nothing was changed.")))
        job.ended.connect(self._on_ended)

    def cancel(self) -> None:
        """Ask the running job to stop."""
        if self.job is not None:
            self.job.cancel()
            self.cancel_button.setEnabled(False)

    def _on_progress(self, done: int, total: int, _message: str) -> None:
        self.progress.setRange(0, max(total, 0))
        self.progress.setValue(done)

    def _on_ended(self) -> None:
        self.job = None
        self._show_busy(False)

    def _show_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.cancel_button.setEnabled(busy)


def start_locked(jobs: JobRunner, job: Job, busy: Sequence[QWidget | QAction],
                 panel: JobPanel | None = None) -> Job:
    """Start ``job`` with ``busy`` widgets or actions disabled until it ends (no second run)."""
    for widget in busy:
        widget.setEnabled(False)

    def unlock() -> None:
        for widget in busy:
            widget.setEnabled(True)

    job.ended.connect(unlock)
    if panel is not None:
        panel.watch(job)
    return jobs.start(job)


def start_dialog_job(dialog: QWidget, work: Callable[[JobContext], object], message: str,
                     on_result: Callable[[object], None], failure_title: str,
                     busy: Sequence[QWidget | QAction]) -> Job:
    """The analysis dialogs' run: ``work`` on a worker with ``dialog.panel`` showing progress
    and Cancel, ``busy`` locked, the result handed to ``on_result`` on the GUI thread, a failure
    in a message box; ``dialog.job`` holds the running job (None when none runs)."""
    job = Job(message, work)
    job.succeeded.connect(on_result)
    job.failed.connect(lambda exc: QMessageBox.warning(dialog, failure_title, str(exc)))
    job.ended.connect(lambda: setattr(dialog, "job", None))
    dialog.job = start_locked(dialog.jobs, job, busy, dialog.panel)
    return dialog.job
