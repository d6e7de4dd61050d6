"""Interactive web maps as one self-contained HTML file, for laptops without internet.

Built with folium (map, layer control, optional basemap) around a small runtime of our own
(``resources/web/gisdesk-webmap.js``) that draws each layer from compact data with the layer
symbology and builds popups on click. Leaflet and the runtime are inlined
(:mod:`gisdesk.export.webmap_assets`), so the page draws with the network off.

>>> from gisdesk.export.webmap import export_web_map
>>> result = export_web_map(project, "roads.html", title="Jalan", lang="id")  # doctest: +SKIP
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import folium
from branca.element import MacroElement
from jinja2 import Template

from gisdesk.core.definitions import Catalog, default_catalog
from gisdesk.core.layer import MapLayer
from gisdesk.core.project import Project
from gisdesk.export import webmap_page as page
from gisdesk.export.webmap_assets import RawHtml, inline_assets
from gisdesk.export.webmap_data import LayerPayload, prepare_layer
from gisdesk.paths import ensure_parent

DEFAULT_MAX_FEATURES = 20_000
"""Per layer; beyond this a browser on an office laptop becomes sluggish with SVG paths."""

CANVAS_ABOVE_FEATURES = 5_000
"""Above this many features in total the map draws on a canvas instead of SVG (much faster)."""

FIT_PADDING_PX = 16
"""Free pixels around the data in the initial view, beyond the room kept for the panels."""

POINT_ZOOM = 16
"""Initial zoom when the data is a single point (or points at one place): about 1:9 000 in
Indonesia, a few street blocks around it; Leaflet would otherwise zoom in to its maximum."""

ZOOM_SNAP = 0.25
"""Quarter zoom steps, so the initial view fits the data closely instead of up to half the
map's width smaller (whole zoom levels double the scale)."""

BASEMAPS = {"osm": ("OpenStreetMap", None)}


@dataclass(frozen=True)
class LayerSummary:
    """How one layer went into the page."""

    name: str
    total: int
    shown: int
    simplified_m: float | None


@dataclass
class WebMapResult:
    """What :func:`export_web_map` wrote, and messages about anything left out."""

    path: Path
    layers: list[LayerSummary] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    size_bytes: int = 0


class _Script(MacroElement):
    """A script in folium's tree that never goes through Jinja.

    ``MacroElement.render`` re-wraps every rendered script in an ``Element``, which compiles it
    as a Jinja template: attribute text such as ``{{ 7*7 }}`` would be evaluated, and a city's
    data costs seconds to lex. Subclasses give the literal script; it is added as raw text.
    """

    def __init__(self) -> None:
        super().__init__()
        self._template = Template("")

    def script_text(self) -> str:
        """The JavaScript to add after the map is created."""
        raise NotImplementedError

    def render(self, **kwargs: object) -> None:
        """Add the literal script to the page, then render children as folium does."""
        self.get_root().script.add_child(RawHtml(self.script_text()), name=self.get_name())
        super().render(**kwargs)


class _VectorLayer(_Script):
    """One GIS Desk layer, drawn by the inlined runtime from its compact JSON."""

    def __init__(self, payload: LayerPayload, lang: str) -> None:
        super().__init__()
        self._name = "GisdeskLayer"
        self.control_name = f"{payload.title} ({page.format_count(payload.shown, lang)})"
        self.data = payload.script_json

    def script_text(self) -> str:
        """Create the layer and add it to the map."""
        map_name = self._parent.get_name()
        return (f"var {self.get_name()} = gisdesk.vectorLayer({self.data}, {map_name})"
                f".addTo({map_name});")


class _LayerList(_Script):
    """Leaflet's layer control listing the vector layers (and the optional basemap)."""

    def __init__(self, entries: list[tuple[str, str]]) -> None:
        super().__init__()
        self._name = "GisdeskLayerList"
        self.entries = entries

    def script_text(self) -> str:
        """``L.control.layers`` with every layer as a tickable overlay, expanded."""
        items = ",".join(f"{_js_text(label)}: {var}" for label, var in self.entries)
        return (f"L.control.layers({{}}, {{{items}}}, {{collapsed: false}})"
                f".addTo({self._parent.get_name()});")


class _PageLayout(_Script):
    """Metric scale bar, legend and notices docked in the map's corners, initial view.

    Runs after the layers and the layer list so the runtime can measure them: the legend and
    notices become Leaflet controls (stacked, never over the scale bar or the attribution) and
    the view is fitted to the data with room kept for the panels.
    """

    def __init__(self, bounds: list[list[float]] | None) -> None:
        super().__init__()
        self._name = "GisdeskLayout"
        self.bounds = bounds

    def script_text(self) -> str:
        """``gisdesk.layoutPage(map, options)``."""
        options = {"bounds": self.bounds, "padding": FIT_PADDING_PX,
                   "maxZoom": POINT_ZOOM if _is_point(self.bounds) else None}
        return f"gisdesk.layoutPage({self._parent.get_name()}, {json.dumps(options)});"


