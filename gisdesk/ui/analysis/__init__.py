"""Analysis UI: expression builder, location queries, nearest, summaries, network tools, risk.

:func:`install` adds the Analysis menu and the results dock to a main window; the window calls
it once if this package is present.
"""

from __future__ import annotations

from typing import Any

from gisdesk.ui.analysis.analysis_ui import AnalysisUi


def install(window: Any) -> AnalysisUi:
    """Add the Analysis menu, the network map tools and the results dock to ``window``."""
    return AnalysisUi(window)
