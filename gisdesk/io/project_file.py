"""The ``.gdproj`` project file: which data a project shows, in what order and how.

A project file stores only references and display state (sources, order, visibility,
opacity, extent, CRS), never feature data, so it stays small and can be mailed around with the
data folder. Sources are stored relative to the project file where possible, so a colleague
can copy the whole folder to another drive and it still opens. Titles are not stored: they come
from the layer definitions in the user's language, which keeps the file language-independent.

The file is JSON with a ``schema_version``; older versions are upgraded by the functions in
:data:`MIGRATIONS` before parsing, and the fixtures of old versions stay in the tests.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gisdesk.core.crs import assign_crs
from gisdesk.core.definitions import Catalog
from gisdesk.core.layer import DataSource, MapLayer
from gisdesk.core.project import DEFAULT_CRS, Extent, Project
from gisdesk.i18n import translate
from gisdesk.io.readers import read_layer

SCHEMA_VERSION = 1
EXTENSION = ".gdproj"
FORMAT_NAME = "gisdesk-project"


class ProjectFileError(Exception):
    """A project file that cannot be read; the message names the file and what is wrong."""


@dataclass(frozen=True)
class LayerEntry:
    """One layer of a project file, with its source resolved to an absolute path."""

    name: str
    source: DataSource
    visible: bool = True
    opacity: float = 1.0
    crs: str | None = None
    """Declared with *Set CRS* (the file has none or a wrong one); None: the file's own."""


@dataclass
class ProjectFile:
    """The parsed content of a project file (what to load, not the loaded data)."""

    crs: str = DEFAULT_CRS
    extent: Extent | None = None
    layers: list[LayerEntry] = field(default_factory=list)
    planning: dict[str, Any] = field(default_factory=dict)
    saved_queries: list[dict[str, Any]] = field(default_factory=list)


def _migrate_0_to_1(data: dict[str, Any]) -> dict[str, Any]:
    """Version 0 (the pre-release draft) kept ``path``/``sublayer`` flat on each layer."""
    layers = []
    for old in data.get("layers", []):
        entry = dict(old)
        entry["source"] = {"path": entry.pop("path", ""), "layer": entry.pop("sublayer", None)}
        layers.append(entry)
    return {**data, "layers": layers, "schema_version": 1}


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {0: _migrate_0_to_1}
"""``MIGRATIONS[v]`` turns a version-``v`` document into a version ``v + 1`` document."""


def _relative_if_possible(path: Path, base: Path) -> str:
    """``path`` relative to ``base`` (POSIX slashes), or absolute when on another drive."""
    try:
        return Path(os.path.relpath(path.resolve(), base.resolve())).as_posix()
    except ValueError:  # Windows: different drive letters have no relative path
        return path.resolve().as_posix()


def project_to_dict(project: Project, base_dir: Path) -> dict[str, Any]:
    """The JSON document for ``project``; sources relative to ``base_dir`` where possible.

    Layers without a file source (e.g. made by an analysis and never saved) cannot be
    restored, so they are left out rather than written as a broken reference.
    """
    layers = [
        {
            "name": layer.name,
            "source": {
                "path": _relative_if_possible(layer.source.path, base_dir),
                "layer": layer.source.layer,
            },
            "visible": layer.visible,
            "opacity": round(layer.opacity, 4),
            **({"crs": layer.declared_crs} if layer.declared_crs else {}),
        }
        for layer in project.layers
        if layer.source is not None
    ]
    return {
        "format": FORMAT_NAME,
        "schema_version": SCHEMA_VERSION,
        "crs": project.crs,
        "extent": list(project.extent) if project.extent is not None else None,
        "layers": layers,
        "planning": dict(project.planning),
        "saved_queries": list(project.saved_queries),
    }


def save_project(project: Project, path: Path) -> None:
    """Write ``project`` to ``path`` atomically (a crash never leaves half a file)."""
    path = Path(path)
    doc = project_to_dict(project, path.parent)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    tmp.replace(path)


def migrate(data: dict[str, Any], path: Path) -> dict[str, Any]:
    """Upgrade ``data`` to :data:`SCHEMA_VERSION`, or explain why it cannot be opened."""
    version = data.get("schema_version", 0)
    if not isinstance(version, int) or version < 0:
        raise ProjectFileError(
            f"{path}: " + translate("ProjectFile", "schema_version must be a whole number")
        )
    if version > SCHEMA_VERSION:
        raise ProjectFileError(
            f"{path}: "
            + translate(
                "ProjectFile",
                "made by a newer GIS Desk (project version {found}, this one reads up to "
                "{supported}); please update GIS Desk",
            ).format(found=version, supported=SCHEMA_VERSION)
        )
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version = data["schema_version"]
    return data


