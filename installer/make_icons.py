"""Render the GIS Desk icon set from ``resources/icons/gisdesk.svg``.

Writes ``gisdesk-<N>.png`` for every size a desktop asks for (16 … 512) and a multi-size
``gisdesk.ico`` for Windows (the .exe, the installer and the Start-menu shortcut).

Why Qt renders the SVG: PySide6 is already a dependency and its QtSvg module draws the same
SVG subset the app's window icon uses, so the PNGs match what users see in the title bar; no
extra native library (cairo, rsvg) is needed on a build machine. Pillow only packs the PNGs
into the .ico, because Qt's ICO writer stores a single size.

Run it after editing the SVG::

    .venv/bin/python installer/make_icons.py            # rewrite the PNGs and the ICO
    .venv/bin/python installer/make_icons.py --check    # exit 1 if they are stale
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SVG = ICONS / "gisdesk.svg"
PNG_SIZES: tuple[int, ...] = (16, 24, 32, 48, 64, 128, 256, 512)
# Windows shows at most 256 px from an .ico; larger entries only bloat the .exe.
ICO_SIZES: tuple[int, ...] = (16, 24, 32, 48, 64, 128, 256)


def render_png(svg: Path, size: int) -> bytes:
    """Return the SVG drawn on a transparent ``size``×``size`` canvas, encoded as PNG."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt  # noqa: PLC0415
    from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: PLC0415
    from PySide6.QtSvg import QSvgRenderer  # noqa: PLC0415

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def build_ico(pngs: dict[int, bytes]) -> bytes:
    """Pack the rendered PNGs into one multi-resolution Windows .ico."""
    from PIL import Image  # noqa: PLC0415

    images = [Image.open(io.BytesIO(pngs[s])).convert("RGBA") for s in ICO_SIZES]
    out = io.BytesIO()
    largest = images[-1]
    largest.save(
        out,
        format="ICO",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=images[:-1],
    )
    return out.getvalue()


def expected_files(svg: Path = SVG) -> dict[Path, bytes]:
    """Every icon file and the bytes it should hold for the current SVG."""
    pngs = {size: render_png(svg, size) for size in PNG_SIZES}
    files = {svg.parent / f"gisdesk-{size}.png": data for size, data in pngs.items()}
    files[svg.parent / "gisdesk.ico"] = build_ico(pngs)
    return files


def stale_files(svg: Path = SVG) -> list[Path]:
    """Icon files that are missing or older than the SVG (a cheap check for the build script)."""
    svg_time = svg.stat().st_mtime
    names = [f"gisdesk-{s}.png" for s in PNG_SIZES] + ["gisdesk.ico"]
    paths = [svg.parent / name for name in names]
    return [p for p in paths if not p.is_file() or p.stat().st_mtime < svg_time]


def main(argv: list[str] | None = None) -> int:
    """Write the icon set, or with ``--check`` report stale files and exit 1."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale icons")
    args = parser.parse_args(argv)
    if args.check:
        stale = stale_files()
        for path in stale:
            print(f"stale: {path.relative_to(ROOT)}")
        return 1 if stale else 0
    for path, data in expected_files().items():
        path.write_bytes(data)
        print(f"wrote {path.relative_to(ROOT)} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
