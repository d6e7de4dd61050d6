"""Sync dialogs: preview, conflicts (base / mine / theirs side by side), history (revisions and
the hub's conflict records), one asset's history, checkout."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import shapely
from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gisdesk.core.definitions import Catalog
from gisdesk.sync.hubs import Hub, open_hub
from gisdesk.sync.merge import Change, MergeResult
from gisdesk.sync.records import AssetChange, ConflictEntry, asset_history, conflict_entries
from gisdesk.sync.working_copy import SyncError, WorkingCopy
from gisdesk.ui.i18n import current_language, format_date

_SUMMARY_COUNT = re.compile(r"^(\d+) (added|updated|deleted)$")
_SUMMARY_CONFLICTS = re.compile(r"^(\d+) conflicts?$")


def _text(value: Any) -> str:
    """A cell text for any stored value (geometry shown as its WKT start)."""
    if isinstance(value, dict) and set(value) == {"$wkb"}:
        value = bytes.fromhex(value["$wkb"])
    if isinstance(value, bytes | bytearray):
        try:
            return shapely.from_wkb(bytes(value)).wkt[:60]
        except shapely.errors.GEOSException:
            return "<geometry>"
    return "" if value is None else str(value)


def _table(headers: list[str], rows: list[list[str]]) -> QTableWidget:
    table = QTableWidget(len(rows), len(headers))
    table.setHorizontalHeaderLabels(headers)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem(value)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()
    return table


def _changed_fields(change: Change, catalog: Catalog | None = None) -> str:
    if change.kind != "update" or change.old is None or change.new is None:
        return ""
    names = sorted(k for k in change.new if change.old.get(k) != change.new.get(k))
    return ", ".join(_field_label(catalog, change.layer, n) for n in names)


def _layer_title(catalog: Catalog | None, layer: str) -> str:
    """The layer's title in the UI language (hubs record layer names)."""
    definition = catalog.layers.get(layer) if catalog is not None else None
    return definition.title.get(current_language()) if definition is not None else layer


def _field_label(catalog: Catalog | None, layer: str, field: str) -> str:
    """A field's label in the UI language, else its stored name."""
    definition = catalog.layers.get(layer) if catalog is not None else None
    fdef = definition.field(field) if definition is not None else None
    return fdef.label.get(current_language()) if fdef is not None else field


def summary_text(summary: str, catalog: Catalog | None = None) -> str:
    """A revision summary ("3 updated, 1 added in water_mains; 1 conflict") in the UI language.

    Hubs store the summary in English (every copy reads the same hub, whatever its language),
    so it is re-worded here; a summary in another shape is shown as stored.
    """
    fixed = {"hub created": QCoreApplication.translate("SyncHistory", "hub created"),
             "no changes": QCoreApplication.translate("SyncHistory", "no changes"),
             "direct database edit": QCoreApplication.translate(
                 "SyncHistory", "direct database edit")}
    words = {"added": QCoreApplication.translate("SyncHistory", "{n} added"),
             "updated": QCoreApplication.translate("SyncHistory", "{n} updated"),
             "deleted": QCoreApplication.translate("SyncHistory", "{n} deleted")}
    conflict_text = QCoreApplication.translate("SyncHistory", "{n} conflict(s)")
    in_layer = QCoreApplication.translate("SyncHistory", "{counts} in {layer}")
    out = []
    for part in summary.split("; "):
        if part in fixed:
            out.append(fixed[part])
            continue
        conflicts = _SUMMARY_CONFLICTS.match(part)
        if conflicts:
            out.append(conflict_text.format(n=conflicts.group(1)))
            continue
        counts, sep, layer = part.rpartition(" in ")
        matches = [_SUMMARY_COUNT.match(c) for c in counts.split(", ")] if sep else [None]
        if not all(matches):
            return summary
        text = ", ".join(words[m.group(2)].format(n=m.group(1)) for m in matches if m)
        out.append(in_layer.format(counts=text, layer=_layer_title(catalog, layer)))
    return "; ".join(out)