def _parse_extent(value: Any, path: Path) -> Extent | None:
    if value is None:
        return None
    if not (isinstance(value, list) and len(value) == 4):
        raise ProjectFileError(
            f"{path}: extent: " + translate("ProjectFile", "expected [minx, miny, maxx, maxy]")
        )
    try:
        minx, miny, maxx, maxy = (float(v) for v in value)
    except (TypeError, ValueError) as exc:
        raise ProjectFileError(f"{path}: extent: {exc}") from exc
    return (minx, miny, maxx, maxy)


def _parse_layer(raw: Any, index: int, path: Path) -> LayerEntry:
    where = f"{path}: layers[{index}]"
    if not isinstance(raw, dict) or not isinstance(raw.get("source"), dict):
        raise ProjectFileError(f"{where}: " + translate("ProjectFile", "missing 'source'"))
    src = raw["source"]
    if not src.get("path"):
        raise ProjectFileError(f"{where}: source.path " + translate("ProjectFile", "is empty"))
    src_path = Path(src["path"])
    if not src_path.is_absolute():
        src_path = (path.parent / src_path).resolve()
    name = raw.get("name") or src.get("layer") or src_path.stem
    try:
        opacity = max(0.0, min(1.0, float(raw.get("opacity", 1.0))))
    except (TypeError, ValueError) as exc:
        raise ProjectFileError(f"{where} ({name}): opacity: {exc}") from exc
    return LayerEntry(
        name=str(name),
        source=DataSource(src_path, src.get("layer")),
        visible=bool(raw.get("visible", True)),
        opacity=opacity,
        crs=str(raw["crs"]) if raw.get("crs") else None,
    )


def read_project_file(path: Path) -> ProjectFile:
    """Parse and migrate a project file without loading any layer data.

    Raises
    ------
    ProjectFileError
        When the file is missing, is not JSON, is not a GIS Desk project, or has a bad entry;
        the message names the file and, for layers, the entry.
    """
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ProjectFileError(f"{path}: {exc.strerror or exc}") from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ProjectFileError(
            f"{path}: " + translate("ProjectFile", "not a GIS Desk project file") + f" ({exc})"
        ) from exc
    if not isinstance(data, dict) or data.get("format", FORMAT_NAME) != FORMAT_NAME:
        raise ProjectFileError(
            f"{path}: " + translate("ProjectFile", "not a GIS Desk project file")
        )
    data = migrate(data, path)
    layers = data.get("layers", [])
    if not isinstance(layers, list):
        raise ProjectFileError(f"{path}: layers: " + translate("ProjectFile", "expected a list"))
    return ProjectFile(
        crs=str(data.get("crs") or DEFAULT_CRS),
        extent=_parse_extent(data.get("extent"), path),
        layers=[_parse_layer(raw, i, path) for i, raw in enumerate(layers)],
        planning=_parse_section(data, "planning", dict, path),
        saved_queries=_parse_section(data, "saved_queries", list, path),
    )


def _parse_section(data: dict[str, Any], key: str, kind: type, path: Path) -> Any:
    """An optional section (absent in older files: empty), checked for its JSON type."""
    value = data.get(key)
    if value is None:
        return kind()
    if not isinstance(value, kind):
        expected = (translate("ProjectFile", "expected a list") if kind is list
                    else translate("ProjectFile", "expected an object"))
        raise ProjectFileError(f"{path}: {key}: {expected}")
    return value


LayerReader = Callable[[DataSource, Catalog, str], MapLayer]
"""Reads one source into a layer in the given CRS (the app passes :mod:`gisdesk.io.readers`)."""


def read_source(source: DataSource, catalog: Catalog, target_crs: str) -> MapLayer:
    """Read one project source into the project CRS with :mod:`gisdesk.io.readers`."""
    return read_layer(source.path, source.layer, catalog=catalog, target_crs=target_crs)


def load_project(
    path: Path, catalog: Catalog, reader: LayerReader = read_source
) -> tuple[Project, list[str]]:
    """Build a :class:`Project` from a project file, reading every layer's data.

    A missing or unreadable source does not stop the others: its message (naming the file
    and layer) is returned so the user sees what to relink, and the rest of the project opens.
    """
    spec = read_project_file(path)
    project = Project(catalog=catalog, crs=spec.crs, planning=spec.planning,
                      saved_queries=spec.saved_queries)
    errors: list[str] = []
    for entry in spec.layers:
        try:
            layer = reader(entry.source, catalog, spec.crs)
        except Exception as exc:  # any reader failure is reported, not fatal
            errors.append(f"{entry.source.describe()} ({entry.name}): {exc}")
            continue
        layer.name = entry.name
        layer.visible = entry.visible
        layer.opacity = entry.opacity
        if entry.crs:
            try:
                assign_crs(layer, entry.crs, spec.crs)
            except ValueError as exc:  # the layer still opens, where its file puts it
                errors.append(f"{entry.source.describe()} ({entry.name}): {exc}")
        project.add_layer(layer)
    if spec.extent is not None:
        project.set_extent(spec.extent)
    return project, errors
