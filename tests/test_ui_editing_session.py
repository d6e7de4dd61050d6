"""Edit session in the window: roles, unsaved-edits prompt, save failure, crash-journal restore."""

from __future__ import annotations

import os

import pyogrio
import pytest
from _edit_fixtures import ADMIN, PDAM_EDITOR, VIEWER, open_project, uuids, write_city
from _ui_editing_fixtures import (
    answer_next_box,
    close_window,
    make_window,
    open_file,
    start_editing,
)

from gisdesk.core.edits import SetAttribute
from gisdesk.core.edits_session import EditSession
from gisdesk.core.journal import Journal, journal_path_for, pending_journal
from gisdesk.ui.editing.map_edit_tools import EditMode

MAINS = uuids(6, 1)


@pytest.fixture
def city(tmp_path):
    return write_city(tmp_path / "city.gpkg")


@pytest.fixture
def window(qtbot, tmp_path, city):
    w = make_window(qtbot, tmp_path)
    open_file(qtbot, w, city)
    yield w
    close_window(w)


def _set_notes(window, text: str) -> None:
    assert window.editing.controller.apply(
        SetAttribute(layer="water_mains", uuid=MAINS[0], field="notes", value=text))


def test_ui_editing_viewer_cannot_edit_and_core_refuses(window) -> None:
    ed = window.editing
    ed.controller.set_profile(VIEWER)
    window.layers_panel.select_layer("water_mains")
    assert not ed.act_toggle.isEnabled() and "viewer" in ed.act_toggle.toolTip()
    assert not any(a.isEnabled() for a in ed.mode_actions.values())
    with pytest.raises(PermissionError):
        ed.controller.session.apply(
            SetAttribute(layer="water_mains", uuid=MAINS[0], field="notes", value="x"))
    assert not ed.controller.apply(
        SetAttribute(layer="water_mains", uuid=MAINS[0], field="notes", value="x"))
    assert "viewer" in ed.controller.last_error


def test_ui_editing_editor_only_own_department(window) -> None:
    ed = window.editing
    ed.controller.set_profile(PDAM_EDITOR)
    window.layers_panel.select_layer("streetlights")  # owned by DISHUB
    assert not ed.act_toggle.isEnabled() and "DISHUB" in ed.act_toggle.toolTip()
    start_editing(window, "water_mains", PDAM_EDITOR)
    assert ed.mode_actions[EditMode.SPLIT].isEnabled()
    assert window.settings.user_profile() == PDAM_EDITOR.to_dict()


def test_ui_editing_title_star_and_close_prompt(window, city) -> None:
    start_editing(window, "water_mains", ADMIN)
    _set_notes(window, "cek kebocoran")
    assert window.isWindowModified() and "[*]" in window.windowTitle()
    answer_next_box("Cancel")
    assert not window.close()
    assert window.isVisible() and window.editing.controller.is_dirty
    answer_next_box("Save")
    assert window.close()
    saved = pyogrio.read_dataframe(city, layer="water_mains").set_index("uuid")
    assert saved.loc[MAINS[0], "notes"] == "cek kebocoran"


def test_ui_editing_close_discard_forgets_journal(window, city) -> None:
    start_editing(window, "water_mains", ADMIN)
    _set_notes(window, "buang")
    assert pending_journal(journal_path_for(city)) is not None
    answer_next_box("Discard")
    assert window.close()
    assert pending_journal(journal_path_for(city)) is None
    saved = pyogrio.read_dataframe(city, layer="water_mains").set_index("uuid")
    assert saved.loc[MAINS[0], "notes"] != "buang"


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_ui_editing_save_failure_keeps_edits(window, city) -> None:
    start_editing(window, "water_mains", ADMIN)
    _set_notes(window, "read-only")
    city.chmod(0o444)
    try:
        answer_next_box("OK")
        assert not window.editing.controller.save()
    finally:
        city.chmod(0o644)
    controller = window.editing.controller
    assert controller.is_dirty and "read-only" in controller.last_error


