"""Issue 3's acceptance walk-through, end to end in the real window, in English and Indonesian.

"A new user can open the sample city, find a road in poor condition, record an inspection with
a photo, fix an attribute, draw a new streetlight, undo and redo, save, and see all of it in the
feature's history — in English and in Bahasa Indonesia."

Every step goes through what the user sees: the first-run welcome (language, profile, sample
city), menus found by their translated text, the attribute table's filter and rows, the map
(wheel zoom, clicks), the inspection dialog, the feature form, Edit ▸ Undo/Redo/Save and
Edit ▸ Feature History. Only the native file dialog of "Add photos…" is answered by replacing
``QFileDialog.getOpenFileNames`` (as the other file-dialog tests do). The result is then read
back from the saved GeoPackage with pyogrio and sqlite3, not from the app's memory.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pyogrio
import pytest
import shapely
from _ui_editing_fixtures import close_window, make_window, sample_copy
from PySide6.QtCore import QCoreApplication, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QMenu,
)

from gisdesk import paths
from gisdesk.core.journal import journal_path_for, pending_journal
from gisdesk.ui import i18n
from gisdesk.ui.dialogs.profile_dialog import ProfileDialog
from gisdesk.ui.welcome import show_welcome

pytestmark = pytest.mark.skipif(not paths.sample_city_path().is_file(), reason="no sample city")

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
USER, OPD = "Nur Aisyah", "PUPR"
TODAY = dt.date.today()
NOTES = "Lubang 40 cm di lajur kiri"

# What the user reads, per language. The Indonesian is spelled out here (not looked up through
# the translator), so a missing or wrong translation fails the test.
TEXTS = {
    "en": {
        "roads": "Roads", "streetlights": "Streetlights", "count": "{n} of 1991 features",
        "poor": "Poor", "very_poor": "Very poor", "pothole": "Pothole",
        "CONCRETE": "Concrete", "ASPHALT": "Asphalt", "surface": "Surface",
        "condition": "Condition", "last_inspected": "Last inspected",
        "history": "History of", "inspection": "Inspection", "update": "Attribute changed",
        "who": "Who", "field": "Field", "old_new": "Old → new", "inspections": "Inspections",
        "undo_surface": "Set Surface of {code}", "undo_light": "Add PJU-WALK-01 to Streetlights",
    },
    "id": {
        "roads": "Jalan", "streetlights": "Lampu jalan (PJU)", "count": "{n} dari 1991 fitur",
        "poor": "Buruk", "very_poor": "Sangat buruk", "pothole": "Lubang",
        "CONCRETE": "Beton", "ASPHALT": "Aspal", "surface": "Permukaan",
        "condition": "Kondisi", "last_inspected": "Terakhir diperiksa",
        "history": "Riwayat", "inspection": "Pemeriksaan", "update": "Atribut diubah",
        "who": "Pengguna", "field": "Kolom", "old_new": "Lama → baru",
        "inspections": "Pemeriksaan",
        "undo_surface": "Ubah Permukaan {code}",
        "undo_light": "Tambah PJU-WALK-01 ke Lampu jalan (PJU)",
    },
}
HISTORY_HEADERS_EN = {"When (UTC)", "Who", "Workstation", "Action", "Field", "Old → new",
                      "Date", "Inspector", "Condition", "Defects", "Notes", "Next due"}


@pytest.fixture(params=["en", "id"])
def lang(request, qapp):
    yield request.param
    i18n.install_language(qapp, "en")  # the next test starts in English, choice forgotten
    i18n.save_language("")
    qapp.processEvents()


@pytest.fixture
def window(qtbot, qapp, tmp_path, lang):
    w = make_window(qtbot, tmp_path)
    yield w
    i18n.install_language(qapp, "en")  # after a failure the close prompt says "Discard" again
    close_window(w)


# --- what the user touches ------------------------------------------------------------------
def _tr(context: str, source: str) -> str:
    return QCoreApplication.translate(context, source)


def _menu(window, context: str, title: str) -> QMenu:
    """A menu of the menu bar, found by its title in the current language."""
    text = _tr(context, title)
    found = [a.menu() for a in window.menuBar().actions() if a.text() == text]
    assert found, (text, [a.text() for a in window.menuBar().actions()])
    return found[0]


def _action(menu: QMenu, context: str, source: str, lang: str):
    """The entry of ``menu`` the user reads as ``source`` translated; it must be translated."""
    text = _tr(context, source)
    if lang != "en":
        assert text != source, f"untranslated menu entry {source!r}"
    found = [a for a in menu.actions() if a.text() == text]
    assert len(found) == 1, (text, [a.text() for a in menu.actions()])
    assert found[0].isEnabled(), f"{text!r} is disabled"
    return found[0]


def _click_item(qtbot, view: QAbstractItemView, index) -> None:
    view.scrollTo(index)
    rect = view.visualRect(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _click_layer(qtbot, window, title: str) -> None:
    """Click a layer in the Layers panel by the title shown there."""
    view = window.layers_panel.view
    model = view.model()
    rows = [model.index(r, 0) for r in range(model.rowCount())]
    hits = [i for i in rows if i.data() == title]
    assert hits, (title, [i.data() for i in rows])
    _click_item(qtbot, view, hits[0])


def _click_button(qtbot, box: QDialogButtonBox, which) -> None:
    qtbot.mouseClick(box.button(which), Qt.MouseButton.LeftButton)


def _when_modal(kind: type, act) -> list:
    """Run ``act(dialog)`` once a modal dialog of type ``kind`` is up (exec() blocks)."""
    seen: list = []

    def poll(left: int = 250) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible():
            seen.append(dialog)
            act(dialog)
        elif left:
            QTimer.singleShot(20, lambda: poll(left - 1))

    QTimer.singleShot(0, poll)
    return seen


def _pixel(window, x: float, y: float) -> QPointF:
    return QPointF(*window.canvas.viewport.to_pixel(x, y))


def _wheel_zoom_to(window, x: float, y: float, resolution: float) -> None:
    """Roll the mouse wheel over (x, y) until the map shows ``resolution`` m per pixel or less."""
    canvas = window.canvas
    for _ in range(60):
        if canvas.viewport.resolution <= resolution:
            return
        pos = _pixel(window, x, y)
        event = QWheelEvent(pos, canvas.mapToGlobal(pos), QPoint(), QPoint(0, 120),
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                            Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(canvas, event)
    raise AssertionError("the wheel did not zoom in")


def _map_click(send_mouse, window, x: float, y: float) -> None:
    pos = window.canvas.viewport.to_pixel(x, y)
    send_mouse(window.canvas, "press", pos)
    send_mouse(window.canvas, "release", pos)


def _clear_spot(window, line, skip_layer: str, clearance: float = 3.0):
    """A point on ``line`` at least ``clearance`` m from every feature of the other visible
    layers, so a click there can only mean this road."""
    tree = _features_tree(window, skip=(skip_layer,))
    for fraction in (0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8):
        pt = line.interpolate(fraction, normalized=True)
        if len(tree.query(pt, predicate="dwithin", distance=clearance)) == 0:
            return pt.x, pt.y
    raise AssertionError("no clear spot along the road")


def _empty_ground(window, x: float, y: float, clearance: float = 3.0):
    """The empty point nearest to (x, y) (at least ``clearance`` m from any feature) that is
    on screen: where the new streetlight goes, without snapping to anything."""
    tree = _features_tree(window)
    width, height = window.canvas.width(), window.canvas.height()
    steps = np.arange(-40.0, 40.5, 1.0)
    grid = sorted(((dx, dy) for dx in steps for dy in steps), key=lambda d: np.hypot(*d))
    for dx, dy in grid:
        pt = shapely.Point(x + dx, y + dy)
        px, py = window.canvas.viewport.to_pixel(pt.x, pt.y)
        on_screen = 20 <= px <= width - 20 and 20 <= py <= height - 20
        if on_screen and len(tree.query(pt, predicate="dwithin", distance=clearance)) == 0:
            return pt.x, pt.y
    raise AssertionError("no empty ground near the road")


def _features_tree(window, skip: tuple[str, ...] = ()) -> shapely.STRtree:
    geoms = [lyr.frame.geometry.values for lyr in window.project.layers
             if lyr.visible and lyr.is_spatial and lyr.name not in (*skip, "districts")]
    return shapely.STRtree(np.concatenate(geoms))


def _png(path: Path) -> Path:
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("#8a5a2b"))  # a brown "pothole"
    assert image.save(str(path), "PNG")
    return path


@dataclass(repr=False)
class Walk:
    """The user's session: the window, the language and what they found on the way."""

    qtbot: object
    window: object
    lang: str
    sample: Path
    send_mouse: object
    road_uuid: str = ""
    road_row: int = -1
    spot: tuple[float, float] = (0.0, 0.0)
    old_surface: str = ""
    fixed_surface: str = ""
    light_uuid: str = ""
    light_spot: tuple[float, float] = (0.0, 0.0)
    want: dict = field(default_factory=dict)

    def action(self, menu_title: tuple[str, str], entry: str):
        return _action(_menu(self.window, *menu_title), menu_title[0], entry, self.lang)

    def roads(self):
        return self.window.project.layer("roads").frame.set_index("uuid")


