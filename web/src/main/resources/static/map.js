/* The map page: county boundaries and stations from the GeoJSON API, drawn with Leaflet (served
   from the jar). Popups are built as DOM nodes with textContent, never from HTML strings, so no
   station name can inject markup. */
(function () {
  'use strict';
  var el = document.getElementById('map');
  var d = el.dataset;
  var status = document.getElementById('map-status');
  var lang = d.lang === 'en' ? 'en' : 'zh';
  var TYPE_COLOURS = {
    HEAD_STATION: '#7b241c', COMMUNITY: '#c0392b', DEMONSTRATION: '#d35400', CONVENIENCE_POINT: '#1e8449',
    WINDOW_UNIT: '#1a5fb4', CULTURAL_FACILITY: '#6c3483'
  };

  var map = L.map(el, { zoomSnap: 0.5, minZoom: 5, maxZoom: 18 });
  map.attributionControl.setPrefix('Leaflet');
  map.attributionControl.addAttribution(escapeText(d.msgCredit));
  if (d.tileUrl) {
    L.tileLayer(d.tileUrl, { attribution: escapeText(d.tileAttribution || ''), maxZoom: 18 }).addTo(map);
  }
  map.setView([39.6, 109.0], 7);

  function escapeText(s) {
    var div = document.createElement('div');
    div.textContent = s || '';
    return div.innerHTML;
  }

  function get(url) {
    return fetch(url, { headers: { Accept: 'application/geo+json' } }).then(function (r) {
      if (!r.ok) { throw new Error('GET ' + url + ' answered ' + r.status); }
      return r.json();
    });
  }

  function popup(p) {
    var div = document.createElement('div');
    div.className = 'popup';
    var h = document.createElement('h2');
    h.textContent = p.name;
    div.appendChild(h);
    var type = document.createElement('p');
    type.textContent = lang === 'en' ? p.type_en : p.type_zh;
    div.appendChild(type);
    var five = document.createElement('p');
    five.textContent = d.msgFivehas + ' ' + p.five_has_met + '/5';
    div.appendChild(five);
    if (p.synthetic) {
      var badge = document.createElement('span');
      badge.className = 'badge-synthetic';
      badge.textContent = d.msgSynthetic;
      div.appendChild(badge);
    }
    var link = document.createElement('a');
    link.href = '/stations/' + encodeURIComponent(p.id) + (lang === 'en' ? '?lang=en' : '');
    link.textContent = d.msgDetails;
    var line = document.createElement('p');
    line.appendChild(link);
    div.appendChild(line);
    return div;
  }

  get('/api/regions.geojson?level=county').then(function (counties) {
    var boundaries = L.geoJSON(counties, {
      style: { color: '#922b21', weight: 1.5, fillColor: '#fdf2e9', fillOpacity: d.tileUrl ? 0.15 : 0.7 },
      onEachFeature: function (f, layer) {
        layer.bindTooltip(f.properties.name, { permanent: true, direction: 'center', className: 'county-label' });
      }
    }).addTo(map);
    if (d.lat && d.lon) {
      map.setView([parseFloat(d.lat), parseFloat(d.lon)], d.z ? parseFloat(d.z) : 14);
    } else {
      map.fitBounds(boundaries.getBounds(), { padding: [8, 8] });
    }
    return get('/api/stations.geojson');
  }).then(function (stations) {
    var n = 0;
    L.geoJSON(stations, {
      pointToLayer: function (f, latlng) {
        n++;
        return L.circleMarker(latlng, {
          radius: f.properties.type === 'HEAD_STATION' ? 9 : 6, weight: 1.5, color: '#fff',
          fillColor: TYPE_COLOURS[f.properties.type] || '#c0392b', fillOpacity: 0.9,
          className: 'vs-station vs-type-' + String(f.properties.type).toLowerCase()
        });
      },
      onEachFeature: function (f, layer) {
        layer.bindPopup(function () { return popup(f.properties); });
      }
    }).addTo(map);
    el.setAttribute('data-stations', String(n));
    status.textContent = d.msgLoaded.replace('{n}', String(n));
  }).catch(function (e) {
    status.textContent = d.msgFailed;
    console.error(e);
  });
})();