def _is_point(bounds: list[list[float]] | None) -> bool:
    """True when [[south, west], [north, east]] has no extent (one point, or points stacked)."""
    return bounds is not None and bounds[0] == bounds[1]


def _js_text(text: str) -> str:
    """A JavaScript string literal that is safe inside ``<script>``."""
    return json.dumps(text).replace("</", "<\\/")


def _layers_and_catalog(
    source: Project | Sequence[MapLayer], catalog: Catalog | None
) -> tuple[list[MapLayer], Catalog]:
    if isinstance(source, Project):
        return [lyr for lyr in source.layers if lyr.visible], catalog or source.catalog
    return list(source), catalog or default_catalog()


def _add_basemap(m: folium.Map, basemap: str | None, lang: str) -> list[tuple[str, str]]:
    """An online tile layer, switched off: it only loads if the user ticks it."""
    if basemap is None:
        return []
    tiles, attr = BASEMAPS.get(basemap, (basemap, "basemap"))
    layer = folium.TileLayer(tiles, attr=attr, overlay=True, show=False, control=False)
    layer.add_to(m)
    return [(page.page_text("basemap", lang), layer.get_name())]


def export_web_map(
    project_or_layers: Project | Sequence[MapLayer],
    out_path: Path | str,
    *,
    title: str,
    lang: str = "en",
    max_features: int = DEFAULT_MAX_FEATURES,
    basemap: str | None = None,
    subtitle: str | None = None,
    catalog: Catalog | None = None,
    scale_ranges: bool = True,
) -> WebMapResult:
    """Write an offline interactive map of the layers to ``out_path`` (one HTML file).

    Parameters
    ----------
    project_or_layers
        A project (its visible layers, in drawing order) or map layers bottom-first.
    title, subtitle
        Shown at the top of the page and as the browser tab title.
    lang
        "en" or "id": popups, legend and notices use this language's labels.
    max_features
        Per-layer cap; larger layers keep an evenly spaced subset and the page says so.
    basemap
        None (default, fully offline), "osm", or an XYZ tile URL template; added switched off.
    catalog
        Definitions for labels and domains; defaults to the project's or the shipped catalog.
    scale_ranges
        Hide layers outside their definition's scale range as the desktop does (valves appear
        only when zoomed in); False shows every layer at every zoom.

    Returns
    -------
    WebMapResult
        Per-layer counts and the messages also shown in the page.
    """
    layers, catalog = _layers_and_catalog(project_or_layers, catalog)
    other = page.page_text("other", lang)
    payloads = [
        p for p in (prepare_layer(lyr, catalog, lang, max_features, other, scale_ranges)
                  for lyr in layers)
        if p is not None
    ]
    total_shown = sum(p.shown for p in payloads)
    m = folium.Map(tiles=None, control_scale=False, zoom_snap=ZOOM_SNAP,
                   prefer_canvas=total_shown > CANVAS_ABOVE_FEATURES)
    m.get_root().title = html.escape(title)
    inline_assets(m)
    entries = _add_basemap(m, basemap, lang)
    for payload in payloads:
        layer = _VectorLayer(payload, lang).add_to(m)
        entries.append((layer.control_name, layer.get_name()))
    _LayerList(entries).add_to(m)
    _PageLayout(_union_bounds(payloads) if payloads else None).add_to(m)
    messages = page.notices(payloads, lang)
    html_root = m.get_root().html
    html_root.add_child(page.title_element(title, subtitle), name="gd_title")
    html_root.add_child(page.legend_element(payloads, lang), name="gd_legend")
    notice = page.notice_element(messages)
    if notice is not None:
        html_root.add_child(notice, name="gd_notice")
    path = Path(out_path)
    ensure_parent(path)
    text = m.get_root().render()
    path.write_text(text, encoding="utf-8")
    summaries = [LayerSummary(p.name, p.total, p.shown, p.simplified_m) for p in payloads]
    return WebMapResult(path, summaries, messages, len(text.encode("utf-8")))


def _union_bounds(payloads: Sequence[LayerPayload]) -> list[list[float]]:
    """[[south, west], [north, east]] around every layer."""
    minx = min(p.bounds[0] for p in payloads)
    miny = min(p.bounds[1] for p in payloads)
    maxx = max(p.bounds[2] for p in payloads)
    maxy = max(p.bounds[3] for p in payloads)
    return [[miny, minx], [maxy, maxx]]
