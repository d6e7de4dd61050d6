"""Turning a file the user picked into what GDAL should open.

Most files open as they are. The exceptions are the reason this module exists:

* zipped data whose dataset sits in a sub-folder of the zip (GDAL only looks at the root);
* file names containing ``!``, which pyogrio reads as an "archive!member" separator;
* newline-delimited GeoJSON with an unusual extension (``.seq``), which the plain GeoJSON driver
  reads as one feature — silent data loss unless we ask for the ``GeoJSONSeq:`` driver;
* CSV files, whose geometry column (WKT or X/Y) GDAL only finds when told the candidate names.
"""

from __future__ import annotations

import atexit
import hashlib
import json
import shutil
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

# Column names GDAL should try, in order; GDAL compares them case-insensitively.
WKT_NAMES = ("wkt", "geom", "geometry", "the_geom", "wkb_geometry", "geom_wkt", "shape", "wkt_geom")
X_NAMES = ("x", "lon", "lng", "long", "longitude", "easting", "east", "x_coord", "xcoord", "bujur")
Y_NAMES = ("y", "lat", "latitude", "northing", "north", "y_coord", "ycoord", "lintang")

# Single-file and folder datasets we look for inside a zip whose root GDAL does not recognise.
_ZIP_DATASET_SUFFIXES = (
    ".shp", ".gpkg", ".geojson", ".json", ".geojsonl", ".kml", ".kmz", ".fgb", ".gml", ".csv",
    ".tab", ".mif", ".sqlite", ".gpx", ".dbf",
)
_SEQ_SUFFIXES = (".seq", ".geojsonl", ".geojsons", ".ndjson", ".jsonl", ".json", ".geojson")
MAX_BUFFER_BYTES = 512 * 1024 * 1024
"""Files read into memory (only those with ``!`` in their name) may be at most this big."""


@dataclass(frozen=True)
class Dataset:
    """One GDAL dataset behind a user's file.

    ``source`` is what pyogrio opens (a path string, a /vsi path, or the file's bytes); ``inner``
    names the member of a zip it came from; ``options`` are GDAL dataset open options.
    """

    path: Path
    source: str | bytes
    inner: str | None = None
    options: dict[str, str] = field(default_factory=dict)
    only_layer: str | None = None
    config: dict[str, str] = field(default_factory=dict)

    def gdal_layer(self, name: str) -> str | int:
        """The layer argument for pyogrio: in-memory copies get a random name, so use index 0."""
        return 0 if isinstance(self.source, bytes) else name

    @property
    def is_csv(self) -> bool:
        """CSV data gets a lon/lat guess when it has no CRS (see readers)."""
        name = self.inner or self.path.name
        return name.lower().endswith((".csv", ".tsv"))


def datasets_for(path: Path, root_opens: bool | None = None) -> list[Dataset]:
    """The dataset(s) to open for ``path``; zips may hold several.

    Parameters
    ----------
    path
        The user's file (or folder, e.g. a FileGDB ``.gdb``).
    root_opens
        For zips: whether GDAL recognises the zip root. ``None`` means "try it" (callers pass the
        answer from their own open attempt to avoid double work).
    """
    path = Path(path)
    name = path.name.lower()
    if name.endswith(".zip") and not name.endswith((".gdb.zip", ".shp.zip")):
        return _zip_datasets(path, root_opens)
    if name.endswith((".csv", ".tsv")):
        return [Dataset(path, _plain_source(path), options=csv_options())]
    if name.endswith(_SEQ_SUFFIXES) and path.is_file() and looks_like_geojson_seq(path):
        return [Dataset(path, "GeoJSONSeq:" + _plain_source_str(path))]
    if name.endswith(".shp") and path.is_file() and not _sidecar(path, ".shx"):
        # GDAL rebuilds a missing .shx only by writing it next to the .shp: do that in a copy,
        # never in the user's (possibly read-only, possibly shared) folder.
        copy = _copy_without_shx(path)
        return [Dataset(path, str(copy), config={"SHAPE_RESTORE_SHX": "YES"})]
    if name.endswith(".shp") and "!" in path.name:
        # pyogrio would split the name at "!"; the folder opens fine and holds the sidecars.
        return [Dataset(path, str(path.parent), only_layer=path.stem)]
    source = _plain_source(path)
    options = gml_options() if name.endswith(".gml") else {}
    return [Dataset(path, source, options=options,
                    only_layer=path.stem if isinstance(source, bytes) else None)]


def gml_options() -> dict[str, str]:
    """Open options for GML: never write a ``.gfs`` schema file next to the user's data.

    GDAL's default (``WRITE_GFS=AUTO``) saves the schema it guessed beside the ``.gml`` whenever
    the folder is writable, i.e. into a colleague's or a third party's folder. Without it GDAL
    scans the file again on each open, which for the GML files people open is cheap.
    """
    return {"WRITE_GFS": "NO"}


