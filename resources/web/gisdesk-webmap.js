/* GIS Desk web map runtime: builds styled Leaflet layers from the compact per-layer data that
 * gisdesk.export.webmap embeds in the page. Offline by design: needs only Leaflet (inlined).
 * Licence: GPL-3.0-or-later, like GIS Desk. */
(function () {
  "use strict";

  // Unit outlines (radius 1) of the marker shapes the layer definitions allow.
  var SHAPES = {
    square: [[-0.85, -0.85], [0.85, -0.85], [0.85, 0.85], [-0.85, 0.85]],
    triangle: [[0, -1], [0.87, 0.5], [-0.87, 0.5]],
    diamond: [[0, -1], [1, 0], [0, 1], [-1, 0]]
  };

  function shapeRings(shape, p, r) {
    if (shape === "cross") {
      return [[[p.x - r, p.y], [p.x + r, p.y]], [[p.x, p.y - r], [p.x, p.y + r]]];
    }
    return [SHAPES[shape].map(function (c) { return [p.x + c[0] * r, p.y + c[1] * r]; })];
  }

  // A circle marker that can also be a square, triangle, diamond or cross, on SVG and canvas.
  L.ShapeMarker = L.CircleMarker.extend({
    options: { shape: "circle" },
    _updatePath: function () {
      var shape = this.options.shape;
      if (!SHAPES[shape] && shape !== "cross") {
        this._renderer._updateCircle(this);
        return;
      }
      this._renderer._updateShape(this, shapeRings(shape, this._point, this._radius),
        shape !== "cross");
    }
  });

  L.SVG.include({
    _updateShape: function (layer, rings, closed) {
      var d = rings.map(function (ring) {
        return "M" + ring.map(function (c) { return c[0] + " " + c[1]; }).join("L") +
          (closed ? "z" : "");
      }).join("");
      this._setPath(layer, d);
    }
  });

  L.Canvas.include({
    _updateShape: function (layer, rings, closed) {
      if (!this._drawing || layer._empty()) { return; }
      var ctx = this._ctx;
      ctx.beginPath();
      rings.forEach(function (ring) {
        ring.forEach(function (c, i) { if (i) { ctx.lineTo(c[0], c[1]); } else { ctx.moveTo(c[0], c[1]); } });
        if (closed) { ctx.closePath(); }
      });
      this._fillStroke(ctx, layer);
    }
  });

  function esc(value) {
    return String(value).replace(/[&<>"']/g, function (ch) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[ch];
    });
  }

  // Popup HTML for feature i: heading, then one row per attribute (labels already translated).
  function popupHtml(d, i) {
    var row = d.rows[i], out = ['<div class="gd-popup"><div class="gd-popup-title">', esc(d.title)];
    if (d.label_index !== null && row[d.label_index] !== null) {
      out.push(": ", esc(row[d.label_index]));
    }
    out.push("</div><table>");
    for (var k = 0; k < d.fields.length; k++) {
      var v = row[k];
      out.push("<tr><th>", esc(d.fields[k]), "</th><td>", v === null ? "\u2014" : esc(v), "</td></tr>");
    }
    out.push("</table></div>");
    return out.join("");
  }

  // Scale denominator of the current view at 96 dpi, the desktop canvas's definition.
  function scaleOf(map) {
    var lat = map.getCenter().lat * Math.PI / 180;
    var metresPerPixel = 40075016.686 * Math.cos(lat) / (256 * Math.pow(2, map.getZoom()));
    return metresPerPixel * 96 / 0.0254;
  }

  function inScale(d, map) {
    var s = scaleOf(map);
    return !((d.max_scale && s > d.max_scale) || (d.min_scale && s < d.min_scale));
  }

  // Permanent area names (kelurahan) in a pane above all layers, in the layer's group so
  // unticking the layer hides its names too.
  function addLabels(d, map, group, n) {
    var name = "gd-labels-" + n, pane = map.createPane(name), lab = d.labels;
    pane.style.zIndex = 650;
    pane.style.pointerEvents = "none";
    lab.text.forEach(function (text, i) {
      var html = '<span style="color:' + lab.color + ";font-size:" + Math.round(lab.size * 4 / 3) +
        'px">' + esc(text) + "</span>";
      group.addLayer(L.marker(lab.latlon[i], {
        pane: name, interactive: false, keyboard: false,
        icon: L.divIcon({ className: "gd-label", html: html, iconSize: [0, 0] })
      }));
    });
    return pane;
  }

  // Each layer gets its own pane: drawing order follows the project, and a layer outside its
  // scale range (e.g. valves when the whole city is in view) is hidden like on the desktop.
  function vectorLayer(d, map) {
    var n = window.gisdesk.layers.length, paneName = "gd-pane-" + n;
    var pane = map.createPane(paneName);
    pane.style.zIndex = 400 + n;
    var features = d.geoms.map(function (g, i) {
      return { type: "Feature", geometry: g, properties: { i: i } };
    });
    var group = L.geoJSON({ type: "FeatureCollection", features: features }, {
      pane: paneName,
      style: function (f) { return d.styles[d.cls[f.properties.i]]; },
      pointToLayer: function (f, latlng) {
        return new L.ShapeMarker(latlng, L.extend({ pane: paneName }, d.styles[d.cls[f.properties.i]]));
      }
    });
    group.bindPopup(function (layer) { return popupHtml(d, layer.feature.properties.i); },
      { maxWidth: 360 });
    var labelPane = d.labels ? addLabels(d, map, group, n) : null;
    function update() {
      var visible = inScale(d, map);
      pane.style.display = visible ? "" : "none";
      if (labelPane) {
        labelPane.style.display = visible && scaleOf(map) <= d.labels.max_scale ? "" : "none";
      }
    }
    map.on("zoomend", update);
    map.whenReady(update);
    group.gdTitle = d.title;
    group.gdData = d;
    group.gdPane = pane;
    window.gisdesk.layers.push(group);
    return group;
  }

  // A page panel (legend, notices) as a Leaflet control: Leaflet stacks the controls of one
  // corner, so the panel can never cover the scale bar or the attribution in that corner.
  function dock(map, el, position) {
    var control = L.control({ position: position });
    control.onAdd = function () {
      L.DomEvent.disableClickPropagation(el);
      L.DomEvent.disableScrollPropagation(el);  // scrolling the legend must not zoom the map
      return el;
    };
    control.addTo(map);
  }

  // Keep the docked panels in the free space of their corners whatever the window size: the
  // legend between the layer list and the attribution, the notices beside the legend.
  function sizePanels(map, legend, notice) {
    var gap = 10, box = map.getContainer().getBoundingClientRect();
    var corners = map._controlCorners;
    if (legend) {
      var top = corners.topright.getBoundingClientRect().bottom;
      var room = legend.getBoundingClientRect().bottom - top - gap;
      legend.style.maxHeight = Math.max(room, 80) + "px";
    }
    if (notice) {
      var right = legend ? legend.getBoundingClientRect().left : box.right;
      var width = Math.min(box.width * 0.45, right - box.left - 3 * gap);
      notice.style.maxWidth = Math.max(width, 120) + "px";
      notice.style.maxHeight = Math.max(box.height * 0.3, 60) + "px";
    }
  }

  // Pixels the initial view keeps free on each side, so the data does not start under the
  // title, the legend column or the notices; a side is reserved only while that leaves the
  // data at least half (a third for top and bottom) of the map.
  function fitPadding(map, pad) {
    var box = map.getContainer().getBoundingClientRect(), size = map.getSize();
    var corners = map._controlCorners, title = document.getElementById("gd-title");
    function reserve(px, limit) { return px + pad < limit ? px + pad : pad; }
    var right = Math.max(corners.topright.offsetWidth, corners.bottomright.offsetWidth);
    var top = title ? title.getBoundingClientRect().bottom - box.top : 0;
    var bottom = corners.bottomleft.offsetHeight;
    return {
      paddingTopLeft: [pad, reserve(top, size.y / 3)],
      paddingBottomRight: [reserve(right, size.x / 2), reserve(bottom, size.y / 3)]
    };
  }

  // Everything after the layers: metric scale bar, docked panels, then the initial view fitted
  // to the data (opts.bounds, [[south, west], [north, east]]) with the panels measured.
  function layoutPage(map, opts) {
    L.control.scale({ metric: true, imperial: false, position: "bottomleft" }).addTo(map);
    var legend = document.getElementById("gd-legend");
    var notice = document.getElementById("gd-notice");
    if (notice) { dock(map, notice, "bottomleft"); }  // above the scale bar
    if (legend) { dock(map, legend, "bottomright"); }  // above the attribution
    sizePanels(map, legend, notice);
    map.on("resize", function () { sizePanels(map, legend, notice); });
    window.gisdesk.map = map;
    if (!opts.bounds) { return; }
    var bounds = L.latLngBounds(opts.bounds), fit = fitPadding(map, opts.padding);
    if (opts.maxZoom !== null) { fit.maxZoom = opts.maxZoom; }
    window.gisdesk.dataBounds = bounds;
    map.fitBounds(bounds, fit);
  }

  window.gisdesk = { layers: [], vectorLayer: vectorLayer, popupHtml: popupHtml, scaleOf: scaleOf,
    layoutPage: layoutPage };
}());
