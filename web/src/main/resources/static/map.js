/* The map page. State lives in the query string (q, kind, theme, care, region, date, recruiting,
   lat, lon, z, lang, text) so every view can be shared. The map asks the server for clusters of
   the viewport (/api/clusters) and the list for the hits of the same viewport (/api/search);
   moving the map refreshes both, and a list item opens on the map. All text from the data is
   inserted with textContent; only the server's escaped name_html (with <mark>) is used as HTML. */
(function () {
  'use strict';
  var el = document.getElementById('map');
  var d = el.dataset;
  var lang = d.lang === 'en' ? 'en' : 'zh';
  var form = document.getElementById('search-form');
  var input = document.getElementById('q');
  var list = document.getElementById('results');
  var countEl = document.getElementById('result-count');
  var status = document.getElementById('map-status');
  var suggestions = document.getElementById('suggestions');
  var me = null;
  var markersByKey = {};

  // ---- state <-> query string ------------------------------------------------------------
  function formState() {
    var p = new URLSearchParams();
    var q = input.value.trim();
    if (q) { p.set('q', q); }
    var kinds = Array.prototype.filter.call(form.querySelectorAll('input[name=kind]'), function (c) { return c.checked; })
      .map(function (c) { return c.value; });
    if (kinds.length && kinds.length < 3) { p.set('kind', kinds.join(',')); }
    ['theme', 'care', 'date'].forEach(function (n) {
      var v = form.elements[n].value;
      if (v) { p.set(n, v); }
    });
    var street = document.getElementById('street').value;
    var county = document.getElementById('county').value;
    if (street || county) { p.set('region', street || county); }
    if (form.querySelector('input[name=recruiting]').checked) { p.set('recruiting', 'true'); }
    return p;
  }

  function shareState(p) {
    var s = new URLSearchParams(p.toString());
    var c = map.getCenter();
    if (me) { s.set('lat', me.lat.toFixed(6)); s.set('lon', me.lng.toFixed(6)); }
    s.set('z', String(map.getZoom()));
    if (!me) { s.set('lat', c.lat.toFixed(5)); s.set('lon', c.lng.toFixed(5)); }
    if (lang === 'en') { s.set('lang', 'en'); }
    if (document.documentElement.classList.contains('large-text')) { s.set('text', 'large'); }
    if (location.pathname === '/embed') {
      // the widget keeps its own address and display options
      var here = new URLSearchParams(location.search);
      ['height', 'search', 'list', 'colour'].forEach(function (o) { if (here.has(o)) { s.set(o, here.get(o)); } });
      history.replaceState(null, '', '/embed?' + s.toString());
      return;
    }
    history.replaceState(null, '', '/?' + s.toString());
  }

  function bbox() {
    var b = map.getBounds();
    var w = Math.max(-180, b.getWest()), e = Math.min(180, b.getEast());
    var s = Math.max(-90, b.getSouth()), n = Math.min(90, b.getNorth());
    return [w, s, e, n].map(function (v) { return v.toFixed(5); }).join(',');
  }

  function get(url) {
    return fetch(url, { headers: { Accept: 'application/json' } }).then(function (r) {
      if (!r.ok) { throw new Error('GET ' + url + ' answered ' + r.status); }
      return r.json();
    });
  }

  // ---- the map -------------------------------------------------------------------------------
  var boundaries = null;
  var map = vsBasemap.map(el, { zoomSnap: 1, minZoom: 4, maxZoom: 18, lang: lang, offline: function () {
    // without tiles the boundaries' fill is what shows land and districts
    if (boundaries) { boundaries.setStyle({ fillOpacity: 0.7 }); }
  } });
  map.attributionControl.setPrefix('Leaflet');
  map.attributionControl.addAttribution(text(d.msgCredit));
  var layer = L.layerGroup().addTo(map);
  // the place opened from the list: its own layer, so the redraw that follows the move keeps it and its popup
  var chosen = L.layerGroup().addTo(map);

  function text(s) {
    var div = document.createElement('div');
    div.textContent = s || '';
    return div.innerHTML;
  }

  function kindLabel(kind) { return d['kind' + kind.charAt(0).toUpperCase() + kind.slice(1)] || kind; }

  // teams sit at their home station and activities mostly there too: shift their symbols a little
  // so the three kinds stay apart on the map
  var SHIFT = { station: [0, 0], team: [-16, 12], activity: [16, 12] };

  function icon(kind, count, honoured) {
    var s = SHIFT[kind] || [0, 0];
    if (count > 1) {
      var size = count < 10 ? 30 : count < 100 ? 36 : 44;
      return L.divIcon({ className: 'vs-cluster vs-kind-' + kind, iconSize: [size, size],
        iconAnchor: [size / 2 - s[0], size / 2 - s[1]], html: '<span>' + String(count) + '</span>' });
    }
    // an honoured station, team or activity wears a small badge on its marker (the honours are in its label and popup)
    return L.divIcon({ className: 'vs-marker vs-kind-' + kind + (honoured ? ' vs-honoured' : ''), iconSize: [26, 26],
      iconAnchor: [13 - s[0], 13 - s[1]], html: '<span class="symbol"></span>' + (honoured ? '<span class="honour-mark"></span>' : '') });
  }

  function popupFor(p) {
    var div = document.createElement('div');
    div.className = 'popup';
    var kind = document.createElement('p');
    kind.className = 'kind';
    kind.textContent = kindLabel(p.kind);
    div.appendChild(kind);
    var h = document.createElement('h2');
    h.textContent = p.name;
    div.appendChild(h);
    var link = document.createElement('a');
    (p.honours || []).forEach(function (x) {
      var b = document.createElement('p');
      b.className = 'badge-honour';
      b.textContent = x;
      div.appendChild(b);
    });
    link.href = p.url + (lang === 'en' ? '?lang=en' : '');
    link.textContent = d.msgDetails;
    div.appendChild(link);
    return div;
  }

  function drawClusters(fc) {
    layer.clearLayers();
    markersByKey = {};
    var stations = 0;
    fc.features.forEach(function (f) {
      var p = f.properties;
      var ll = L.latLng(f.geometry.coordinates[1], f.geometry.coordinates[0]);
      var label = p.count > 1 ? kindLabel(p.kind) + ' ' + d.msgCluster.replace('{n}', p.count) : kindLabel(p.kind) + '：' + p.name;
      if (p.honours) { label += ' · ' + p.honours.join('；'); }
      var m = L.marker(ll, { icon: icon(p.kind, p.count, !!p.honours), title: label, alt: label, keyboard: true,
        riseOnHover: true });
      m.on('add', function () {
        var node = m.getElement();
        if (node) { node.setAttribute('data-count', String(p.count)); node.setAttribute('aria-label', label); }
      });
      if (p.count > 1) {
        m.on('click', function () { map.setView(ll, Math.min(map.getZoom() + 2, 18)); });
      } else {
        m.bindPopup(function () { return popupFor(p); });
        m.on('popupopen', function () { selected(p.kind, p.id, p.name, p.url); });
        markersByKey[p.kind + ':' + p.id] = m;
      }
      if (p.kind === 'station') { stations += p.count; }
      m.addTo(layer);
    });
    el.setAttribute('data-stations', String(stations));
    if (!el.hasAttribute('data-first-ms')) { el.setAttribute('data-first-ms', String(Math.round(performance.now()))); }
    el.setAttribute('data-loaded', 'true');
  }

  // ---- the list ------------------------------------------------------------------------------
  function drawList(res) {
    countEl.textContent = d.msgCount.replace('{n}', String(res.total));
    list.textContent = '';
    res.hits.forEach(function (h) {
      var li = document.createElement('li');
      li.className = 'result vs-kind-' + h.kind;
      li.setAttribute('data-id', h.id);
      var badge = document.createElement('span');
      badge.className = 'badge';
      var sym = document.createElement('span');
      sym.className = 'symbol';
      sym.setAttribute('aria-hidden', 'true');
      badge.appendChild(sym);
      badge.appendChild(document.createTextNode(kindLabel(h.kind)));
      li.appendChild(badge);
      var a = document.createElement('a');
      a.className = 'name';
      a.href = h.url + (lang === 'en' ? '?lang=en' : '');
      a.innerHTML = h.name_html; // escaped by the server, only <mark> remains
      li.appendChild(a);
      var meta = document.createElement('span');
      meta.className = 'meta';
      var bits = [h.detail];
      if (h.start) { bits.push(h.start.replace('T', ' ').slice(0, 16)); }
      if (h.distance_m !== undefined) { bits.push(h.distance_m < 1000 ? h.distance_m + ' m' : (h.distance_m / 1000).toFixed(1) + ' km'); }
      if (h.approximate_location) { bits.push(d.msgApproximate); }
      if (h.synthetic) { bits.push(d.msgSynthetic); }
      meta.textContent = bits.join(' · ');
      li.appendChild(meta);
      if (h.honours) {
        var honours = document.createElement('span');
        honours.className = 'badge-honour';
        h.honours.forEach(function (x) {
          var one = document.createElement('span');
          one.textContent = x;
          honours.appendChild(one);
        });
        li.appendChild(honours);
      }
      if (h.lat !== undefined) {
        var show = document.createElement('button');
        show.type = 'button';
        show.className = 'show-on-map';
        show.textContent = d.msgShowonmap;
        show.addEventListener('click', function () { openOnMap(h); });
        li.appendChild(show);
      }
      list.appendChild(li);
    });
  }

  // a resident chose a station, team or activity: pages that host the map (the embed) may pass it on
  function selected(kind, id, name, url) {
    document.dispatchEvent(new CustomEvent('vsmap:select', { detail: { kind: kind, id: id, name: name, url: url } }));
  }

  function openOnMap(h) {
    selected(h.kind, h.id, h.name, h.url);
    var ll = L.latLng(h.lat, h.lon);
    chosen.clearLayers();
    var marker = L.marker(ll, { icon: icon(h.kind, 1), title: h.name, alt: h.name }).addTo(chosen);
    marker.bindPopup(popupFor({ kind: h.kind, name: h.name, url: h.url })).openPopup();
    map.setView(ll, Math.max(map.getZoom(), 16));
    el.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
  }

  // ---- refresh -------------------------------------------------------------------------------
  var timer = null;
  var refreshSeq = 0;
  function refresh() {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var mine = ++refreshSeq;
      var p = formState();
      shareState(p);
      var view = new URLSearchParams(p.toString());
      view.set('bbox', bbox());
      if (lang === 'en') { view.set('lang', 'en'); }
      var clusters = new URLSearchParams(view.toString());
      clusters.set('z', String(map.getZoom()));
      var search = new URLSearchParams(view.toString());
      search.set('limit', '20');
      if (me) { search.set('lat', me.lat.toFixed(6)); search.set('lon', me.lng.toFixed(6)); }
      Promise.all([get('/api/clusters?' + clusters.toString()), get('/api/search?' + search.toString())])
        .then(function (r) {
          if (mine !== refreshSeq) { return; } // the view moved on meanwhile
          drawClusters(r[0]);
          drawList(r[1]);
          status.textContent = '';
        })
        .catch(function (e) { status.textContent = d.msgFailed; console.error(e); });
    }, 200);
  }

  // ---- boundaries, first view ----------------------------------------------------------------
  get('/api/regions.geojson?level=county').then(function (counties) {
    boundaries = L.geoJSON(counties, {
      interactive: false,
      style: { color: '#922b21', weight: 1.5, fillColor: '#fdf2e9',
        fillOpacity: map.vsHasBasemap && !el.classList.contains('basemap-offline') ? 0.1 : 0.7 },
      onEachFeature: function (f, l) {
        l.bindTooltip(f.properties.name, { permanent: true, direction: 'center', className: 'county-label' });
      }
    }).addTo(map);
    if (d.lat && d.lon) {
      map.setView([parseFloat(d.lat), parseFloat(d.lon)], d.z ? parseFloat(d.z) : 14);
    } else {
      map.fitBounds(boundaries.getBounds(), { padding: [8, 8] });
    }
    map.on('moveend', refresh);
    refresh();
  }).catch(function (e) { status.textContent = d.msgFailed; console.error(e); });

  // ---- search box with suggestions -------------------------------------------------------------
  var suggestTimer = null;
  var suggestSeq = 0;
  input.addEventListener('input', function () {
    clearTimeout(suggestTimer);
    var q = input.value.trim();
    if (!q) { closeSuggestions(); return; }
    suggestTimer = setTimeout(function () {
      var mine = ++suggestSeq;
      get('/api/suggest?q=' + encodeURIComponent(q)).then(function (r) {
        if (mine !== suggestSeq) { return; } // a later keystroke's answer wins
        suggestions.textContent = '';
        r.suggestions.forEach(function (s, i) {
          var li = document.createElement('li');
          li.id = 'suggestion-' + i;
          li.setAttribute('role', 'option');
          li.textContent = s.name;
          li.addEventListener('mousedown', function (ev) {
            ev.preventDefault();
            input.value = s.name;
            closeSuggestions();
            refresh();
          });
          suggestions.appendChild(li);
        });
        suggestions.hidden = r.suggestions.length === 0;
        input.setAttribute('aria-expanded', r.suggestions.length ? 'true' : 'false');
      }).catch(function (e) { console.error(e); });
    }, 150);
  });
  input.addEventListener('keydown', function (ev) {
    var items = suggestions.querySelectorAll('li');
    var active = suggestions.querySelector('[aria-selected=true]');
    var i = Array.prototype.indexOf.call(items, active);
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      if (!items.length) { return; }
      ev.preventDefault();
      if (active) { active.removeAttribute('aria-selected'); }
      i = ev.key === 'ArrowDown' ? (i + 1) % items.length : (i <= 0 ? items.length - 1 : i - 1);
      items[i].setAttribute('aria-selected', 'true');
      input.setAttribute('aria-activedescendant', items[i].id);
    } else if (ev.key === 'Enter' && active) {
      ev.preventDefault();
      input.value = active.textContent;
      closeSuggestions();
      refresh();
    } else if (ev.key === 'Escape') {
      closeSuggestions();
    }
  });
  input.addEventListener('blur', function () { setTimeout(closeSuggestions, 100); });
  function closeSuggestions() {
    suggestions.hidden = true;
    suggestions.textContent = '';
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  }

  form.addEventListener('submit', function (ev) { ev.preventDefault(); closeSuggestions(); refresh(); });
  form.addEventListener('change', function (ev) {
    if (ev.target.id === 'county') { loadStreets(ev.target.value); }
    if (ev.target !== input) { refresh(); }
  });

  // ---- district / street chooser (also the fallback when location is refused) ----------------
  function loadStreets(county) {
    var street = document.getElementById('street');
    street.textContent = '';
    var any = document.createElement('option');
    any.value = '';
    any.textContent = form.querySelector('#county option[value=""]').textContent;
    street.appendChild(any);
    street.disabled = !county;
    if (!county) { return; }
    get('/api/regions?parent=' + encodeURIComponent(county)).then(function (r) {
      r.regions.forEach(function (s) {
        var o = document.createElement('option');
        o.value = s.code;
        o.textContent = s.name;
        street.appendChild(o);
      });
    });
    get('/api/regions').then(function (r) {
      r.regions.forEach(function (c) {
        if (c.code === county && c.bbox) { map.fitBounds([[c.bbox[1], c.bbox[0]], [c.bbox[3], c.bbox[2]]]); }
      });
    });
  }

  // ---- near me -------------------------------------------------------------------------------
  var meMarker = null;
  document.getElementById('near-me').addEventListener('click', function () {
    if (!navigator.geolocation) { noLocation(); return; }
    navigator.geolocation.getCurrentPosition(function (pos) {
      me = L.latLng(pos.coords.latitude, pos.coords.longitude);
      if (meMarker) { map.removeLayer(meMarker); }
      meMarker = L.circleMarker(me, { radius: 8, color: '#fff', weight: 3, fillColor: '#1a5fb4', fillOpacity: 1,
        className: 'vs-me' }).bindTooltip(d.msgYou).addTo(map);
      status.textContent = d.msgLocated;
      map.setView(me, 14);
    }, noLocation, { enableHighAccuracy: true, timeout: 10000, maximumAge: 60000 });
  });
  function noLocation() {
    status.textContent = d.msgNolocation;
    var filters = form.querySelector('details.filters');
    filters.open = true;
    document.getElementById('county').focus();
  }

  // ---- large text ----------------------------------------------------------------------------
  var large = document.getElementById('large-text');
  if (new URLSearchParams(location.search).get('text') === 'large') { document.documentElement.classList.add('large-text'); }
  large.addEventListener('click', function () {
    var on = document.documentElement.classList.toggle('large-text');
    large.setAttribute('aria-pressed', on ? 'true' : 'false');
    map.invalidateSize();
    shareState(formState());
  });
})();
