"""Reading pauses the cyclic garbage collector and always restores it."""

from __future__ import annotations

import gc
import threading

import pytest

from gisdesk.io.gc_pause import gc_paused
from gisdesk.io.readers import ReadError, read_layer


@pytest.fixture
def gc_on():
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_gc_pause_nested_and_across_threads_restores_once_all_end(gc_on):
    inside, release = threading.Event(), threading.Event()

    def other_reader() -> None:
        with gc_paused():
            inside.set()
            release.wait(5)

    with gc_paused():
        assert not gc.isenabled()
        thread = threading.Thread(target=other_reader)
        thread.start()
        assert inside.wait(5)
        with gc_paused():
            assert not gc.isenabled()
    assert not gc.isenabled()  # the other thread is still reading
    release.set()
    thread.join(5)
    assert gc.isenabled()


def test_gc_pause_restored_after_an_error_and_left_off_if_it_was_off(gc_on):
    with pytest.raises(ValueError), gc_paused():
        raise ValueError("boom")
    assert gc.isenabled()
    gc.disable()
    with gc_paused():
        pass
    assert not gc.isenabled()  # the caller had it off: it stays off


def test_read_layer_leaves_gc_as_it_was(gc_on, city_gpkg, tmp_path):
    layer = read_layer(city_gpkg, "valves")
    assert len(layer.frame) == 3 and gc.isenabled()
    bad = tmp_path / "broken.gpkg"
    bad.write_bytes(b"not a geopackage")
    with pytest.raises(ReadError):
        read_layer(bad)
    assert gc.isenabled()