def test_ui_editing_save_failure_locked_file_keeps_edits(window, city) -> None:
    import sqlite3

    start_editing(window, "water_mains", ADMIN)
    _set_notes(window, "locked")
    lock = sqlite3.connect(city, isolation_level=None)
    lock.execute("BEGIN EXCLUSIVE")
    try:
        shown = answer_next_box("OK")
        assert not window.editing.controller.save()
    finally:
        lock.execute("ROLLBACK")
        lock.close()
    assert "locked" in shown[0] and "kept" in shown[0]
    assert window.editing.controller.is_dirty
    assert pending_journal(journal_path_for(city)) is not None
    assert window.editing.controller.save() and not window.isWindowModified()


def _crash_with_unsaved_edit(city, text: str) -> None:
    """Edits journalled by a session that never saved (as if the app was killed)."""
    project = open_project(city)
    session = EditSession(project, ADMIN, Journal(journal_path_for(city)))
    session.apply(SetAttribute(layer="water_mains", uuid=MAINS[1], field="notes", value=text))
    session.apply(SetAttribute(layer="water_mains", uuid=MAINS[1], field="diameter_mm",
                               value=400))


def test_ui_editing_restore_journal_on_start(qtbot, tmp_path, city) -> None:
    _crash_with_unsaved_edit(city, "dipulihkan")
    w = make_window(qtbot, tmp_path, "restart.ini")
    w.editing.controller.set_profile(ADMIN)
    shown = answer_next_box("Restore")
    open_file(qtbot, w, city)
    try:
        assert "Restore 2 unsaved edit" in shown[0]
        mains = w.project.layer("water_mains").frame.set_index("uuid")
        assert mains.loc[MAINS[1], "notes"] == "dipulihkan"
        assert mains.loc[MAINS[1], "diameter_mm"] == 400
        assert w.isWindowModified() and w.editing.undo_view.model().rowCount() == 3
        w.editing.act_undo.trigger()
        assert w.project.layer("water_mains").frame.set_index("uuid").loc[
            MAINS[1], "diameter_mm"] != 400
        w.editing.act_save.trigger()
        saved = pyogrio.read_dataframe(city, layer="water_mains").set_index("uuid")
        assert saved.loc[MAINS[1], "notes"] == "dipulihkan"
        assert pending_journal(journal_path_for(city)) is None
    finally:
        close_window(w)


def test_ui_editing_discard_journal_on_start(qtbot, tmp_path, city) -> None:
    _crash_with_unsaved_edit(city, "dibuang")
    w = make_window(qtbot, tmp_path, "restart.ini")
    w.editing.controller.set_profile(ADMIN)
    answer_next_box("Discard")
    open_file(qtbot, w, city)
    try:
        assert pending_journal(journal_path_for(city)) is None
        notes = w.project.layer("water_mains").frame.set_index("uuid").loc[MAINS[1], "notes"]
        assert notes != "dibuang" and not w.isWindowModified()
    finally:
        close_window(w)


def test_ui_editing_profile_dialog_first_start(window) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialogButtonBox

    from gisdesk.ui.dialogs.profile_dialog import ProfileDialog

    assert not window.editing.controller.has_profile
    assert window.editing.controller.profile.role == "viewer"  # nothing editable before
    errors: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ProfileDialog):
            QTimer.singleShot(20, answer)
            return
        # the question says why it is asked and that Cancel keeps the map viewable
        errors.append(dialog.intro.text())
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        ok.click()  # no name yet: refused, the dialog stays
        errors.append(dialog.error_label.text())
        dialog.set_values("Rahmat", "PUPR", "editor")
        ok.click()

    QTimer.singleShot(0, answer)
    window.editing.ensure_profile()
    intro, refused = errors
    assert "who changed what" in intro and "Cancel" in intro
    assert "name" in refused
    profile = window.editing.controller.profile
    assert (profile.name, profile.opd, profile.role) == ("Rahmat", "PUPR", "editor")
    assert window.settings.user_profile() == {"name": "Rahmat", "opd": "PUPR", "role": "editor"}
    window.layers_panel.select_layer("roads")  # PUPR's layer
    assert window.editing.act_toggle.isEnabled()


