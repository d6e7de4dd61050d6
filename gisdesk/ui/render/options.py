"""What a caller can ask of one render besides the project and the view."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from gisdesk.core.layer import MapLayer


@dataclass
class RenderOptions:
    """Per-render choices shared by the canvas, ``gisdesk render`` and print layouts.

    Attributes
    ----------
    lang : str
        Language of labels taken from coded-value domains ("en" or "id").
    labels : bool
        Draw map labels (each layer still obeys its ``labeling.max_scale``).
    background : str
        Colour the image is cleared with (``render_image`` only).
    selection : dict[str, np.ndarray] or None
        Layer name -> positional row indices drawn highlighted on top of everything.
    layer_filter : callable or None
        ``layer_filter(layer) -> bool``; layers it rejects are not drawn (print legends,
        ``--layers`` on the command line).
    """

    lang: str = "en"
    labels: bool = True
    background: str = "#f7f5f0"
    selection: dict[str, np.ndarray] | None = None
    layer_filter: Callable[[MapLayer], bool] | None = None
