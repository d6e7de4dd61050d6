"""Errors raised while opening vector data, phrased for the person who picked the file.

A :class:`ReadError` always names the file (and the layer when there is one), says what went wrong
in plain words and, where we know it, what to do about it. The UI shows ``str(error)`` as is.
"""

from __future__ import annotations

from pathlib import Path

from gisdesk.i18n import QT_TRANSLATE_NOOP, translate


class ReadError(Exception):
    """A file or layer could not be read.

    Parameters
    ----------
    path
        The file the user opened (not the internal GDAL path).
    reason
        What went wrong, in plain words.
    layer
        The layer inside the file, when the problem is about one layer.
    hint
        What the user can do about it, if anything.
    """

    def __init__(
        self, path: Path | str, reason: str, *, layer: str | None = None, hint: str | None = None
    ) -> None:
        self.path = Path(path)
        self.layer = layer
        self.reason = reason
        self.hint = hint
        super().__init__(self._message())

    def _message(self) -> str:
        where = f"{self.path}" + (
            translate("ReadError", " (layer '{layer}')").format(layer=self.layer)
            if self.layer
            else ""
        )
        text = translate("ReadError", "Cannot read {where}: {reason}").format(
            where=where, reason=self.reason.rstrip(".")
        )
        return f"{text}. {self.hint}" if self.hint else f"{text}."


class ReadCancelled(Exception):  # noqa: N818 - it is a signal, not a failure
    """The user cancelled a read; nothing was loaded."""


# Messages are marked for lupdate with QT_TRANSLATE_NOOP; explain() translates them when shown.
_SYNTAX = QT_TRANSLATE_NOOP(
    "ReadError", "the file is damaged or incomplete (it does not follow the format's syntax)")
_REEXPORT = QT_TRANSLATE_NOOP(
    "ReadError", "Copy the file again or re-export it from the program that made it.")
_PARQUET = (
    QT_TRANSLATE_NOOP(
        "ReadError", "this GIS Desk build cannot read (Geo)Parquet"),
    QT_TRANSLATE_NOOP(
        "ReadError", "Convert it to GeoPackage (e.g. with ogr2ogr) and open that."),
)
_NOT_UTF8 = (
    QT_TRANSLATE_NOOP(
        "ReadError", "its text is not in UTF-8"),
    QT_TRANSLATE_NOOP(
        "ReadError", "Re-save the file as UTF-8 (GeoJSON must be UTF-8)."),
)

# (substring of the GDAL/pyogrio message, plain reason, what to do). First match wins.
_KNOWN: tuple[tuple[str, str, str], ...] = (
    ("libduckdb", *_PARQUET),
    ("parquet", *_PARQUET),
    (
        "no such file",
        QT_TRANSLATE_NOOP(
            "ReadError", "the file does not exist or cannot be opened"),
        QT_TRANSLATE_NOOP(
            "ReadError",
            "Check the path and that the file (and, for a Shapefile, its .shx/.dbf) is there."),
    ),
    (
        "permission denied",
        QT_TRANSLATE_NOOP(
            "ReadError", "GIS Desk is not allowed to read it"),
        QT_TRANSLATE_NOOP(
            "ReadError",
            "Ask your administrator for read access or copy the file to your own folder."),
    ),
    (
        ".shx",
        QT_TRANSLATE_NOOP(
            "ReadError", "the Shapefile's index file (.shx) is missing or damaged"),
        QT_TRANSLATE_NOOP(
            "ReadError", "Copy the .shx file next to the .shp, or re-export the layer."),
    ),
    (
        "not recognized as being in a supported file format",
        QT_TRANSLATE_NOOP(
            "ReadError", "it is not a vector format GIS Desk can read, or the file is damaged"),
        QT_TRANSLATE_NOOP(
            "ReadError",
            "Open a GeoPackage, Shapefile, GeoJSON, KML, FlatGeobuf, GML or CSV file; if it is "
            "one, it may be incomplete — copy it again."),
    ),
    ("unicodedecode", *_NOT_UTF8),
    ("not encoded in utf-8", *_NOT_UTF8),
    (
        "unknown wkb type",
        QT_TRANSLATE_NOOP(
            "ReadError", "it holds a geometry type GIS Desk cannot draw (e.g. MultiPatch or TIN)"),
        QT_TRANSLATE_NOOP(
            "ReadError", "Convert the geometries to polygons in the program that made the file."),
    ),
    (
        "failed to read geojson",
        QT_TRANSLATE_NOOP(
            "ReadError", "the file is damaged or incomplete (it is not valid GeoJSON)"),
        _REEXPORT,
    ),
    (
        "unterminated",
        QT_TRANSLATE_NOOP(
            "ReadError", "the file is damaged or incomplete (it ends in the middle of a value)"),
        _REEXPORT,
    ),
    (
        "not well-formed",
        _SYNTAX,
        _REEXPORT,
    ),
    (
        "syntax",
        _SYNTAX,
        _REEXPORT,
    ),
    (
        "parse",
        _SYNTAX,
        _REEXPORT,
    ),
    (
        "parsing",
        _SYNTAX,
        _REEXPORT,
    ),
    (
        "eof",
        QT_TRANSLATE_NOOP(
            "ReadError", "the file is damaged or incomplete (it ends too early)"),
        _REEXPORT,
    ),
    (
        "entit",
        QT_TRANSLATE_NOOP(
            "ReadError", "the file is damaged or unsafe (XML entity expansion)"),
        _REEXPORT,
    ),
    (
        "failed to open",
        QT_TRANSLATE_NOOP(
            "ReadError", "GDAL could not open it"),
        QT_TRANSLATE_NOOP(
            "ReadError", "Check that the file is complete and in a supported vector format."),
    ),
)


def explain(exc: BaseException) -> tuple[str, str | None]:
    """Plain reason and a hint for a pyogrio/GDAL/shapely exception.

    The original message is appended to the reason so support staff still see GDAL's words.
    """
    text = f"{type(exc).__name__}: {exc}"
    lower = text.lower()
    for needle, reason, hint in _KNOWN:
        if needle in lower:
            return translate("ReadError", reason) + f" [{_short(str(exc))}]", translate(
                "ReadError", hint
            )
    return translate("ReadError", "unexpected problem") + f" [{_short(text)}]", translate(
        "ReadError",
        "Check that the file is complete and in a supported vector format; the details in "
        "brackets help support staff.",
    )


def _short(text: str, limit: int = 240) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
