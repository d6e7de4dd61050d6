"""GDAL configuration options that rescue particular files, applied only while reading them.

GDAL config options are process-wide, so they are set for the duration of one call under a lock
and restored afterwards. Two rescues are known from real data:

* a Shapefile whose ``.shx`` index is missing opens with ``SHAPE_RESTORE_SHX=YES`` (in a copy,
  see :mod:`gisdesk.io.formats`);
* a KML that the LIBKML driver opens but cannot read opens with the plain KML driver.
"""

from __future__ import annotations

import threading
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, TypeVar

import pyogrio

from gisdesk.io.errors import ReadCancelled

if TYPE_CHECKING:
    from gisdesk.io.formats import Dataset

_LOCK = threading.RLock()
T = TypeVar("T")
_WARNINGS_LOCK = threading.RLock()

# OSM files: the default custom indexing fails on files whose node ids are not sorted
# ("Non increasing node id"), which makes every non-point layer unreadable.
pyogrio.set_gdal_config_options({"OSM_USE_CUSTOM_INDEXING": "NO"})


def retry_configs(dataset: Dataset) -> list[dict[str, str]]:
    """Config option sets to try in order for ``dataset``; the first is always "none"."""
    name = (dataset.inner or dataset.path.name).lower()
    configs: list[dict[str, str]] = [dict(dataset.config)]
    if name.endswith((".kml", ".kmz")):
        configs.append({"OGR_SKIP": "LIBKML"})
    return configs


@contextmanager
def config_options(options: dict[str, str]) -> Iterator[None]:
    """Set GDAL config ``options`` for the duration of the block (no-op when empty)."""
    if not options:
        yield
        return
    with _LOCK:
        old = {key: pyogrio.get_gdal_config_option(key) for key in options}
        pyogrio.set_gdal_config_options(options)
        try:
            yield
        finally:
            pyogrio.set_gdal_config_options(old)


@contextmanager
def captured_warnings() -> Iterator[list[warnings.WarningMessage]]:
    """Collect the warnings GDAL raises (through pyogrio) while the block runs.

    ``warnings.catch_warnings`` swaps process-wide state, so two threads capturing at once would
    corrupt each other's filters; reads that capture therefore run one at a time.
    """
    with _WARNINGS_LOCK, warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield caught


def with_retries(dataset: Dataset, action: Callable[[], T]) -> T:
    """Run ``action`` under each GDAL config that may rescue ``dataset``.

    Raises the first error (the one without rescue options is the most telling) if none works.
    """
    first: Exception | None = None
    for config in retry_configs(dataset):
        try:
            with config_options(config):
                return action()
        except ReadCancelled:  # the user said stop: no retry
            raise
        except Exception as exc:  # the next config may work
            first = first or exc
    assert first is not None
    raise first
