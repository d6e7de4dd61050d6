"""What the desktop app remembers between sessions: window layout, recent files, last view.

Stored as an INI file in the per-user config folder (``gisdesk.paths.user_config_dir``), not
the platform registry, so an admin can inspect or reset it and tests can redirect it with
``GISDESK_CONFIG_DIR``. Values come back typed; a damaged value reads as "not set" rather
than crashing the start-up.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from gisdesk import paths

RECENT_LIMIT = 10
RECENT_PROJECTS = "recent/projects"
RECENT_FILES = "recent/files"
USER_PROFILE = "user"

Extent = tuple[float, float, float, float]


class AppSettings:
    """Typed access to the app's INI settings file."""

    def __init__(self, path: Path | None = None) -> None:
        # One INI file for the whole app (gisdesk.ui.i18n keeps the language in it too).
        path = path or paths.user_config_dir() / "gisdesk.ini"
        self.qsettings = QSettings(str(path), QSettings.Format.IniFormat)

    def sync(self) -> None:
        """Write pending changes to disk now (QSettings otherwise writes lazily)."""
        self.qsettings.sync()

    # --- recent files -------------------------------------------------------------------------
    def recent(self, key: str) -> list[str]:
        """Recent paths under ``key`` (newest first) that still exist on disk."""
        value = self.qsettings.value(key, [])
        if isinstance(value, str):  # QSettings returns a lone string for one-item lists
            value = [value]
        items = [str(v) for v in value or [] if v]
        return [p for p in items if Path(p).exists()]

    def add_recent(self, key: str, path: str | Path) -> None:
        """Put ``path`` first in the recent list ``key``, dropping duplicates and old entries."""
        text = str(Path(path).resolve())
        items = [p for p in self.recent(key) if p != text]
        self.qsettings.setValue(key, [text, *items][:RECENT_LIMIT])

    # --- window -------------------------------------------------------------------------------
    def window_state(self) -> tuple[QByteArray | None, QByteArray | None]:
        """(geometry, dock/toolbar state) saved by :meth:`set_window_state`, or Nones."""
        geometry = self.qsettings.value("window/geometry")
        state = self.qsettings.value("window/state")
        return (
            geometry if isinstance(geometry, QByteArray) else None,
            state if isinstance(state, QByteArray) else None,
        )

    def set_window_state(self, geometry: QByteArray, state: QByteArray) -> None:
        """Remember the main window's geometry and dock/toolbar layout."""
        self.qsettings.setValue("window/geometry", geometry)
        self.qsettings.setValue("window/state", state)

    # --- map view -----------------------------------------------------------------------------
    def last_extent(self) -> Extent | None:
        """The map extent shown when the app was last closed, or None."""
        value = self.qsettings.value("map/last_extent")
        if isinstance(value, str):
            value = value.split(",")
        try:
            numbers = tuple(float(v) for v in value or [])
        except (TypeError, ValueError):
            return None
        if len(numbers) != 4 or not (numbers[0] < numbers[2] and numbers[1] < numbers[3]):
            return None
        return numbers  # type: ignore[return-value]

    def set_last_extent(self, extent: Extent) -> None:
        """Remember the map extent (minx, miny, maxx, maxy) in the project CRS."""
        self.qsettings.setValue("map/last_extent", [repr(float(v)) for v in extent])

    # --- user profile (editing) ---------------------------------------------------------------
    def user_profile(self) -> dict[str, str] | None:
        """The saved user profile as {name, opd, role}, or None before the first start."""
        values = {k: self.qsettings.value(f"{USER_PROFILE}/{k}") for k in ("name", "opd", "role")}
        if not all(isinstance(v, str) and v for v in values.values()):
            return None
        return values  # type: ignore[return-value]

    def set_user_profile(self, profile: dict[str, str]) -> None:
        """Remember the user profile (name, OPD, role) chosen in the profile dialog."""
        for key in ("name", "opd", "role"):
            self.qsettings.setValue(f"{USER_PROFILE}/{key}", profile[key])
