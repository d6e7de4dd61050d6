"""``gisdesk … | head -1``: a reader that stops early ends the command quietly (exit 1, no
traceback on stderr), as Python's "Note on SIGPIPE" recommends — for any subcommand."""

from __future__ import annotations

import subprocess
import sys

import pytest

from gisdesk.paths import sample_city_path

PIPE_BUFFER = 64 * 1024
"""Linux pipe capacity: output larger than this cannot all be written before the reader quits."""


def _gisdesk(*argv: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "gisdesk", *argv], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)


def _full_output(*argv: str) -> bytes:
    done = subprocess.run([sys.executable, "-m", "gisdesk", *argv], capture_output=True,
                          check=True, timeout=120)
    return done.stdout


@pytest.mark.parametrize("argv", [
    ("query", "--layer", "buildings", "--limit", "100000"),
    ("query", "--layer", "buildings", "--limit", "100000", "--json"),
    ("plan", "--budget", "1e9", "--limit", "100000"),
])
def test_reader_closing_after_first_line_ends_quietly(argv):
    path = str(sample_city_path())
    assert len(_full_output(argv[0], path, *argv[1:])) > 2 * PIPE_BUFFER  # must hit the pipe
    proc = _gisdesk(argv[0], path, *argv[1:])
    first = proc.stdout.readline()  # like `head -1`
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 1
    assert first.strip()
    assert "Traceback" not in err and "BrokenPipeError" not in err and err == ""


def test_trace_into_a_reader_that_closed_before_reading():
    proc = _gisdesk("trace", str(sample_city_path()), "--check")
    proc.stdout.close()  # the reader is gone before the first line is written
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 1
    assert err == "", err


def test_trace_whole_output_still_exits_zero():
    out = _full_output("trace", str(sample_city_path()), "--check")
    assert out.startswith(b"water_mains:")
