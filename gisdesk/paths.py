"""Where GIS Desk finds its data folders.

``layers/``, ``resources/`` and ``sample_data/`` sit outside the Python package so that a city can
add an asset type by adding a folder. They are found, in order, in:

1. ``$GISDESK_HOME`` (an explicit override, used by tests and admins);
2. the PyInstaller bundle directory (``sys._MEIPASS``);
3. the source checkout that holds this package (``<repo>/gisdesk/..``);
4. ``<sys.prefix>/share/gisdesk`` where a non-editable ``pip install .`` puts them.

User state (settings, journal, recent files) lives in the platform's per-user directory, never
next to the program, because an office install is usually read-only.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

_MARKER = "layers"


def _candidates() -> list[Path]:
    found: list[Path] = []
    home = os.environ.get("GISDESK_HOME")
    if home:
        found.append(Path(home))
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        found.append(Path(bundle))
    found.append(Path(__file__).resolve().parent.parent)
    found.append(Path(sys.prefix) / "share" / "gisdesk")
    return found


@cache
def data_root() -> Path:
    """Return the folder that holds ``layers/``, ``resources/`` and ``sample_data/``.

    Raises
    ------
    FileNotFoundError
        When no candidate holds a ``layers`` folder; the message lists where it looked so an
        admin can fix the install or set ``GISDESK_HOME``.
    """
    tried = _candidates()
    for root in tried:
        if (root / _MARKER).is_dir():
            return root
    places = ", ".join(str(p) for p in tried)
    raise FileNotFoundError(
        f"GIS Desk data folders not found (looked for '{_MARKER}/' in: {places}). "
        "Reinstall GIS Desk or set GISDESK_HOME to the folder holding layers/ and resources/."
    )


def layers_dir() -> Path:
    """Folder of declarative layer definitions shipped with the program."""
    return data_root() / "layers"


def resources_dir() -> Path:
    """Icons, translations, styles and export templates."""
    return data_root() / "resources"


def sample_data_dir() -> Path:
    """The bundled sample city."""
    return data_root() / "sample_data"


def sample_city_path() -> Path:
    """The GeoPackage the app opens by default."""
    return sample_data_dir() / "gorontalo_sample.gpkg"


def translations_dir() -> Path:
    """Compiled ``.qm`` and source ``.ts`` translation files."""
    return resources_dir() / "translations"


def user_config_dir() -> Path:
    """Per-user folder for settings, journals and user-added layer definitions."""
    override = os.environ.get("GISDESK_CONFIG_DIR")
    if override:
        path = Path(override)
    elif sys.platform == "win32":
        path = Path(os.environ.get("APPDATA", Path.home())) / "GISDesk"
    else:
        base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
        path = Path(base) / "gisdesk"
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigDirError(path, exc) from exc
    return path


class ConfigDirError(OSError):
    """The per-user folder cannot be made: settings and the edit journals live there, so
    nothing should start without it (edits could not be kept safe)."""

    def __init__(self, path: Path, cause: OSError) -> None:
        from gisdesk.i18n import translate  # noqa: PLC0415 - keeps this module import-free

        msg = translate(
            "Paths", "cannot create the settings folder {path} ({why}). GIS Desk keeps your "
            "settings and unsaved edits there: make the folder writable, or set "
            "GISDESK_CONFIG_DIR to a folder you can write to.")
        super().__init__(msg.format(path=path, why=cause.strerror or cause))


def ensure_parent(path: Path | str) -> Path:
    """Create the folders above an output file, as a save dialog's "New folder" would.

    Exports are often written into a folder that does not exist yet (``laporan/2026-05/…``);
    every writer (report, tables, layers, web map, query and trace results, print) calls this
    so they all behave alike. When the folder cannot be made (a file in the way, no permission,
    a read-only disk) the ``OSError`` names the output file and the folder, and nothing is
    written.
    """
    from gisdesk.i18n import translate  # noqa: PLC0415 - keeps this module import-free

    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        blocker = next((p for p in (path.parent, *path.parent.parents)
                        if os.path.lexists(p) and not os.path.isdir(p)), None)
        if blocker is not None:
            msg = translate("Export", "cannot write {0}: {1} is a file, not a folder")
            raise OSError(msg.format(path, blocker)) from exc
        folder = exc.filename or path.parent
        msg = translate("Export", "cannot write {0}: cannot create the folder {1} ({2})")
        raise OSError(msg.format(path, folder, exc.strerror or exc)) from exc
    return path