LAYER_MENU = ("AssetTablesUi", "&Layer")
EDIT_MENU = ("EditingUi", "&Edit")


def _first_start(walk: Walk, qapp) -> None:
    """The welcome: pick the language, set up a profile, open the sample city."""
    qtbot, window = walk.qtbot, walk.window
    welcome = show_welcome(window, first_run=True)  # as on the very first start
    welcome.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    if walk.lang != "en":
        welcome.language_combo.setCurrentIndex(welcome.language_combo.findData(walk.lang))
        qapp.processEvents()
    assert i18n.current_language() == walk.lang
    assert welcome.sample_button.text() == _tr("WelcomeDialog", "Open the sample city")

    def fill_profile(dialog: ProfileDialog) -> None:
        qtbot.keyClicks(dialog.name_edit, USER)
        dialog.opd_combo.setCurrentIndex(dialog.opd_combo.findData(OPD))
        dialog.role_combo.setCurrentIndex(dialog.role_combo.findData("admin"))
        _click_button(qtbot, dialog.findChild(QDialogButtonBox),
                      QDialogButtonBox.StandardButton.Ok)

    asked = _when_modal(ProfileDialog, fill_profile)
    qtbot.mouseClick(welcome.profile_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and USER in welcome.profile_status.text()
    with qtbot.waitSignal(window.data_loaded, timeout=30000):
        qtbot.mouseClick(welcome.sample_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.canvas.is_rendering, timeout=15000)
    assert not welcome.isVisible() and window.project.layer("roads") is not None


def _find_poor_road(walk: Walk) -> None:
    """Layer ▸ Open Attribute Table on Roads, filter on condition, pick the first row."""
    qtbot, window, want = walk.qtbot, walk.window, walk.want
    _click_layer(qtbot, window, want["roads"])
    walk.action(LAYER_MENU, "Open &Attribute Table").trigger()
    table = window.asset_tables.tables["roads"].widget()
    qtbot.waitExposed(table)
    qtbot.keyClicks(table.expression, '"condition" = 2')
    qtbot.keyClick(table.expression, Qt.Key.Key_Return)
    on_disk = pyogrio.read_dataframe(walk.sample, layer="roads", columns=["condition"])
    poor = int((on_disk["condition"] == 2).sum())
    assert table.model.rowCount() == poor > 0
    assert table.count.text() == want["count"].format(n=poor)
    model = table.model
    assert model.data(model.index(0, model.column_index("condition"))) == want["poor"]
    _click_item(qtbot, table.view, model.index(0, model.column_index("asset_id")))
    picked = window.selection.rows("roads")
    assert len(picked) == 1  # the row is selected on the map too
    frame = window.project.layer("roads").frame
    walk.road_row = int(picked[0])
    walk.road_uuid = str(frame["uuid"].iat[walk.road_row])
    assert int(frame["condition"].iat[walk.road_row]) == 2
    road = frame.geometry.iat[walk.road_row]
    qtbot.mouseClick(table.zoom_button, Qt.MouseButton.LeftButton)
    minx, miny, maxx, maxy = window.canvas.viewport.extent
    assert shapely.box(minx, miny, maxx, maxy).contains(road)  # the map shows the road
    walk.spot = _clear_spot(window, road, "roads")


def _inspect_with_photo(walk: Walk, photo: Path, monkeypatch) -> None:
    """Layer ▸ Inspect, click the road on the map, fill the dialog, attach a photo, OK."""
    qtbot, window, want = walk.qtbot, walk.window, walk.want
    _wheel_zoom_to(window, *walk.spot, resolution=0.2)  # close enough to hit only the road
    walk.action(LAYER_MENU, "I&nspect").trigger()
    _map_click(walk.send_mouse, window, *walk.spot)
    dialog = window.asset_tables.inspect_tool.dialog
    assert dialog is not None and dialog.isVisible() and dialog.asset_uuid == walk.road_uuid
    assert dialog.inspector.text() == USER and dialog.date.date().toPython() == TODAY
    very_poor = dialog.condition.findText(f"1 — {want['very_poor']}")
    assert very_poor >= 0, [dialog.condition.itemText(i) for i in range(dialog.condition.count())]
    dialog.condition.setCurrentIndex(very_poor)
    defects = dialog.defects
    pothole = next(defects.item(i) for i in range(defects.count())
                   if defects.item(i).text() == want["pothole"])
    _click_item(qtbot, defects, defects.indexFromItem(pothole))
    qtbot.keyClick(defects, Qt.Key.Key_Space)  # ticks the current row's check box
    assert pothole.checkState() == Qt.CheckState.Checked
    qtbot.keyClicks(dialog.notes, NOTES)
    # "Add photos…" opens the native file dialog; answer it with the photo, as a user would.
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *_a, **_k: ([str(photo)], "Images"))
    qtbot.mouseClick(dialog.add_photos, Qt.MouseButton.LeftButton)
    assert dialog.photos.count() == 1 and not dialog.photos.item(0).icon().isNull()
    _click_button(qtbot, dialog.buttons, QDialogButtonBox.StandardButton.Ok)
    assert not dialog.isVisible(), dialog.message.text()
    road = walk.roads().loc[walk.road_uuid]
    assert (int(road["condition"]), str(road["last_inspected"])[:10]) == (1, TODAY.isoformat())
    # the unsaved inspection is already in the crash journal
    assert pending_journal(journal_path_for(walk.sample)) is not None