class PreviewDialog(QDialog):
    """Before syncing: what goes up, what comes down, what will conflict."""

    def __init__(self, result: MergeResult, parent: QWidget | None = None,
                 catalog: Catalog | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sync preview"))
        kinds = {"insert": self.tr("added"), "update": self.tr("changed"),
                 "delete": self.tr("deleted")}
        headers = [self.tr("Layer"), self.tr("Asset UUID"), self.tr("Change"), self.tr("Fields")]

        def rows(changes: list[Change]) -> list[list[str]]:
            return [[_layer_title(catalog, c.layer), c.uuid, kinds[c.kind],
                     _changed_fields(c, catalog)] for c in changes]

        self.tabs = QTabWidget()
        self.up = _table(headers, rows(result.to_hub))
        self.down = _table(headers, rows(result.to_local))
        self.conflicts = _table(
            [self.tr("Layer"), self.tr("Asset UUID"), self.tr("Field"), self.tr("Base"),
             self.tr("Mine"), self.tr("Theirs")],
            [[_layer_title(catalog, c.layer), c.uuid,
              _field_label(catalog, c.layer, c.field) if c.field else self.tr("(whole feature)"),
              _text(c.base),
              _text(c.mine), _text(c.theirs)] for c in result.unresolved],
        )
        self.tabs.addTab(self.up, self.tr("Will be sent (%1)").replace(
            "%1", str(len(result.to_hub))))
        self.tabs.addTab(self.down, self.tr("Will be received (%1)").replace(
            "%1", str(len(result.to_local))))
        self.tabs.addTab(self.conflicts, self.tr("Will conflict (%1)").replace(
            "%1", str(len(result.unresolved))))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.resize(760, 420)


class GeometryView(QWidget):
    """Mine (orange) and theirs (blue) geometries of a conflict drawn on one small map."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.geoms: list[tuple[shapely.Geometry, QColor]] = []
        self.setMinimumSize(220, 180)

    def show_geometries(self, mine: Any, theirs: Any) -> None:
        """Draw the two WKB geometries (None or non-geometry values clear the view)."""
        self.geoms = []
        for value, color in ((theirs, QColor("#2e86c1")), (mine, QColor("#e67e22"))):
            wkb = bytes.fromhex(value["$wkb"]) if isinstance(value, dict) and set(value) == {
                "$wkb"} else value
            if isinstance(wkb, bytes | bytearray):
                self.geoms.append((shapely.from_wkb(bytes(wkb)), color))
        self.update()

    def paintEvent(self, _event: Any) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#f7f5f0"))
        if not self.geoms:
            return
        minx, miny, maxx, maxy = shapely.total_bounds([g for g, _ in self.geoms])
        span = max(maxx - minx, maxy - miny, 1e-6) * 1.2
        scale = min(self.width(), self.height()) / span
        cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)

        def to_px(x: float, y: float) -> QPointF:
            return QPointF(self.width() / 2 + (x - cx) * scale,
                           self.height() / 2 - (y - cy) * scale)

        for geom, color in self.geoms:
            painter.setPen(QPen(color, 3))
            for part in shapely.get_parts(shapely.boundary(geom) if geom.geom_type.endswith(
                    "Polygon") else geom):
                coords = shapely.get_coordinates(part)
                path = QPainterPath(to_px(*coords[0]))
                for x, y in coords[1:]:
                    path.lineTo(to_px(x, y))
                if len(coords) == 1:
                    painter.drawEllipse(to_px(*coords[0]), 4, 4)
                painter.drawPath(path)
        painter.end()


class ConflictDialog(QDialog):
    """Waiting conflicts, one at a time: base, mine and theirs side by side; keep one."""

    def __init__(self, copy: WorkingCopy, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.copy, self.catalog = copy, catalog
        self.setWindowTitle(self.tr("Resolve conflicts"))
        self.list = QListWidget()
        self.detail = _table([self.tr("Base"), self.tr("Mine"), self.tr("Theirs")], [])
        self.geometry = GeometryView()
        self.note = QLabel(self.tr("The value you do not keep stays in the hub's conflict "
                                   "record and can be restored."))
        self.note.setWordWrap(True)
        self.btn_mine = QPushButton(self.tr("Keep mine"))
        self.btn_theirs = QPushButton(self.tr("Keep theirs"))
        self.btn_mine.clicked.connect(lambda: self.resolve("mine"))
        self.btn_theirs.clicked.connect(lambda: self.resolve("theirs"))
        right = QWidget()
        rlay = QVBoxLayout(right)
        rlay.addWidget(self.detail)
        rlay.addWidget(self.geometry)
        rlay.addWidget(self.note)
        buttons = QHBoxLayout()
        buttons.addWidget(self.btn_mine)
        buttons.addWidget(self.btn_theirs)
        rlay.addLayout(buttons)
        split = QSplitter()
        split.addWidget(self.list)
        split.addWidget(right)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        layout.addWidget(close)
        self.list.currentRowChanged.connect(self._show)
        self._fill()
        self.resize(860, 480)

    def _label(self, record: dict) -> str:
        layer = self.catalog.layers.get(record["layer"])
        field = record["field"] or self.tr("(whole feature)")
        lang = current_language()
        if layer is not None and record["field"] and layer.field(record["field"]):
            field = layer.field(record["field"]).label.get(lang)
        title = layer.title.get(lang) if layer is not None else record["layer"]
        # The full UUID: test data and imports often share a prefix, so [:8] can be ambiguous.
        return f"{title} · {record['uuid']} · {field}"

    def _fill(self) -> None:
        self.list.clear()
        for record in self.copy.state.conflicts:
            self.list.addItem(self._label(record))
        has = bool(self.copy.state.conflicts)
        self.btn_mine.setEnabled(has)
        self.btn_theirs.setEnabled(has)
        if has:
            self.list.setCurrentRow(0)

    def _show(self, row: int) -> None:
        if row < 0 or row >= len(self.copy.state.conflicts):
            self.detail.setRowCount(0)
            return
        record = self.copy.state.conflicts[row]
        if record["field"] is None:  # a whole feature: show each field of both versions
            mine, theirs = record["mine"] or {}, record["theirs"] or {}
            base = record["base"] or {}
            names = sorted(set(mine) | set(theirs) | set(base))
            self.detail.setRowCount(len(names))
            self.detail.setVerticalHeaderLabels(
                [_field_label(self.catalog, record["layer"], n) for n in names])
            for r, name in enumerate(names):
                for c, side in enumerate((base, mine, theirs)):
                    self.detail.setItem(r, c, QTableWidgetItem(_text(side.get(name))))
            self.geometry.show_geometries(mine.get("geometry"), theirs.get("geometry"))
        else:
            self.detail.setRowCount(1)
            self.detail.setVerticalHeaderLabels(
                [_field_label(self.catalog, record["layer"], record["field"])])
            for c, key in enumerate(("base", "mine", "theirs")):
                self.detail.setItem(0, c, QTableWidgetItem(_text(record[key])))
            self.geometry.show_geometries(record["mine"], record["theirs"])
        self.detail.resizeColumnsToContents()

    def resolve(self, keep: str) -> None:
        """Keep one side of the selected conflict."""
        row = self.list.currentRow()
        if row < 0:
            return
        self.copy.resolve(row, keep)  # type: ignore[arg-type]
        self._fill()


class HistoryDialog(QDialog):
    """The hub's revisions (author, time, summary) and the changes of the selected one; a
    second tab lists every conflict record: what was kept and what was set aside."""

    def __init__(self, hub: Hub, parent: QWidget | None = None,
                 catalog: Catalog | None = None) -> None:
        super().__init__(parent)
        self.hub, self.catalog = hub, catalog
        self.setWindowTitle(self.tr("Sync history"))
        self.revisions = hub.log(200)
        self.list = _table(
            [self.tr("Revision"), self.tr("Time (UTC)"), self.tr("Author"), self.tr("Summary")],
            [[str(r.number), format_date(r.time, with_time=True), r.author,
              summary_text(r.summary, catalog)] for r in self.revisions],
        )
        self.changes = _table([self.tr("Layer"), self.tr("Asset UUID"), self.tr("Change"),
                               self.tr("Fields")], [])
        self.list.currentCellChanged.connect(lambda row, *_: self._show(row))
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.list)
        split.addWidget(self.changes)
        self.conflict_entries = conflict_entries(hub)
        self.conflicts = conflicts_table(self.conflict_entries, catalog)
        self.tabs = QTabWidget()
        self.tabs.addTab(split, self.tr("Revisions"))
        self.tabs.addTab(self.conflicts, self.tr("Conflicts (%1)").replace(
            "%1", str(len(self.conflict_entries))))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(close)
        self.resize(900, 520)
        if self.revisions:
            self.list.setCurrentCell(0, 0)

    def _show(self, row: int) -> None:
        if row < 0 or row >= len(self.revisions):
            return
        changes = self.hub.revision_changes(self.revisions[row].number)
        self.changes.setRowCount(len(changes))
        kinds = {"insert": self.tr("added"), "update": self.tr("changed"),
                 "delete": self.tr("deleted")}
        for r, change in enumerate(changes):
            for c, value in enumerate((_layer_title(self.catalog, change.layer), change.uuid,
                                       kinds.get(change.kind, change.kind),
                                       _changed_fields(change, self.catalog))):
                self.changes.setItem(r, c, QTableWidgetItem(value))
        self.changes.resizeColumnsToContents()


def conflicts_table(entries: list[ConflictEntry], catalog: Catalog | None) -> QTableWidget:
    """One row per conflict record: when, who, layer, asset, field, kept, set aside, decided by.

    Policies are named as in the layer definitions; a record still waiting for a person says
    the hub value stands. The full values are in each cell's tooltip.
    """
    policies = {
        None: QCoreApplication.translate(
            "SyncRecords", "waiting for a person (the hub value stands)"),
        "conflict": QCoreApplication.translate("SyncRecords", "a person"),
        "theirs": QCoreApplication.translate("SyncRecords", "the hub's value wins"),
        "mine": QCoreApplication.translate("SyncRecords", "the workstation's value wins"),
        "keep_both": QCoreApplication.translate("SyncRecords", "keep both"),
        "latest": QCoreApplication.translate("SyncRecords", "the latest inspection wins"),
    }
    rows = []
    for e in entries:
        if e.kind == "edit_vs_delete":
            kept = QCoreApplication.translate("SyncRecords", "the edited feature")
            aside = QCoreApplication.translate("SyncRecords", "the delete")
        elif e.kind == "delete_vs_edit":
            kept = QCoreApplication.translate("SyncRecords", "the hub's edited feature")
            aside = QCoreApplication.translate("SyncRecords", "the delete")
        elif not e.kept_known:
            kept = QCoreApplication.translate("SyncRecords", "(not recorded)")
            aside = QCoreApplication.translate("SyncRecords", "mine: %1 / theirs: %2").replace(
                "%1", _text(e.mine)).replace("%2", _text(e.theirs))
        else:
            kept = _text(e.kept)
            aside = (_text(e.set_aside) if e.set_aside is not None or e.mine == e.theirs
                     else QCoreApplication.translate("SyncRecords", "nothing (both kept)"))
        field = (_field_label(catalog, e.layer, e.field) if e.field
                 else QCoreApplication.translate("SyncRecords", "(whole feature)"))
        rows.append([format_date(e.time, with_time=True) if e.time else "", e.author,
                     _layer_title(catalog, e.layer), e.uuid, field, kept, aside,
                     policies.get(e.policy, e.policy or "")])
    headers = [QCoreApplication.translate("SyncRecords", "Time (UTC)"),
               QCoreApplication.translate("SyncRecords", "Author"),
               QCoreApplication.translate("SyncRecords", "Layer"),
               QCoreApplication.translate("SyncRecords", "Asset UUID"),
               QCoreApplication.translate("SyncRecords", "Field"),
               QCoreApplication.translate("SyncRecords", "Value kept"),
               QCoreApplication.translate("SyncRecords", "Value set aside"),
               QCoreApplication.translate("SyncRecords", "Decided by")]
    table = _table(headers, rows)
    for r in range(table.rowCount()):
        for c in range(table.columnCount()):
            item = table.item(r, c)
            item.setToolTip(item.text())
    return table


class AssetHistoryDialog(QDialog):
    """Who changed what of one asset and when, from the hub: one row per changed field, with
    the field labels of the layer definition."""

    def __init__(self, hub: Hub, uuid: str, parent: QWidget | None = None,
                 catalog: Catalog | None = None, title: str | None = None) -> None:
        super().__init__(parent)
        self.uuid = uuid
        self.changes: list[AssetChange] = asset_history(hub, uuid)
        self.setWindowTitle(self.tr("Asset history"))
        kinds = {"insert": self.tr("added"), "update": self.tr("changed"),
                 "delete": self.tr("deleted")}
        rows = []
        for change in reversed(self.changes):  # newest first, like the revision list
            when = format_date(change.time, with_time=True)
            names = sorted(change.fields) or [None]
            for name in names:
                old, new = change.fields.get(name, (None, None)) if name else (None, None)
                rows.append([when, change.author, str(change.revision),
                             kinds.get(change.kind, change.kind),
                             _field_label(catalog, change.layer, name) if name else "",
                             _text(old), _text(new)])
        self.table = _table([self.tr("Time (UTC)"), self.tr("Author"), self.tr("Revision"),
                             self.tr("Change"), self.tr("Field"), self.tr("Before"),
                             self.tr("After")], rows)
        layer = self.changes[-1].layer if self.changes else ""
        heading = title or (f"{_layer_title(catalog, layer)} · {uuid}" if layer else uuid)
        self.heading = QLabel(heading)
        self.heading.setWordWrap(True)
        self.empty = QLabel(self.tr("The hub has no change recorded for this asset: it is as "
                                    "it was checked out."))
        self.empty.setVisible(not self.changes)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.empty)
        layout.addWidget(self.table)
        layout.addWidget(close)
        self.resize(820, 420)


class CheckoutDialog(QDialog):
    """File ▸ Check out from hub: a hub (folder or postgresql:…) and a target folder."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Check out from hub"))
        self.hub_edit = QLineEdit()
        self.hub_edit.setPlaceholderText(self.tr("hub folder, or postgresql:service=…"))
        self.target_edit = QLineEdit()
        browse_hub = QPushButton(self.tr("Folder…"))
        browse_target = QPushButton(self.tr("Folder…"))
        browse_hub.clicked.connect(lambda: self._browse(self.hub_edit))
        browse_target.clicked.connect(lambda: self._browse(self.target_edit))
        form = QFormLayout()
        row1, row2 = QHBoxLayout(), QHBoxLayout()
        row1.addWidget(self.hub_edit)
        row1.addWidget(browse_hub)
        row2.addWidget(self.target_edit)
        row2.addWidget(browse_target)
        form.addRow(self.tr("Hub"), row1)
        form.addRow(self.tr("New working copy"), row2)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b03a2e;")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.checkout)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.copy: WorkingCopy | None = None

    def _browse(self, edit: QLineEdit) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder"))
        if folder:
            edit.setText(folder)

    def checkout(self) -> None:
        """Check out; errors stay in the dialog so the user can fix the path."""
        from gisdesk.sync.folder_hub import HubError  # noqa: PLC0415

        try:
            hub = open_hub(self.hub_edit.text().strip())
            self.copy = WorkingCopy.checkout(hub, Path(self.target_edit.text().strip()))
        except (HubError, SyncError, OSError) as exc:
            self.error.setText(str(exc))
            return
        self.accept()
