"""The planner's knobs: risk weights, design lives and unit replacement costs.

Everything a planner may want to argue about in a budget meeting lives in one plain dataclass
with sensible defaults for Kota Gorontalo, so it can be edited in a dialog, saved with the
project (``planning`` section of the ``.gdproj``) and passed to ``gisdesk plan --weights``.
Unknown keys in saved data are ignored and missing ones take the default, so an old project
file keeps opening after a new knob is added.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

from gisdesk.i18n import translate

SCHEMA_VERSION = 1

DESIGN_LIFE_BY_MATERIAL: dict[str, float] = {
    "PVC": 50, "HDPE": 60, "DI": 80, "CI": 70, "STEEL": 50, "AC": 50,
    # drains
    "CONCRETE": 50, "MASONRY": 40, "EARTH": 15,
}
"""Years a pipe or drain of each material is expected to last."""

DESIGN_LIFE_BY_SURFACE: dict[str, float] = {
    "ASPHALT": 15, "CONCRETE": 30, "PAVING": 20, "GRAVEL": 8, "EARTH": 5,
}
"""Years a road surface lasts before it needs rebuilding (not resealing)."""

COST_PER_M_BY_DIAMETER: list[tuple[float, float]] = [
    (100, 750_000), (200, 1_500_000), (300, 2_500_000), (500, 4_000_000), (1500, 7_000_000),
]
"""Rupiah per metre of main: ``(largest diameter in mm, cost)``, smallest band first."""

COST_PER_M2_BY_SURFACE: dict[str, float] = {
    "ASPHALT": 450_000, "CONCRETE": 900_000, "PAVING": 350_000, "GRAVEL": 150_000,
    "EARTH": 100_000,
}
"""Rupiah per square metre of carriageway rebuilt, by surface."""

ROAD_CLASS_SCORE: dict[str, float] = {"ARTERIAL": 5, "COLLECTOR": 3, "LOCAL": 1}
"""Consequence of a road failing by its class (1 = little, 5 = severe)."""


@dataclass
class RiskWeights:
    """How likelihood and consequence are made up, and what things cost.

    Likelihood is the weighted mean of three 1-5 scores (condition, age against design life,
    recent defects); consequence the weighted mean of a service score (customers cut off for
    mains, road class and lanes for roads) and a critical-facilities score. Risk is their
    product, 1-25.
    """

    condition: float = 0.5
    age: float = 0.3
    defects: float = 0.2
    service: float = 0.6
    critical: float = 0.4
    defect_years: int = 3
    critical_distance_m: float = 100.0
    critical_uses: list[str] = field(default_factory=lambda: ["HOSPITAL", "SCHOOL"])
    customers_per_point: float = 50.0
    default_design_life: float = 40.0
    default_road_width_m: float = 6.0
    cost_per_m_other: float = 1_000_000.0
    as_of_year: int | None = None
    design_life: dict[str, float] = field(default_factory=lambda: dict(DESIGN_LIFE_BY_MATERIAL))
    surface_life: dict[str, float] = field(default_factory=lambda: dict(DESIGN_LIFE_BY_SURFACE))
    cost_per_m_by_diameter: list[tuple[float, float]] = field(
        default_factory=lambda: list(COST_PER_M_BY_DIAMETER))
    cost_per_m2_by_surface: dict[str, float] = field(
        default_factory=lambda: dict(COST_PER_M2_BY_SURFACE))
    road_class_score: dict[str, float] = field(default_factory=lambda: dict(ROAD_CLASS_SCORE))

    def __post_init__(self) -> None:
        for name in ("condition", "age", "defects", "service", "critical"):
            if getattr(self, name) < 0:
                msg = translate("Planning", "Weight '{0}' must be 0 or more, got {1}")
                raise ValueError(msg.format(name, getattr(self, name)))
        if self.condition + self.age + self.defects <= 0:
            raise ValueError(translate("Planning",
                                       "At least one likelihood weight must be above 0"))
        if self.service + self.critical <= 0:
            raise ValueError(translate("Planning",
                                       "At least one consequence weight must be above 0"))
        self.cost_per_m_by_diameter = sorted((float(d), float(c))
                                             for d, c in self.cost_per_m_by_diameter)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data, with the format version."""
        data = asdict(self)
        data["cost_per_m_by_diameter"] = [list(p) for p in self.cost_per_m_by_diameter]
        return {"schema_version": SCHEMA_VERSION, **data}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None, source: str = "weights") -> RiskWeights:
        """Weights from saved data; missing keys take defaults, unknown keys are ignored.

        Raises
        ------
        ValueError
            Naming ``source`` and the key when a value has the wrong type or is negative.
        """
        if not data:
            return cls()
        if not isinstance(data, dict):
            raise ValueError(translate("Planning", "{0}: expected an object of weights")
                             .format(source))
        known = {f.name: f for f in fields(cls)}
        kwargs: dict[str, Any] = {}
        for key, value in data.items():
            if key not in known:
                continue
            default = getattr(cls(), key)
            try:
                kwargs[key] = _coerce(value, default)
            except (TypeError, ValueError) as exc:
                msg = translate("Planning", "{0}: '{1}' has a bad value {2!r} ({3})")
                raise ValueError(msg.format(source, key, value, exc)) from None
        try:
            return cls(**kwargs)
        except ValueError as exc:
            raise ValueError(f"{source}: {exc}") from None


def _coerce(value: Any, default: Any) -> Any:
    """``value`` converted to the type of ``default`` (so JSON ints work for floats)."""
    if default is None:
        return None if value is None else int(value)
    if isinstance(default, dict):
        return {str(k): float(v) for k, v in dict(value).items()}
    if isinstance(default, list):
        if default and isinstance(default[0], tuple):
            return [(float(a), float(b)) for a, b in value]
        return [str(v) for v in value]
    return type(default)(value)