def _fix_attribute(walk: Walk) -> None:
    """Layer ▸ Open Feature Form on the selected road; change its surface; OK."""
    qtbot, window, want = walk.qtbot, walk.window, walk.want
    walk.action(LAYER_MENU, "Open Feature &Form").trigger()
    form = window.asset_tables.forms[-1]
    qtbot.waitExposed(form)
    assert form.uuid == walk.road_uuid
    assert form.history is not None and form.history.table.rowCount() >= 1
    assert form.history.table.item(0, 2).text() == want["very_poor"]  # the new inspection
    walk.old_surface = form.inputs["surface"].value()
    walk.fixed_surface = "ASPHALT" if walk.old_surface == "CONCRETE" else "CONCRETE"
    combo = form.inputs["surface"].editor
    assert combo.currentText() == want.get(walk.old_surface, "?")  # shown by its label
    assert combo.findText(want[walk.fixed_surface]) >= 0
    combo.setCurrentIndex(combo.findText(want[walk.fixed_surface]))
    assert form.inputs["surface"].value() == walk.fixed_surface
    _click_button(qtbot, form.buttons, QDialogButtonBox.StandardButton.Ok)
    assert not form.isVisible(), form.message.text()
    assert walk.roads().loc[walk.road_uuid, "surface"] == walk.fixed_surface


