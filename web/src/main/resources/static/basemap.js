/* The basemap under every map of the portal (the --basemap presets; see Basemap.java).
   vsBasemap.map(el, options) makes a Leaflet map whose CRS matches the tiles: for GCJ-02 tiles
   (高德, 腾讯) the projection shifts WGS84 to GCJ-02 before Web Mercator, so every marker,
   boundary, position and click is drawn on the shifted tiles while the page's data, the API and
   getBounds()/getCenter() stay WGS84. When no tile loads (offline, blocked), the map says so
   discreetly and keeps the boundaries. A pmtiles basemap is drawn with protomaps-leaflet in
   Chinese (or English) from the file the portal serves. */
(function () {
  'use strict';
  var A = 6378245.0, EE = 0.00669342162296594323;

  function inChina(lng, lat) { return lng >= 72.004 && lng <= 137.8347 && lat >= 0.8293 && lat <= 55.8271; }
  function tLat(x, y) {
    var r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
    r += (20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2 / 3;
    r += (20 * Math.sin(y * Math.PI) + 40 * Math.sin(y / 3 * Math.PI)) * 2 / 3;
    r += (160 * Math.sin(y / 12 * Math.PI) + 320 * Math.sin(y * Math.PI / 30)) * 2 / 3;
    return r;
  }
  function tLng(x, y) {
    var r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
    r += (20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2 / 3;
    r += (20 * Math.sin(x * Math.PI) + 40 * Math.sin(x / 3 * Math.PI)) * 2 / 3;
    r += (150 * Math.sin(x / 12 * Math.PI) + 300 * Math.sin(x / 30 * Math.PI)) * 2 / 3;
    return r;
  }
  // the published WGS84 → GCJ-02 formula (the same as ChinaOffsets.java)
  function toGcj(lat, lng) {
    if (!inChina(lng, lat)) { return [lat, lng]; }
    var dLat = tLat(lng - 105, lat - 35), dLng = tLng(lng - 105, lat - 35);
    var rad = lat / 180 * Math.PI, magic = 1 - EE * Math.sin(rad) * Math.sin(rad), sq = Math.sqrt(magic);
    dLat = (dLat * 180) / ((A * (1 - EE)) / (magic * sq) * Math.PI);
    dLng = (dLng * 180) / (A / sq * Math.cos(rad) * Math.PI);
    return [lat + dLat, lng + dLng];
  }
  // its inverse by fixed-point iteration (well under a centimetre after a few rounds)
  function fromGcj(lat, lng) {
    if (!inChina(lng, lat)) { return [lat, lng]; }
    var wLat = lat, wLng = lng;
    for (var i = 0; i < 10; i++) {
      var g = toGcj(wLat, wLng), dy = g[0] - lat, dx = g[1] - lng;
      wLat -= dy; wLng -= dx;
      if (Math.abs(dy) < 1e-9 && Math.abs(dx) < 1e-9) { break; }
    }
    return [wLat, wLng];
  }

  var merc = L.Projection.SphericalMercator;
  var gcjProjection = {
    R: merc.R,
    MAX_LATITUDE: merc.MAX_LATITUDE,
    bounds: merc.bounds,
    project: function (ll) { var g = toGcj(ll.lat, ll.lng); return merc.project(L.latLng(g[0], g[1])); },
    unproject: function (p) { var ll = merc.unproject(p), w = fromGcj(ll.lat, ll.lng); return L.latLng(w[0], w[1]); }
  };
  var GCJ02 = L.extend({}, L.CRS.EPSG3857, { code: 'GCJ02', projection: gcjProjection });

  function escape(s) { var div = document.createElement('div'); div.textContent = s || ''; return div.innerHTML; }

  function config(el) {
    try { return JSON.parse(el.getAttribute('data-basemap') || '{}'); } catch (e) { return {}; }
  }

  /* A Leaflet map on el with the basemap of its data-basemap attribute. options go to L.map;
     options.lang picks the offline basemap's labels; options.offline(message) is told when no
     tile can be loaded (a note in the map's corner says so in any case). */
  function makeMap(el, options) {
    var cfg = config(el);
    var opts = L.extend({}, options || {});
    var lang = opts.lang || 'zh';
    var onOffline = opts.offline;
    delete opts.lang; delete opts.offline;
    if (cfg.crs === 'gcj02') { opts.crs = GCJ02; }
    var map = L.map(el, opts);
    el.setAttribute('data-basemap-name', cfg.name || 'none');
    el.setAttribute('data-basemap-crs', cfg.crs || 'wgs84');
    var credit = escape(cfg.attribution);
    var loaded = 0, failed = 0, told = false;
    function tell() {
      if (told || loaded > 0 || failed < 3) { return; }
      told = true;
      el.classList.add('basemap-offline');
      el.setAttribute('data-basemap-state', 'offline');
      var msg = el.getAttribute('data-msg-offline') || '底图无法加载，仅显示边界';
      if (onOffline) { onOffline(msg); }
      var note = L.control({ position: 'topleft' }); // clear of the credit line and a phone's sheet
      note.onAdd = function () { var p = L.DomUtil.create('p', 'basemap-note'); p.textContent = msg; return p; };
      note.addTo(map);
    }
    (cfg.layers || []).forEach(function (l, i) {
      var layer = L.tileLayer(l.url, { subdomains: l.subdomains || 'abc', maxZoom: 18, maxNativeZoom: l.maxZoom || 18,
        attribution: i === 0 ? credit : '', crossOrigin: false });
      layer.on('tileload', function () { loaded++; el.setAttribute('data-basemap-state', 'loaded'); });
      layer.on('tileerror', function () { failed++; tell(); });
      layer.addTo(map);
    });
    if (cfg.pmtiles) {
      // the vector renderer (128 KB) is fetched only by portals that draw an offline basemap
      var script = document.createElement('script');
      script.src = '/static/vendor/protomaps-leaflet.js';
      script.onload = function () {
        var vector = protomapsL.leafletLayer({ url: cfg.pmtiles, flavor: 'light', lang: lang === 'en' ? 'en' : 'zh',
          attribution: credit });
        vector.addTo(map);
        vector.bringToBack();
        el.setAttribute('data-basemap-state', 'vector');
      };
      document.head.appendChild(script);
    }
    el.setAttribute('data-basemap-layers', String((cfg.layers || []).length + (cfg.pmtiles ? 1 : 0)));
    map.vsHasBasemap = (cfg.layers || []).length > 0 || !!cfg.pmtiles;
    return map;
  }

  window.vsBasemap = { map: makeMap, toGcj: toGcj, fromGcj: fromGcj };
})();
