"""``gisdesk sample-data`` writes the named GeoPackage and rejects bad arguments clearly."""

from __future__ import annotations

from pathlib import Path

import pyogrio
import pytest

from gisdesk.cli import main


def test_sampledata_cli_writes_scaled_file(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    code = main(["sample-data", "--out", str(tmp_path), "--scale", "0.05", "--seed", "3"])
    out = capsys.readouterr().out
    target = tmp_path / "gorontalo_scale0.05.gpkg"
    assert code == 0
    assert target.is_file()
    assert "buildings" in out and "inspections" in out
    assert pyogrio.read_info(target, layer="buildings")["features"] > 100


def test_sampledata_cli_custom_name(tmp_path: Path) -> None:
    assert main(["sample-data", "--out", str(tmp_path), "--scale", "0.03", "--name", "tiny"]) == 0
    assert (tmp_path / "tiny.gpkg").is_file()


def test_sampledata_cli_rejects_nonpositive_scale(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture) -> None:
    assert main(["sample-data", "--out", str(tmp_path), "--scale", "0"]) == 2
    assert "--scale" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


def test_sampledata_cli_rejects_file_as_out(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    blocker = tmp_path / "file.txt"
    blocker.write_text("x")
    assert main(["sample-data", "--out", str(blocker)]) == 2
    assert "file.txt" in capsys.readouterr().err
