"""Time QGIS rendering the same GeoPackage and views as bench_render.py (baseline).

Runs under Debian's system Python with python3-qgis, never the project venv::

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 bench/qgis_render.py '<json>'

The JSON argument (written by bench_render.py) gives the file, the image size, the view extents,
the repeat count and, per layer in drawing order, the same categorized symbology, scale range and
labels GIS Desk uses, so both programs draw the same map. QGIS reads features from the file on
every render (it has no in-memory feature cache); that is how it runs on a desktop, so it is what
we compare against. Prints one JSON line of timings in milliseconds.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time

from qgis.core import (
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsCoordinateReferenceSystem,
    QgsFillSymbol,
    QgsLineSymbol,
    QgsMapRendererParallelJob,
    QgsMapSettings,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsRectangle,
    QgsRendererCategory,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor, QFont

SHAPES = {"circle": "circle", "square": "square", "triangle": "triangle",
          "diamond": "diamond", "cross": "cross2"}


def _color(hex_color: str | None) -> str:
    """'#rrggbbaa' -> 'r,g,b,a' as QGIS symbol properties want."""
    if not hex_color:
        return "0,0,0,0"
    h = hex_color.lstrip("#")
    a = int(h[6:8], 16) if len(h) == 8 else 255
    return f"{int(h[0:2], 16)},{int(h[2:4], 16)},{int(h[4:6], 16)},{a}"


def _symbol(kind: str, s: dict):
    if kind == "polygon":
        return QgsFillSymbol.createSimple({
            "color": _color(s["color"]), "outline_color": _color(s.get("stroke")),
            "outline_width": str(s["width"]), "outline_width_unit": "Pixel",
            "outline_style": ({"dash": "dash", "dot": "dot"}.get(s.get("dash"), "solid")
                              if s.get("stroke") else "no"),
        })
    if kind == "line":
        return QgsLineSymbol.createSimple({
            "line_color": _color(s["color"]), "line_width": str(s["width"]),
            "line_width_unit": "Pixel", "capstyle": "round", "joinstyle": "round",
            "line_style": {"dash": "dash", "dot": "dot"}.get(s.get("dash"), "solid"),
        })
    return QgsMarkerSymbol.createSimple({
        "name": SHAPES.get(s.get("shape", "circle"), "circle"), "color": _color(s["color"]),
        "outline_color": _color(s.get("stroke") or s["color"]), "size": str(s["size"]),
        "size_unit": "Pixel", "outline_width": "1", "outline_width_unit": "Pixel",
    })


def _layer(path: str, spec: dict) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"{path}|layername={spec['name']}", spec["name"], "ogr")
    if not layer.isValid():
        raise SystemExit(f"QGIS cannot open {path}:{spec['name']}")
    kind = spec["kind"]
    if spec.get("field"):
        cats = [QgsRendererCategory(c["value"], _symbol(kind, c["symbol"]), str(c["value"]))
                for c in spec["classes"]]
        cats.append(QgsRendererCategory(None, _symbol(kind, spec["other"]), "other"))
        layer.setRenderer(QgsCategorizedSymbolRenderer(spec["field"], cats))
    else:
        layer.renderer().setSymbol(_symbol(kind, spec["other"]))
    if spec.get("max_scale"):
        layer.setScaleBasedVisibility(True)
        layer.setMaximumScale(0.0)  # no lower limit when zooming in
        layer.setMinimumScale(spec["max_scale"])  # QGIS' "minimum" is the zoomed-out limit
    if spec.get("label"):
        _label(layer, spec["label"])
    return layer


def _label(layer: QgsVectorLayer, label: dict) -> None:
    settings = QgsPalLayerSettings()
    settings.fieldName = label["field"]
    fmt = QgsTextFormat()
    fmt.setFont(QFont("DejaVu Sans"))
    fmt.setSize(label["size"])
    fmt.setColor(QColor(label["color"][:7]))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(1.0)
    fmt.setBuffer(buffer)
    settings.setFormat(fmt)
    if label.get("along_line"):
        settings.placement = QgsPalLayerSettings.Line
    settings.scaleVisibility = True
    settings.maximumScale = 0.0
    settings.minimumScale = label["max_scale"]
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


def _render(settings: QgsMapSettings):
    job = QgsMapRendererParallelJob(settings)
    t = time.perf_counter()
    job.start()
    job.waitForFinished()
    return (time.perf_counter() - t) * 1000, job.renderedImage()


def main() -> int:
    """Render each view: first (cold provider) and the median of warm repeats."""
    args = json.loads(sys.argv[1])
    app = QgsApplication([], False)
    app.setPrefixPath("/usr", True)
    app.initQgis()
    t = time.perf_counter()
    layers = [_layer(args["path"], spec) for spec in args["layers"]]
    out = {"open_ms": (time.perf_counter() - t) * 1000}
    settings = QgsMapSettings()
    settings.setLayers(list(reversed(layers)))  # QGIS lists top layer first
    settings.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:32651"))
    settings.setOutputSize(QSize(*args["size"]))
    settings.setOutputDpi(96)
    settings.setBackgroundColor(QColor("#f7f5f0"))
    settings.setFlag(QgsMapSettings.Antialiasing, True)
    for name, extent in args["views"].items():
        settings.setExtent(QgsRectangle(*extent))
        first, image = _render(settings)
        warm = statistics.median(_render(settings)[0] for _ in range(args["repeat"]))
        out[f"{name}_first_ms"] = first
        out[f"{name}_ms"] = warm
        if args.get("png"):
            image.save(f"{args['png']}_{name}.png")
    print(json.dumps(out), flush=True)
    # exitQgis() segfaults on Debian's QGIS 3.22 in offscreen mode; the timings are out, so
    # leave without running destructors.
    os._exit(0)


if __name__ == "__main__":
    raise SystemExit(main())
