"""The sync commands from a shell: hub init, checkout, edit, sync, status, log."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from test_sync_hubs import U1, write_mains

from gisdesk.cli import main
from gisdesk.io.gpkg_store_blob import register_functions


def test_cli_sync_round_trip(tmp_path: Path, capsys) -> None:
    src = write_mains(tmp_path / "city.gpkg")
    assert main(["hub", "init", str(tmp_path / "hub"), "--from", str(src), "--author", "adm"]) == 0
    assert main(["checkout", str(tmp_path / "hub"), str(tmp_path / "wc")]) == 0
    with sqlite3.connect(tmp_path / "wc" / "data.gpkg") as conn:
        register_functions(conn)
        conn.execute("UPDATE water_mains SET condition = 1 WHERE uuid = ?", (U1,))
    conn.close()
    capsys.readouterr()
    assert main(["status", str(tmp_path / "wc"), "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["local_changes"] == 1 and status["hub_reachable"] is True
    assert main(["sync", str(tmp_path / "wc"), "--author", "ani", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["sent"] == 1
    assert main(["log", str(tmp_path / "hub"), "--json"]) == 0
    log = json.loads(capsys.readouterr().out)
    assert [r["number"] for r in log] == [1, 0]
    assert log[0]["author"] == "ani" and "1 updated in water_mains" in log[0]["summary"]


def test_cli_sync_unreachable_hub_fails_loudly(tmp_path: Path, capsys) -> None:
    src = write_mains(tmp_path / "city.gpkg")
    main(["hub", "init", str(tmp_path / "hub"), "--from", str(src)])
    main(["checkout", str(tmp_path / "hub"), str(tmp_path / "wc")])
    (tmp_path / "hub" / "hub.json").rename(tmp_path / "hub.json.away")  # the share went away
    capsys.readouterr()
    assert main(["sync", str(tmp_path / "wc")]) == 2
    err = capsys.readouterr().err
    assert "sync FAILED" in err and "offline" in err
    assert main(["status", str(tmp_path / "wc"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["hub_reachable"] is False


@pytest.mark.postgres
def test_cli_sync_postgis_hub_from_shell(tmp_path: Path, capsys, postgres) -> None:
    db = postgres.create_database("cli_hub")
    spec = "postgresql:" + postgres.dsn(dbname=db)
    src = write_mains(tmp_path / "city.gpkg")
    assert main(["hub", "init", spec, "--from", str(src), "--author", "adm"]) == 0
    assert main(["checkout", spec, str(tmp_path / "wc")]) == 0
    with sqlite3.connect(tmp_path / "wc" / "data.gpkg") as conn:
        register_functions(conn)
        conn.execute("UPDATE water_mains SET notes = 'checked' WHERE uuid = ?", (U1,))
    conn.close()
    capsys.readouterr()
    assert main(["sync", str(tmp_path / "wc"), "--author", "ani", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["sent"] == 1
    assert "password" not in (tmp_path / "wc" / ".gisdesk" / "state.json").read_text()
