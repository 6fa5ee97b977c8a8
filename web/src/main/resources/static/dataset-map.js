// The small map of a dataset page: the first records' points from the OGC API, drawn with Leaflet from the jar.
(function () {
  'use strict';
  var el = document.getElementById('dataset-map');
  if (!el || !window.L) { return; }
  var d = el.dataset;
  var map = vsBasemap.map(el, { scrollWheelZoom: false, lang: document.documentElement.lang === 'en' ? 'en' : 'zh' })
    .setView([39.6, 109.8], 7);
  // the county boundaries give the points their place even without a basemap
  fetch('/api/regions.geojson').then(function (r) { return r.json(); }).then(function (fc) {
    L.geoJSON(fc, { style: { color: '#55606e', weight: 1, fill: false }, interactive: false }).addTo(map);
  }).catch(function () {});
  fetch(d.items, { headers: { Accept: 'application/geo+json' } })
    .then(function (r) { return r.json(); })
    .then(function (fc) {
      var layer = L.geoJSON(fc, {
        pointToLayer: function (f, latlng) { return L.circleMarker(latlng, { radius: 4, weight: 1, color: '#b3261e', fillOpacity: 0.7 }); }
      }).addTo(map);
      if (layer.getLayers().length) { map.fitBounds(layer.getBounds(), { maxZoom: 12, padding: [10, 10] }); }
      el.setAttribute('data-loaded', String(layer.getLayers().length));
    })
    .catch(function () { el.setAttribute('data-loaded', 'error'); });
})();