def test_ui_editing_restore_waits_for_a_profile(qtbot, tmp_path, city) -> None:
    _crash_with_unsaved_edit(city, "nanti")
    w = make_window(qtbot, tmp_path, "first-start.ini")
    try:
        open_file(qtbot, w, city)  # no profile yet: nothing asked, the journal stays
        assert pending_journal(journal_path_for(city)) is not None
        shown = answer_next_box("Restore")
        w.editing.controller.set_profile(ADMIN)
        assert shown and w.editing.controller.is_dirty
        notes = w.project.layer("water_mains").frame.set_index("uuid").loc[MAINS[1], "notes"]
        assert notes == "nanti"
    finally:
        close_window(w)


def test_ui_editing_table_edit_is_journalled_at_once(window, city) -> None:
    """An edit made in the attribute table (no map tool used yet) is in the crash journal
    straight away; it used to be journalled only after a first map edit."""
    window.editing.controller.set_profile(ADMIN)
    table = window.asset_tables.open_table("water_mains")
    assert pending_journal(journal_path_for(city)) is None
    notes = table.model.index(0, table.model.column_index("notes"))
    assert table.model.setData(notes, "dicatat dari tabel")
    found = pending_journal(journal_path_for(city))
    assert found is not None and len(found) == 1


UNDO_TEXTS = {
    "en": ["<no edits>", "Set Diameter of WM-002", "Inspect WM-003", "Edit WM-001",
           "Delete 2 features", "Change geometry of WM-004"],
    "id": ["<tidak ada suntingan>", "Ubah Diameter WM-002", "Periksa WM-003", "Sunting WM-001",
           "Hapus 2 fitur", "Ubah geometri WM-004"],
}
"""The Undo History dock, spelled out per language (a missing translation fails)."""


@pytest.mark.parametrize(("lang", "other"), [("en", "id"), ("id", "en")])
def test_ui_editing_undo_history_names_labels_and_codes(qapp, window, lang, other) -> None:
    """Entries read "Set Diameter of WM-002", not "Set diameter_mm of 6ba474c2", in the UI
    language, and are rewritten when the language is switched with edits on the stack."""
    import shapely

    from gisdesk.core.edits_geometry import SetGeometry
    from gisdesk.core.inspections import AddInspection
    from gisdesk.ui import i18n
    from gisdesk.ui.forms.feature_form import FeatureForm

    ed, c = window.editing, window.editing.controller
    assert i18n.install_language(qapp, lang)
    try:
        qapp.processEvents()
        c.set_profile(ADMIN)
        assert c.apply(SetAttribute(layer="water_mains", uuid=MAINS[2], field="diameter_mm",
                                    value=300))
        assert c.apply(AddInspection(asset_layer="water_mains", asset_uuid=MAINS[3],
                                     values={"inspected_on": "2031-02-01", "condition": 2}))
        mains = window.project.layer("water_mains")
        form = FeatureForm(window.project, mains, c.undo, MAINS[1])
        form.inputs["diameter_mm"].editor.setValue(450)
        form.inputs["asset_id"].editor.setText("WM-001")  # unchanged: one command less
        form.inputs["notes"].editor.setPlainText("bocor")
        assert form.apply()
        form.deleteLater()
        window.layers_panel.select_layer("streetlights")
        ed.act_toggle.trigger()
        window.selection.set("streetlights", [0, 1])
        answer_next_box({"en": "Yes", "id": "Ya"}[lang])
        ed.act_delete.trigger()
        line = mains.frame.set_index("uuid").loc[MAINS[4], "geometry"]
        assert c.apply(SetGeometry(layer="water_mains", uuid=MAINS[4],
                                   geometry=shapely.affinity.translate(line, 5, -3)))
        qapp.processEvents()  # the form's deferred delete: its entry must not need it

        def shown() -> list[str]:
            model = ed.undo_view.model()
            return [model.index(r, 0).data() for r in range(model.rowCount())]

        assert shown() == UNDO_TEXTS[lang]
        assert i18n.install_language(qapp, other)
        qapp.processEvents()
        assert shown() == UNDO_TEXTS[other]
        ed.act_undo.trigger()
        ed.act_undo.trigger()  # the whole deletion is one entry
        assert len(window.project.layer("streetlights").frame) == 4
        assert shown() == UNDO_TEXTS[other]  # undone entries stay listed, redo-able
    finally:
        i18n.install_language(qapp, "en")
        qapp.processEvents()
