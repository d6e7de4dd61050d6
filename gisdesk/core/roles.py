"""Who may change what: user profiles and the role rules the edit session enforces.

The UI greys out what a role may not do, but the rule lives here so the CLI, scripts and a
tampered UI hit the same wall: viewers change nothing, editors change the layers their OPD
(department) owns and inspect those assets, admins change everything.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from gisdesk.core.definitions import Catalog, LayerDef
from gisdesk.i18n import language, translate

Role = Literal["viewer", "editor", "admin"]
ROLES: tuple[Role, ...] = ("viewer", "editor", "admin")
_CTX = "Roles"


@dataclass(frozen=True)
class Profile:
    """The person at the keyboard: recorded in the audit trail and checked on every edit."""

    name: str
    opd: str
    role: Role

    def to_dict(self) -> dict[str, str]:
        """Plain mapping for settings files and journals."""
        return {"name": self.name, "opd": self.opd, "role": self.role}

    @classmethod
    def from_dict(cls, data: dict[str, str]) -> Profile:
        """Inverse of :meth:`to_dict`."""
        return cls(name=data["name"], opd=data["opd"], role=data["role"])  # type: ignore[arg-type]


def make_profile(name: str, opd: str, role: str, catalog: Catalog) -> Profile:
    """Build a profile, refusing an unknown role or an OPD not in the shared ``opd`` domain."""
    if not name.strip():
        raise ValueError(translate("Roles", "A user profile needs a name."))
    if role not in ROLES:
        raise ValueError(
            translate("Roles", "Unknown role '{role}'; choose one of: {roles}.").format(
                role=role, roles=", ".join(ROLES)
            )
        )
    domain = catalog.domains.get("opd")
    codes = domain.codes() if domain else []
    if opd not in codes:
        raise ValueError(
            translate("Roles", "Unknown department (OPD) '{opd}'; choose one of: {codes}.").format(
                opd=opd, codes=", ".join(str(c) for c in codes)
            )
        )
    return Profile(name=name.strip(), opd=opd, role=role)  # type: ignore[arg-type]


def can_edit(profile: Profile, layer: LayerDef) -> bool:
    """True when ``profile`` may change features of ``layer`` (or inspect its assets)."""
    if profile.role == "admin":
        return True
    if profile.role == "editor":
        return layer.owner is not None and layer.owner == profile.opd
    return False


def check_can_edit(profile: Profile, layer: LayerDef) -> None:
    """Raise PermissionError, saying why, when ``profile`` may not edit ``layer``."""
    if can_edit(profile, layer):
        return
    if profile.role == "viewer":
        text = translate("Roles", "{user} has the viewer role and cannot edit '{layer}'.")
    else:
        text = translate(
            "Roles", "{user} ({opd}) cannot edit '{layer}': it is owned by {owner}."
        )
    owner = layer.owner or translate("Roles", "administrators")
    raise PermissionError(  # the layer as the user knows it: its title in the UI language
        text.format(user=profile.name, opd=profile.opd, layer=layer.title.get(language()),
                    owner=owner)
    )
