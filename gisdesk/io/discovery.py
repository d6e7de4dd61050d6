"""Finding the layers in a file: which GDAL dataset(s) to open and what layers they hold.

Kept apart from reading so that ``list_layers``, ``read_layer`` and ``open_path`` agree on what a
file contains — including zips whose data sits in a sub-folder, where the zip root says nothing.
"""

from __future__ import annotations

from pathlib import Path

import pyogrio
from pyogrio.errors import DataLayerError

from gisdesk.i18n import translate
from gisdesk.io.errors import ReadError, explain
from gisdesk.io.formats import Dataset, datasets_for
from gisdesk.io.gdal_options import captured_warnings, with_retries


def layers_of(path: Path) -> list[tuple[Dataset, str]]:
    """(dataset, layer name) pairs of ``path`` in file order.

    Raises
    ------
    ReadError
        When the file does not exist, cannot be opened, or holds no layers.
    """
    if not path.exists():
        raise ReadError(path, translate("ReadError", "the file does not exist"),
                        hint=translate("ReadError", "Check the path."))
    datasets = datasets_for(path)
    if path.suffix.lower() == ".zip" and len(datasets) == 1 and datasets[0].inner is None:
        try:
            names = _layer_names(datasets[0])
            return [(datasets[0], n) for n in names] if names else _no_layers(path)
        except Exception:  # the data may sit in a sub-folder of the zip
            datasets = datasets_for(path, root_opens=False)
        if datasets[0].inner is None:
            raise ReadError(
                path, translate("ReadError", "the zip archive holds no file GIS Desk can read"),
                hint=translate("ReadError", "Unzip it and open the data file inside directly."),
            )
    out: list[tuple[Dataset, str]] = []
    first_error: Exception | None = None
    for dataset in datasets:
        try:
            out.extend((dataset, n) for n in _layer_names(dataset))
        except Exception as exc:  # try the other datasets of a zip
            first_error = first_error or exc
    if out:
        return out
    if first_error is not None:
        reason, hint = explain(first_error)
        raise ReadError(path, reason, hint=hint) from first_error
    return _no_layers(path)


def _no_layers(path: Path) -> list[tuple[Dataset, str]]:
    raise ReadError(
        path, translate("ReadError", "it contains no map layers"),
        hint=translate("ReadError", "Check that this is the file you meant to open."),
    )


def _layer_names(dataset: Dataset) -> list[str]:
    if dataset.only_layer is not None:
        return [dataset.only_layer]

    def names() -> list[str]:
        with captured_warnings():  # the same warnings come again when the layers are read
            if dataset.options.get("WRITE_GFS"):
                return _names_with_options(dataset)
            return [str(row[0]) for row in pyogrio.list_layers(dataset.source)]

    return with_retries(dataset, names)


def _names_with_options(dataset: Dataset) -> list[str]:
    """Layer names through ``read_info`` (layer 0, 1, … until there is none).

    ``pyogrio.list_layers`` takes no open options, and for GML the option that matters is
    ``WRITE_GFS=NO``: without it listing the layers writes a ``.gfs`` file next to the data.
    """
    out: list[str] = []
    while True:
        try:
            info = pyogrio.read_info(dataset.source, layer=len(out), **dataset.options)
        except DataLayerError:  # no layer with that index: all are listed
            return out
        out.append(str(info["layer_name"]))


def find_layer(path: Path, layer: str | None) -> tuple[Dataset, str]:
    """The dataset holding ``layer`` (exact name first, then ignoring case; None = first)."""
    entries = layers_of(path)
    if layer is None:
        return entries[0]
    for dataset, name in entries:
        if name == layer:
            return dataset, name
    for dataset, name in entries:
        if name.lower() == layer.lower():
            return dataset, name
    known = ", ".join(n for _, n in entries)
    raise ReadError(
        path, translate("ReadError", "it has no layer called '{layer}'").format(layer=layer),
        hint=translate("ReadError", "Layers in this file: {names}.").format(names=known),
    )