def _draw_streetlight(walk: Walk) -> None:
    """Pick Streetlights, Edit ▸ Toggle Editing, Edit ▸ Add Feature, click, fill the form."""
    qtbot, window = walk.qtbot, walk.window
    lights = window.project.layer("streetlights")
    before = len(lights.frame)
    _click_layer(qtbot, window, walk.want["streetlights"])
    walk.action(EDIT_MENU, "Toggle &Editing").trigger()
    assert window.editing.controller.edit_layer == "streetlights"
    walk.action(EDIT_MENU, "Add Feature").trigger()
    walk.light_spot = _empty_ground(window, *walk.spot)
    _map_click(walk.send_mouse, window, *walk.light_spot)
    form = window.editing.dialog
    assert form is not None and form.isVisible()
    qtbot.keyClicks(form.inputs["asset_id"].editor, "PJU-WALK-01")
    _click_button(qtbot, form.buttons, QDialogButtonBox.StandardButton.Ok)
    assert not form.isVisible(), form.message.text()
    assert len(lights.frame) == before + 1
    walk.light_uuid = str(lights.frame["uuid"].iat[-1])


def _undo_redo_save(walk: Walk) -> None:
    """Edit ▸ Undo twice (streetlight, surface), Edit ▸ Redo twice, Edit ▸ Save Edits."""
    window = walk.window
    lights = window.project.layer("streetlights")
    model = window.editing.undo_view.model()  # the Undo History dock: labels and codes
    entries = [model.index(r, 0).data() for r in range(model.rowCount())]
    code = walk.roads().loc[walk.road_uuid, "asset_id"]
    assert entries[-2:] == [walk.want["undo_surface"].format(code=code), walk.want["undo_light"]]
    walk.action(EDIT_MENU, "&Undo").trigger()
    assert walk.light_uuid not in set(lights.frame["uuid"])
    walk.action(EDIT_MENU, "&Undo").trigger()
    assert walk.roads().loc[walk.road_uuid, "surface"] == walk.old_surface
    walk.action(EDIT_MENU, "&Redo").trigger()
    walk.action(EDIT_MENU, "&Redo").trigger()
    assert not window.editing.act_redo.isEnabled()  # nothing left to redo
    assert walk.roads().loc[walk.road_uuid, "surface"] == walk.fixed_surface
    assert walk.light_uuid in set(lights.frame["uuid"])
    assert window.isWindowModified()
    walk.action(EDIT_MENU, "&Save Edits").trigger()
    assert not window.isWindowModified() and not window.editing.controller.is_dirty


