"""Chart axes whose tick labels follow the UI language: 5.000.000.000 and 0,5 in Indonesian.

pyqtgraph writes ticks the C way (``5e+09``, ``2.5``), which reads wrong next to the rest of an
Indonesian screen. Whole numbers below 10 000 keep no thousands separator, as elsewhere in the
app, so years read 2027, not 2.027.
"""

from __future__ import annotations

import math

import pyqtgraph as pg

from gisdesk.ui.i18n import format_number

_GROUP_FROM = 10_000


def tick_text(value: float, spacing: float, integer: bool = False) -> str:
    """One tick label: as many decimals as the tick spacing needs, blank for a half class."""
    if integer and abs(value - round(value)) > 1e-9:
        return ""  # classes and years have no 2,5
    decimals = 0 if spacing >= 1 or spacing <= 0 else min(6, math.ceil(-math.log10(spacing)))
    if decimals == 0:
        return format_number(round(value), group=abs(value) >= _GROUP_FROM)
    return format_number(float(value), decimals, group=abs(value) >= _GROUP_FROM)


class LocaleAxisItem(pg.AxisItem):
    """An axis with locale-formatted ticks; ``integer=True`` labels whole numbers only."""

    def __init__(self, orientation: str, integer: bool = False, **kwargs: object) -> None:
        super().__init__(orientation, **kwargs)
        self.integer = integer

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        return [tick_text(v * scale, spacing * scale, self.integer) for v in values]
