"""Write pages to vector PDF (QPdfWriter) or to PNG at a print resolution, and atlases.

PDF pages are painted directly on the PDF painter, so roads stay lines and labels stay text.
PNG pages are the same painting on a ``QImage`` whose size follows the paper and the dpi.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import shapely
from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

from gisdesk.core.project import Project
from gisdesk.export.layout_model import (
    MM_PER_INCH,
    AtlasPage,
    LayoutTemplate,
    atlas_pages,
    layout_boxes,
    page_size_mm,
)
from gisdesk.i18n import translate
from gisdesk.ui.print.page import PageSpec, crs_note, paint_page

PDF_DPI = 300.0
"""Coordinate resolution of PDF pages; the output stays vector, this only sets symbol detail."""


def _pdf_writer(path: Path, template: LayoutTemplate, dpi: float, title: str) -> QPdfWriter:
    writer = QPdfWriter(str(path))
    w, h = page_size_mm(template)
    size = QPageSize(QSizeF(w, h), QPageSize.Unit.Millimeter, template.paper,
                     QPageSize.SizeMatchPolicy.ExactMatch)
    writer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait,
                                     QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter))
    writer.setResolution(round(dpi))
    writer.setTitle(title)
    writer.setCreator("GIS Desk")
    return writer


def _begin(path: Path, device: QPdfWriter | QImage) -> QPainter:
    painter = QPainter()
    if not painter.begin(device):
        raise OSError(translate("Print", "cannot write {0}").format(path))
    return painter


def export_pdf(project: Project, spec: PageSpec, path: Path, dpi: float = PDF_DPI) -> Path:
    """One vector PDF page of ``spec``."""
    path = Path(path)
    writer = _pdf_writer(path, spec.template, dpi, spec.template.title)
    painter = _begin(path, writer)
    try:
        paint_page(painter, project, spec, dpi)
    finally:
        painter.end()
    return path


def page_image(project: Project, spec: PageSpec, dpi: float) -> QImage:
    """The page as an image of paper size × ``dpi`` (white background)."""
    w_mm, h_mm = page_size_mm(spec.template)
    px_per_mm = dpi / MM_PER_INCH
    image = QImage(round(w_mm * px_per_mm), round(h_mm * px_per_mm),
                   QImage.Format.Format_ARGB32_Premultiplied)
    image.setDotsPerMeterX(round(dpi / 0.0254))
    image.setDotsPerMeterY(round(dpi / 0.0254))
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        paint_page(painter, project, spec, dpi)
    finally:
        painter.end()
    return image


def export_png(project: Project, spec: PageSpec, path: Path, dpi: float = 300.0) -> Path:
    """The page as a PNG at ``dpi`` (150 or 300 for print)."""
    if dpi <= 0 or dpi > 1200:
        raise ValueError(translate("Print", "dpi must be between 1 and 1200, got {0}").format(dpi))
    image = page_image(project, spec, dpi)
    if not image.save(str(path), "PNG"):
        raise OSError(translate("Print", "cannot write {0}").format(path))
    return Path(path)


@dataclass(frozen=True)
class AtlasResult:
    """What an atlas run produced; ``cancelled`` runs leave no file behind."""

    path: Path
    pages: int
    cancelled: bool = False


def atlas_plan(project: Project, template: LayoutTemplate, layer_name: str,
               name_field: str) -> list[AtlasPage]:
    """The atlas pages of ``layer_name``: one per feature, named by ``name_field``."""
    layer = project.layer(layer_name)
    if layer is None or not layer.is_spatial:
        names = ", ".join(lyr.name for lyr in project.layers if lyr.is_spatial)
        raise ValueError(translate("Print", "no map layer named '{0}' (layers: {1})")
                         .format(layer_name, names))
    frame = layer.frame
    if name_field not in frame.columns:
        raise ValueError(translate("Print", "layer '{0}' has no field '{1}' (fields: {2})").format(
            layer_name, name_field, ", ".join(c for c in frame.columns if c != "geometry")))
    geoms = np.asarray(frame.geometry.values, dtype=object)
    bounds = shapely.bounds(geoms)
    return atlas_pages(list(frame[name_field]), bounds, layout_boxes(template)["map"])


def export_atlas(
    project: Project, template: LayoutTemplate, layer_name: str, name_field: str, path: Path,
    *, lang: str = "en", dpi: float = PDF_DPI, layer_filter: Callable | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None, template_path: Path | None = None,
) -> AtlasResult:
    """One PDF page per feature of ``layer_name``, zoomed to it, its name in the title.

    ``progress(done, total)`` is called after every page; when ``cancel()`` turns True the
    partial file is deleted and the result says ``cancelled``.
    """
    path = Path(path)
    pages = atlas_plan(project, template, layer_name, name_field)
    geoms = np.asarray(project.layer(layer_name).frame.geometry.values, dtype=object)
    if not pages:
        raise ValueError(translate("Print", "layer '{0}' has no features to make pages of")
                         .format(layer_name))
    writer = _pdf_writer(path, template, dpi, template.title or layer_name)
    painter = _begin(path, writer)
    base = PageSpec(template, (0.0, 0.0), 1.0, lang, layer_filter=layer_filter,
                    template_path=template_path, crs_note=crs_note(project.crs))
    cancelled = False
    try:
        for i, page in enumerate(pages):
            if cancel is not None and cancel():
                cancelled = True
                break
            if i:
                writer.newPage()
            title = f"{template.title} — {page.name}" if template.title else page.name
            spec = replace(base, template=template.model_copy(update={"title": title}),
                           centre=page.centre, scale=page.scale,
                           highlight=geoms[page.row])
            paint_page(painter, project, spec, dpi, cancel)
            if progress is not None:
                progress(i + 1, len(pages))
    finally:
        painter.end()
    if cancelled:
        path.unlink(missing_ok=True)
        return AtlasResult(path, 0, True)
    return AtlasResult(path, len(pages))
