"""Pause Python's cyclic garbage collector while a layer is read.

Reading a layer creates one tracked Python object per geometry (shapely) and per text or date
value. CPython runs a collection every few hundred allocations, and the oldest generation is
scanned again and again as it grows, so collecting costs more than the read itself: at the
scale-100 city (a million buildings) the reader spent more than half its time in the collector.
None of these objects form reference cycles, so there is nothing for the collector to find.

The collector is process-wide, so pauses from several reader threads are counted: it is enabled
again (if it was on before the first pause) when the last reader finishes.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_state = {"depth": 0, "was_enabled": False}


@contextmanager
def gc_paused() -> Iterator[None]:
    """Run the block with the cyclic collector off (nested and threaded use is safe)."""
    with _lock:
        if _state["depth"] == 0:
            _state["was_enabled"] = gc.isenabled()
            gc.disable()
        _state["depth"] += 1
    try:
        yield
    finally:
        with _lock:
            _state["depth"] -= 1
            if _state["depth"] == 0 and _state["was_enabled"]:
                gc.enable()
