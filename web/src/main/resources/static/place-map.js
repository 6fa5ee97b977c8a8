/* A detail page's mini-map: the place on the configured basemap, with its kind's symbol. Its box
   has its size from the stylesheet, so nothing moves when it starts. */
(function () {
  'use strict';
  var el = document.getElementById('place-map');
  if (!el || !window.L || !window.vsBasemap) { return; }
  var ll = L.latLng(parseFloat(el.dataset.lat), parseFloat(el.dataset.lon));
  var map = vsBasemap.map(el, { scrollWheelZoom: false, zoomControl: false, attributionControl: true,
    lang: document.documentElement.lang === 'en' ? 'en' : 'zh' }).setView(ll, 16);
  map.attributionControl.setPrefix(false);
  L.marker(ll, { keyboard: false, interactive: false, icon: L.divIcon({ className: 'vs-marker vs-chosen vs-kind-' + el.dataset.kind,
    iconSize: [44, 44], iconAnchor: [22, 22], html: '<span class="symbol"></span>' }) }).addTo(map);
})();
