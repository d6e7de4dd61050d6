"""Render the GIS Desk icon set from ``resources/icons/gisdesk.svg``.

Writes ``gisdesk-<N>.png`` for every size a desktop asks for (16 … 512) and a multi-size
``gisdesk.ico`` for Windows (the .exe, the installer and the Start-menu shortcut).

Why Qt renders the SVG: PySide6 is already a dependency and its QtSvg module draws the same
SVG subset the app's window icon uses, so the PNGs match what users see in the title bar; no
extra native library (cairo, rsvg) is needed on a build machine. Pillow only packs the PNGs
into the .ico, because Qt's ICO writer stores a single size.

Run it after editing the SVG::

    .venv/bin/python installer/make_icons.py            # rewrite the PNGs and the ICO
    .venv/bin/python installer/make_icons.py --check    # exit 1 if one is missing or misshapen
"""

from __future__ import annotations

import argparse
import io
import os
import struct
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


def ico_sizes(data: bytes) -> set[int]:
    """The square sizes stored in an .ico file, read from its directory (no Pillow needed)."""
    reserved, kind, count = struct.unpack_from("<HHH", data, 0)
    if reserved != 0 or kind != 1:
        raise ValueError("not an .ico file")
    sizes = set()
    for i in range(count):
        width, height = struct.unpack_from("<BB", data, 6 + 16 * i)
        if width == height:
            sizes.add(width or 256)  # 0 means 256 in the ICO directory
    return sizes


def icon_problems(folder: Path = ICONS) -> list[str]:
    """What is missing or wrong in the committed icon set (sizes, not pixels).

    The check is about presence and dimensions, not bytes: PNG encoders of different Qt
    versions differ, and a build must not rewrite tracked files just because it ran elsewhere.
    It needs only Qt (a dependency of the app), so it runs in any venv.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QImage  # noqa: PLC0415

    problems = []
    for size in PNG_SIZES:
        path = folder / f"gisdesk-{size}.png"
        if not path.is_file():
            problems.append(f"missing {path.name}")
            continue
        image = QImage(str(path))
        if (image.width(), image.height()) != (size, size) or not image.hasAlphaChannel():
            problems.append(
                f"{path.name} is {image.width()}x{image.height()}, not {size}px with alpha"
            )
    ico = folder / "gisdesk.ico"
    if not ico.is_file():
        problems.append("missing gisdesk.ico")
    else:
        missing = sorted(set(ICO_SIZES) - ico_sizes(ico.read_bytes()))
        if missing:
            problems.append(f"gisdesk.ico lacks sizes {missing}")
    return problems


def main(argv: list[str] | None = None) -> int:
    """Write the icon set, or with ``--check`` report problems and exit 1."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check the committed icons")
    args = parser.parse_args(argv)
    if args.check:
        problems = icon_problems()
        for problem in problems:
            print(problem)
        return 1 if problems else 0
    for path, data in expected_files().items():
        path.write_bytes(data)
        print(f"wrote {path.relative_to(ROOT)} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