def _table_texts(table) -> list[list[str]]:
    return [[table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())]


def _check_history(walk: Walk) -> None:
    """Edit ▸ Feature History of the road: who did what, in the user's language."""
    window, want = walk.window, walk.want
    walk.action(EDIT_MENU, "Feature &History").trigger()
    panel = window.editing.history_panel
    assert window.editing.history_dock.isVisible()
    title = panel.title.text()
    assert title.startswith(want["history"]) and want["roads"] in title
    headers = [t.horizontalHeaderItem(c).text() for t in (panel.changes, panel.inspections)
               for c in range(t.columnCount())]
    assert {want["who"], want["field"], want["old_new"]} <= set(headers)
    rows = _table_texts(panel.changes)
    assert [(r[3], r[4]) for r in rows] == [
        (want["inspection"], ""), (want["update"], want["condition"]),
        (want["update"], want["last_inspected"]), (want["update"], want["surface"])]
    assert all(r[1] == f"{USER} ({OPD})" for r in rows)  # who made each of them
    changes = {r[4]: r[5] for r in rows}
    assert changes[want["condition"]] == f"{want['poor']} → {want['very_poor']}"
    assert changes[want["surface"]] == (
        f"{want[walk.old_surface]} → {want[walk.fixed_surface]}")
    assert changes[want["last_inspected"]].endswith(i18n.format_date(TODAY, walk.lang))
    assert panel.inspections_label.text() == want["inspections"]
    newest = _table_texts(panel.inspections)[0]
    assert newest[:5] == [i18n.format_date(TODAY, walk.lang), USER, want["very_poor"],
                          want["pothole"], NOTES]
    if walk.lang != "en":  # nothing the user reads here is left in English or in codes
        shown = {title, panel.inspections_label.text(), *headers,
                 *(t for r in rows for t in r[3:]), *newest[2:4]}
        english = (set(TEXTS["en"].values()) - set(want.values())) | HISTORY_HEADERS_EN
        assert not english & shown, english & shown
        words = {w for text in shown for w in text.split()}
        assert not {"CONCRETE", "ASPHALT", "POTHOLE", "update", "inspection"} & words