def csv_options() -> dict[str, str]:
    """Open options that let GDAL find a WKT or X/Y geometry under any common column name."""
    return {
        "GEOM_POSSIBLE_NAMES": ",".join(WKT_NAMES),
        "X_POSSIBLE_NAMES": ",".join(X_NAMES),
        "Y_POSSIBLE_NAMES": ",".join(Y_NAMES),
        "KEEP_GEOM_COLUMNS": "NO",
        "AUTODETECT_TYPE": "YES",
    }


def looks_like_geojson_seq(path: Path, probe: int = 65536) -> bool:
    """True when the file is one GeoJSON object per line (RFC 8142 or newline-delimited)."""
    with path.open("rb") as fh:
        head = fh.read(probe)
    if head.startswith(b"\x1e"):
        return True
    lines = [ln for ln in head.splitlines() if ln.strip()]
    if len(lines) < 2:
        return False
    try:
        first = json.loads(lines[0])
    except (ValueError, UnicodeDecodeError):
        return False
    return isinstance(first, dict) and first.get("type") in ("Feature", "FeatureCollection") and (
        lines[1].lstrip().startswith(b"{")
    )


def _plain_source(path: Path) -> str | bytes:
    """The path for pyogrio, or the file's bytes when pyogrio would misread its name."""
    if "!" not in str(path) or path.is_dir():
        return str(path)
    # pyogrio splits "a!b" into archive and member; the bytes open as an in-memory file.
    if path.stat().st_size > MAX_BUFFER_BYTES:
        return str(path)
    return path.read_bytes()


def _plain_source_str(path: Path) -> str:
    src = _plain_source(path)
    return src if isinstance(src, str) else str(path)


def _zip_datasets(path: Path, root_opens: bool | None) -> list[Dataset]:
    root = Dataset(path, f"/vsizip/{path.resolve().as_posix()}")
    if root_opens is None or root_opens:
        return [root]
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.namelist()
    except (OSError, zipfile.BadZipFile):
        return [root]
    found = _inner_datasets(members)
    return [
        Dataset(
            path,
            f"/vsizip/{path.resolve().as_posix()}/{inner}",
            inner=inner,
            options=csv_options() if inner.lower().endswith(".csv") else {},
        )
        for inner in found
    ] or [root]


def _inner_datasets(members: list[str]) -> list[str]:
    """Dataset paths inside a zip: .gdb folders, and files GDAL can open (one per shapefile)."""
    out: list[str] = []
    gdbs = sorted({_gdb_folder(m) for m in members if _gdb_folder(m)})
    out.extend(gdbs)
    stems_with_shp = {m[:-4].lower() for m in members if m.lower().endswith(".shp")}
    for member in sorted(members):
        lower = member.lower()
        if member.endswith("/") or any(member.startswith(g + "/") for g in gdbs):
            continue
        if "__macosx" in lower or PurePosixPath(member).name.startswith("."):
            continue
        if lower.endswith(".dbf") and lower[:-4] in stems_with_shp:
            continue
        if lower.endswith(_ZIP_DATASET_SUFFIXES):
            out.append(member)
    return out


def _gdb_folder(member: str) -> str:
    parts = PurePosixPath(member).parts
    for i, part in enumerate(parts):
        if part.lower().endswith(".gdb"):
            return "/".join(parts[: i + 1])
    return ""


def _sidecar(path: Path, suffix: str) -> Path | None:
    """The file beside ``path`` with ``suffix`` in any letter case (``.SHX``, ``.shx``)."""
    for candidate in path.parent.glob(path.stem + ".*"):
        if candidate.suffix.lower() == suffix and candidate.stem == path.stem:
            return candidate
    return None


_COPIES: dict[str, Path] = {}


def _copy_without_shx(path: Path) -> Path:
    """Copy a Shapefile's files to a private temporary folder (removed at exit)."""
    stat = path.stat()  # a changed .shp gets a fresh copy
    ident = f"{path.resolve()}|{stat.st_mtime_ns}|{stat.st_size}"
    key = hashlib.sha1(ident.encode(), usedforsecurity=False).hexdigest()[:16]
    if key not in _COPIES:
        folder = Path(tempfile.mkdtemp(prefix="gisdesk-shp-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        for part in path.parent.glob(path.stem + ".*"):
            if part.stem == path.stem and part.is_file():
                shutil.copy2(part, folder / part.name.replace("!", "_"))
        _COPIES[key] = folder / path.name.replace("!", "_")
    return _COPIES[key]
