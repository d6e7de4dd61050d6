"""Offline assets for the web map: Leaflet and GIS Desk's runtime, inlined into the page.

folium's template loads Leaflet, jQuery, Bootstrap and Font Awesome from CDNs; in a council room
without internet that page stays blank. Here the map's CDN lists are emptied and the vendored files
from ``resources/web/`` are written into the page head instead, with the images Leaflet's CSS
refers to turned into data URIs.
"""

from __future__ import annotations

import base64
import re
from functools import cache
from pathlib import Path

import folium
from branca.element import Element

from gisdesk import paths

_CSS_URL = re.compile(r"url\((['\"]?)(images/[^)'\"]+)\1\)")
_EXTERNAL = re.compile(
    r"""(?:\bsrc\s*=\s*["']?|<link\b[^>]*\bhref\s*=\s*["']?|url\(\s*["']?|@import\s+["']?)"""
    r"""((?:https?:)?//[^"')\s>]+)""",
    re.IGNORECASE,
)


class RawHtml(Element):
    """Literal HTML in folium's page tree.

    ``branca.Element(text)`` would compile ``text`` as a Jinja template: slow for 150 kB of
    Leaflet, and wrong for any text containing ``{{``. Here the text is a variable, inserted as is.
    """

    def __init__(self, text: str) -> None:
        super().__init__("{{ this.text }}")
        self.text = text


def web_dir() -> Path:
    """Folder of the vendored web assets."""
    return paths.resources_dir() / "web"


def _read(relative: str) -> str:
    path = web_dir() / relative
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise FileNotFoundError(
            f"web map asset missing: {path} ({exc.strerror}); reinstall GIS Desk"
        ) from exc


def _data_uri(match: re.Match[str]) -> str:
    image = web_dir() / "leaflet" / match.group(2)
    if not image.is_file():  # an unused icon: leave the (relative, offline-harmless) reference
        return match.group(0)
    encoded = base64.b64encode(image.read_bytes()).decode("ascii")
    return f"url(data:image/png;base64,{encoded})"


@cache
def _bundle() -> tuple[str, str]:
    """(CSS, JS) text to inline; read once per process."""
    css = _CSS_URL.sub(_data_uri, _read("leaflet/leaflet.css")) + "\n" + _read("gisdesk-webmap.css")
    js = _read("leaflet/leaflet.js") + "\n" + _read("gisdesk-webmap.js")
    return css, js


def _script_safe(text: str) -> str:
    """Text that cannot end the surrounding ``<script>``/``<style>`` element early."""
    return text.replace("</script", "<\\/script").replace("</style", "<\\/style")


def inline_assets(m: folium.Map) -> None:
    """Replace ``m``'s CDN dependencies by the vendored files, inlined in the page head."""
    m.default_js = []
    m.default_css = []
    css, js = _bundle()
    header = m.get_root().header
    header.add_child(RawHtml(f"<style>{_script_safe(css)}</style>"), name="gisdesk_css")
    header.add_child(RawHtml(f"<script>{_script_safe(js)}</script>"), name="gisdesk_js")


def required_external_urls(page: str) -> list[str]:
    """URLs the page would fetch to draw: scripts, stylesheets, images, CSS ``url()``/``@import``.

    Plain hyperlinks (``<a href>``, Leaflet's attribution link) and the SVG namespace are not
    fetched and are not listed; optional basemap tile URLs live in JavaScript strings and are
    requested only when the user switches the basemap on.
    """
    return sorted(set(_EXTERNAL.findall(page)))