def _check_saved_file(walk: Walk, photo: Path) -> None:
    """The saved GeoPackage, read back without the app."""
    sample = walk.sample
    road = pyogrio.read_dataframe(sample, layer="roads").set_index("uuid").loc[walk.road_uuid]
    assert road["surface"] == walk.fixed_surface
    assert road["condition"] == 1 and str(road["last_inspected"])[:10] == TODAY.isoformat()
    inspections = pyogrio.read_dataframe(sample, layer="inspections")
    mine = inspections[(inspections["asset_uuid"] == walk.road_uuid)
                       & (inspections["inspected_on"].astype(str).str[:10]
                          == TODAY.isoformat())]
    assert len(mine) == 1
    insp = mine.iloc[0]
    assert (insp["condition"], insp["defects"], insp["inspector"], insp["notes"]) == (
        1, "POTHOLE", USER, NOTES)
    assert insp["asset_layer"] == "roads" and insp["photos"].endswith("/lubang.png")
    with sqlite3.connect(sample) as conn:
        blobs = conn.execute("SELECT file_name, data FROM gisdesk_photos "
                             "WHERE inspection_uuid = ?", (insp["uuid"],)).fetchall()
    assert blobs == [("lubang.png", photo.read_bytes())]  # the photo travels in the file
    lights = pyogrio.read_dataframe(sample, layer="streetlights")
    new = lights[lights["asset_id"] == "PJU-WALK-01"]
    assert len(new) == 1 and new["uuid"].iat[0] == walk.light_uuid
    assert UUID.match(walk.light_uuid) and new["owner_opd"].iat[0] == "DISHUB"
    assert new.geometry.iat[0].distance(shapely.Point(walk.light_spot)) < 0.5  # where clicked
    assert pending_journal(journal_path_for(sample)) is None  # saved: nothing to recover


# --- the walk-through -----------------------------------------------------------------------
def test_walkthrough_field_day(qtbot, qapp, window, lang, tmp_path, send_mouse, monkeypatch):
    sample = sample_copy(tmp_path)
    monkeypatch.setattr(paths, "sample_city_path", lambda: sample)  # a private copy to edit
    photo = _png(tmp_path / "lubang.png")
    walk = Walk(qtbot, window, lang, sample, send_mouse, want=TEXTS[lang])
    _first_start(walk, qapp)
    _find_poor_road(walk)
    _inspect_with_photo(walk, photo, monkeypatch)
    _fix_attribute(walk)
    _draw_streetlight(walk)
    _undo_redo_save(walk)
    _check_history(walk)
    _check_saved_file(walk, photo)
