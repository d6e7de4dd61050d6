"""Every command with ``--out`` creates the missing folders above the file it writes, and says
clearly which file and folder are at fault when the folder cannot be made (a file in the way),
writing nothing."""

from __future__ import annotations

import pytest
from _print_fixtures import write_print_city

from gisdesk.cli import main
from gisdesk.paths import ensure_parent

COMMANDS = {
    "export-report": (["--lang", "id"], "r.html"),
    "export-table": (["--layer", "roads"], "t.xlsx"),
    "export-layer": (["--layer", "roads"], "l.gpkg"),
    "export-web": (["--layers", "roads"], "w.html"),
    "export-map": (["--dpi", "30"], "m.png"),
    "render": (["--width", "64", "--height", "64"], "r.png"),
    "query": (["--layer", "roads"], "q.gpkg"),
    "trace": (["--check", "--mains-layer", "roads", "--valves-layer", ""], "t.csv"),
    "plan": (["--layer", "roads", "--budget", "1e9", "--buildings-layer", "",
              "--valves-layer", "", "--inspections-layer", ""], "p.csv"),
}


@pytest.fixture(scope="module")
def city(tmp_path_factory):
    return write_print_city(tmp_path_factory.mktemp("city") / "city.gpkg")


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_cli_out_creates_missing_folders(command, city, tmp_path, capsys):
    options, name = COMMANDS[command]
    out = tmp_path / "new" / "deeper" / name
    assert main([command, str(city), *options, "--out", str(out)]) == 0, \
        capsys.readouterr().err
    written = [p for p in (tmp_path / "new" / "deeper").iterdir() if p.stat().st_size > 0]
    assert written, f"{command} wrote nothing into the new folder"


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_cli_out_folder_blocked_by_a_file_is_a_clear_error(command, city, tmp_path, capsys):
    options, name = COMMANDS[command]
    blocker = tmp_path / "reports"
    blocker.write_text("not a folder")
    out = blocker / "2026" / name
    assert main([command, str(city), *options, "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"gisdesk {command}: error:" in err and "Traceback" not in err
    assert str(out.parent) in err and f"{blocker} is a file, not a folder" in err
    assert blocker.read_text() == "not a folder"


def test_ensure_parent_keeps_existing_folders_and_returns_the_path(tmp_path):
    out = tmp_path / "a" / "b.csv"
    assert ensure_parent(out) == out and out.parent.is_dir()
    (out.parent / "keep.txt").write_text("x")
    assert ensure_parent(str(out)) == out
    assert (out.parent / "keep.txt").read_text() == "x"
