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


def _two_copies_clash(tmp_path: Path, hub: str) -> None:
    """ani and budi both change the asset id of U1; budi syncs second."""
    for name in ("ani", "budi"):
        assert main(["checkout", hub, str(tmp_path / name)]) == 0
    for name, value in (("ani", "WM-1a"), ("budi", "WM-1b")):
        with sqlite3.connect(tmp_path / name / "data.gpkg") as conn:
            register_functions(conn)
            conn.execute("UPDATE water_mains SET asset_id = ? WHERE uuid = ?", (value, U1))
        conn.close()
        assert main(["sync", str(tmp_path / name), "--author", name]) == 0


@pytest.mark.parametrize("kind", ["folder", pytest.param("postgis", marks=pytest.mark.postgres)])
def test_cli_sync_conflicts_and_asset_history(tmp_path: Path, capsys, request, kind) -> None:
    src = write_mains(tmp_path / "city.gpkg")
    if kind == "folder":
        hub = str(tmp_path / "hub")
    else:
        server = request.getfixturevalue("postgres")
        db = server.create_database(f"cli_rec_{tmp_path.name[-8:].lower()}")
        hub = "postgresql:" + server.dsn(dbname=db)
    assert main(["hub", "init", hub, "--from", str(src), "--author", "adm"]) == 0
    _two_copies_clash(tmp_path, hub)
    capsys.readouterr()

    for target in (hub, str(tmp_path / "ani")):  # the hub itself, or a working copy of it
        assert main(["sync", "conflicts", target]) == 0
        out = capsys.readouterr().out
        assert "budi  water_mains  " + U1 + "  asset_id" in out
        assert 'kept: "WM-1a"' in out and 'set aside: "WM-1b"' in out
        assert "waiting for a person" in out
    assert main(["sync", "conflicts", hub, "--json"]) == 0
    [record] = json.loads(capsys.readouterr().out)
    assert (record["kept"], record["set_aside"], record["author"]) == ("WM-1a", "WM-1b", "budi")
    assert record["time"].startswith("20")

    assert main(["sync", "history", "--asset", U1, hub]) == 0
    out = capsys.readouterr().out
    assert "rev 1  ani  water_mains  changed" in out
    assert 'asset_id: "WM-1" -> "WM-1a"' in out
    assert main(["sync", "history", "--asset", U1, hub, "--json"]) == 0
    [change, *_rest] = json.loads(capsys.readouterr().out)
    assert change["fields"] == {"asset_id": ["WM-1", "WM-1a"]} and change["author"] == "ani"
    assert main(["sync", "history", hub]) == 2  # which asset?
    assert "--asset UUID" in capsys.readouterr().err
    assert main(["sync", "history", "--asset", "nope", hub]) == 2
    assert "no change recorded for asset nope" in capsys.readouterr().err
