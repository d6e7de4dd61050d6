"""The Sync dock: status of the working copy, the sync button, preview, conflicts, history.

It reads and drives :class:`gisdesk.sync.working_copy.WorkingCopy`; the sync itself runs as a
background job (progress + cancel until the push). A failed sync is shown in red with what to do
— never as success.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gisdesk.core.definitions import Catalog
from gisdesk.sync.folder_hub import HubError
from gisdesk.sync.policies import policies_from_catalog
from gisdesk.sync.working_copy import SyncCancelled, SyncError, SyncReport, WorkingCopy
from gisdesk.ui.i18n import format_date
from gisdesk.ui.jobs import Job, JobContext, JobRunner


def find_working_copy(path: Path) -> WorkingCopy | None:
    """The working copy that ``path`` (its data.gpkg) belongs to, if any."""
    folder = Path(path).resolve().parent
    if (folder / ".gisdesk" / "state.json").is_file() and Path(path).name == "data.gpkg":
        try:
            return WorkingCopy(folder)
        except SyncError:
            return None
    return None


class SyncPanel(QWidget):
    """Status and actions of one working copy (or a hint when none is open)."""

    synced = Signal(object)  # SyncReport, after a successful sync (layers must be reloaded)

    def __init__(self, catalog: Catalog, author: Callable[[], str],
                 before_sync: Callable[[], bool] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.author = author
        self.before_sync = before_sync or (lambda: True)
        self.copy: WorkingCopy | None = None
        self.runner = JobRunner(max_threads=1, parent=self)
        self.job: Job | None = None
        self._build()
        self.retranslateUi()
        self.refresh()

    def _build(self) -> None:
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        form = QFormLayout()
        self.labels = {k: QLabel() for k in ("hub", "revision", "last", "pending", "reach",
                                             "conflicts")}
        self.captions = {k: QLabel() for k in self.labels}
        for key, value in self.labels.items():
            value.setWordWrap(True)
            form.addRow(self.captions[key], value)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.btn_sync = QPushButton()
        self.btn_cancel = QPushButton()
        self.btn_cancel.setVisible(False)
        self.btn_preview = QPushButton()
        self.btn_conflicts = QPushButton()
        self.btn_history = QPushButton()
        self.btn_asset_history = QPushButton()  # connected by SyncUi (it knows the feature)
        self.btn_sync.clicked.connect(self.start_sync)
        self.btn_cancel.clicked.connect(self.cancel_sync)
        self.btn_preview.clicked.connect(self.show_preview)
        self.btn_conflicts.clicked.connect(self.show_conflicts)
        self.btn_history.clicked.connect(self.show_history)
        row = QHBoxLayout()
        row.addWidget(self.btn_sync)
        row.addWidget(self.btn_cancel)
        row2 = QHBoxLayout()
        for button in (self.btn_preview, self.btn_conflicts, self.btn_history,
                       self.btn_asset_history):
            row2.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(self.progress)
        layout.addLayout(row2)
        layout.addWidget(self.result)
        layout.addStretch(1)

    def retranslateUi(self) -> None:
        """Set every visible text in the current language."""
        captions = {"hub": self.tr("Hub"), "revision": self.tr("Revision"),
                    "last": self.tr("Last sync"), "pending": self.tr("Local changes"),
                    "reach": self.tr("Hub reachable"), "conflicts": self.tr("Conflicts")}
        for key, text in captions.items():
            self.captions[key].setText(text)
        self.btn_sync.setText(self.tr("Sync now"))
        self.btn_sync.setToolTip(self.tr("Send your edits to the hub and receive others' edits"))
        self.btn_cancel.setText(self.tr("Cancel"))
        self.btn_preview.setText(self.tr("Preview…"))
        self.btn_conflicts.setText(self.tr("Conflicts…"))
        self.btn_history.setText(self.tr("History…"))
        self.btn_history.setToolTip(self.tr("The hub's revisions and every conflict record: "
                                            "the value kept and the value set aside"))
        self.btn_asset_history.setText(self.tr("Asset history…"))
        self.btn_asset_history.setToolTip(self.tr(
            "Who changed the identified or selected feature and when"))
        self.hint.setText(self.tr(
            "No working copy is open. Use File ▸ Check out from hub… to get the city's data, "
            "or open the data.gpkg of an existing working copy."))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def set_working_copy(self, copy: WorkingCopy | None) -> None:
        """Bind the panel to ``copy`` (None shows how to get one)."""
        self.copy = copy
        self.refresh()

    def refresh(self) -> None:
        """Re-read the state: revision, pending changes, hub reachable, conflicts."""
        has = self.copy is not None
        self.hint.setVisible(not has)
        for widget in (*self.labels.values(), *self.captions.values(), self.btn_sync,
                       self.btn_preview, self.btn_conflicts, self.btn_history,
                       self.btn_asset_history):
            widget.setVisible(has)
        if self.copy is None:
            return
        copy = self.copy
        copy.state = WorkingCopy(copy.folder).state
        self.labels["hub"].setText(copy.state.hub)
        self.labels["revision"].setText(str(copy.state.revision))
        self.labels["last"].setText(self._last_sync_text())
        try:
            pending = len(copy.local_changes())
            reachable = True
        except (HubError, OSError, ValueError):
            pending, reachable = None, False
        self.labels["pending"].setText(self.tr("unknown") if pending is None else str(pending))
        self.labels["reach"].setText(
            self.tr("yes") if reachable else self.tr("no — working offline"))
        self.labels["reach"].setStyleSheet("" if reachable else "color: #b03a2e;")
        count = len(copy.state.conflicts)
        self.labels["conflicts"].setText(str(count))
        self.btn_conflicts.setEnabled(count > 0)
        self.btn_sync.setEnabled(reachable and self.job is None)
        self.btn_preview.setEnabled(reachable)

    def _last_sync_text(self) -> str:
        assert self.copy is not None
        path = self.copy.meta / "base.gpkg"
        if not path.exists():
            return self.tr("never")
        stamp = datetime.fromtimestamp(path.stat().st_mtime)
        return format_date(stamp, with_time=True)

    def start_sync(self) -> Job | None:
        """Run a sync in the background (after the edit session saved its edits)."""
        if self.copy is None or self.job is not None or not self.before_sync():
            return None
        copy, author = self.copy, self.author()
        policies = policies_from_catalog(self.catalog)

        def work(ctx: JobContext) -> SyncReport:
            return copy.sync(author, policies, progress=ctx.progress, cancel=lambda: ctx.cancelled)

        self.job = Job(self.tr("Sync"), work)
        self.job.progressed.connect(self._on_progress)
        self.job.succeeded.connect(self._on_synced)
        self.job.failed.connect(self._on_failed)
        self.job.cancelled.connect(self._on_cancelled)
        self.job.ended.connect(self._on_ended)
        self.progress.setRange(0, 5)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.btn_cancel.setVisible(True)
        self.btn_sync.setEnabled(False)
        self.result.setText(self.tr("Syncing…"))
        self.result.setStyleSheet("")
        return self.runner.start(self.job)

    def cancel_sync(self) -> None:
        """Ask the running sync to stop (honoured until its changes are sent)."""
        if self.job is not None:
            self.job.cancel()

    def _on_progress(self, done: int, total: int, _step: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _on_synced(self, report: SyncReport) -> None:
        if report.up_to_date:
            text = self.tr("Already up to date (revision %1).").replace(
                "%1", str(report.revision))
        else:
            open_ = len([c for c in report.conflicts if c.resolved_by is None])
            text = (self.tr("Synced to revision %1: %2 sent, %3 received, %4 conflict(s).")
                    .replace("%1", str(report.revision)).replace("%2", str(len(report.pushed)))
                    .replace("%3", str(len(report.pulled))).replace("%4", str(open_)))
        self.result.setText(text)
        self.result.setStyleSheet("color: #1e8449;")
        self.synced.emit(report)

    def _on_failed(self, exc: BaseException) -> None:
        if isinstance(exc, SyncCancelled):
            self._on_cancelled()
            return
        text = self.tr("SYNC FAILED — nothing was lost; your edits stay here and the next sync "
                       "completes it. Reason: %1").replace("%1", str(exc))
        self.result.setText(text)
        self.result.setStyleSheet("color: #b03a2e; font-weight: bold;")
        QMessageBox.warning(self, self.tr("Sync failed"), text)

    def _on_cancelled(self) -> None:
        self.result.setText(self.tr("Sync cancelled; nothing was sent or received."))
        self.result.setStyleSheet("")

    def _on_ended(self) -> None:
        self.job = None
        self.progress.setVisible(False)
        self.btn_cancel.setVisible(False)
        self.refresh()

    def show_preview(self) -> None:
        """What would go up, come down and conflict — without syncing."""
        from gisdesk.ui.sync.dialogs import PreviewDialog  # noqa: PLC0415

        if self.copy is None:
            return
        try:
            result = self.copy.preview(policies_from_catalog(self.catalog))
        except HubError as exc:
            QMessageBox.warning(self, self.tr("Hub unreachable"), str(exc))
            return
        PreviewDialog(result, self, self.catalog).exec()

    def show_conflicts(self) -> None:
        """Resolve waiting conflicts field by field."""
        from gisdesk.ui.sync.dialogs import ConflictDialog  # noqa: PLC0415

        if self.copy is not None:
            ConflictDialog(self.copy, self.catalog, self).exec()
            self.refresh()

    def show_history(self) -> None:
        """The hub's revisions and what each changed."""
        from gisdesk.ui.sync.dialogs import HistoryDialog  # noqa: PLC0415

        if self.copy is None:
            return
        try:
            HistoryDialog(self.copy.hub(), self, self.catalog).exec()
        except HubError as exc:
            QMessageBox.warning(self, self.tr("Hub unreachable"), str(exc))
