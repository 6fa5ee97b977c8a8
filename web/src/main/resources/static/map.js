/* The map page. State lives in the query string (q, kind, theme, care, region, date, recruiting,
   scope, lat, lon, z, lang, text) so every view can be shared. The map asks the server for clusters
   of the viewport (/api/clusters; teams only when the legend asks for them) and draws one marker
   per place, with the mix of kinds when several are there. The list shows the hits of the viewport
   or, with scope=city, of the whole city (/api/search), always saying how many there are in both,
   pages on with 更多, and helps when nothing is found. On a phone the list is a bottom sheet over
   the map (peek / half / full). All text from the data is inserted with textContent; only the
   server's escaped name_html (with <mark>) is used as HTML. */
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

  var scope = new URLSearchParams(location.search).get('scope') === 'city' ? 'city' : 'view';

  function shareState(p) {
    var s = new URLSearchParams(p.toString());
    if (scope === 'city') { s.set('scope', 'city'); }
    var c = map.getCenter();
    if (me) { s.set('lat', me.lat.toFixed(6)); s.set('lon', me.lng.toFixed(6)); }
    s.set('z', String(map.getZoom()));
    if (!me) { s.set('lat', c.lat.toFixed(5)); s.set('lon', c.lng.toFixed(5)); }
    if (lang === 'en') { s.set('lang', 'en'); }
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
  var map = vsBasemap.map(el, { zoomSnap: 0.5, minZoom: 4, maxZoom: 18, lang: lang, offline: function () {
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

  // teams sit at their home station and activities mostly there too: at street level, where each
  // is drawn on its own, their symbols are shifted a little so the kinds stay apart
  var SHIFT = { station: [0, 0], team: [-16, 12], activity: [16, 12] };
  var COLOUR = { station: '#c0392b', team: '#1a5fb4', activity: '#1e8449' };

  function clusterSize(count) { return count < 10 ? 44 : count < 100 ? 48 : 54; }

  function icon(kind, count, honoured) {
    var s = count > 1 ? [0, 0] : SHIFT[kind] || [0, 0];
    if (count > 1) {
      var size = clusterSize(count);
      return L.divIcon({ className: 'vs-cluster vs-kind-' + kind, iconSize: [size, size],
        iconAnchor: [size / 2, size / 2], html: '<span>' + String(count) + '</span>' });
    }
    // an honoured station, team or activity wears a small badge on its marker (the honours are in its label and popup)
    return L.divIcon({ className: 'vs-marker vs-kind-' + kind + (honoured ? ' vs-honoured' : ''), iconSize: [44, 44],
      iconAnchor: [22 - s[0], 22 - s[1]], html: '<span class="symbol"></span>' + (honoured ? '<span class="honour-mark"></span>' : '') });
  }

  var COLLECTION = { station: 'stations', team: 'teams', activity: 'activities' };

  // a popup: kind and name at once, then what a resident decides by — hours or date, services or
  // theme, places left, distance — from the OGC API, and 详情 and 导航 (a walking route in 高德)
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
    (p.honours || []).forEach(function (x) {
      var b = document.createElement('p');
      b.className = 'badge-honour';
      b.textContent = x;
      div.appendChild(b);
    });
    var facts = document.createElement('p');
    facts.className = 'facts-line';
    div.appendChild(facts);
    var links = document.createElement('p');
    links.className = 'popup-links';
    var link = document.createElement('a');
    link.href = p.url + (lang === 'en' ? '?lang=en' : '');
    link.textContent = d.msgDetails;
    links.appendChild(link);
    div.appendChild(links);
    if (p.id) {
      get('/ogc/collections/' + COLLECTION[p.kind] + '/items/' + encodeURIComponent(p.id) + '?f=json').then(function (f) {
        var x = f.properties, bits = [];
        if (p.kind === 'station') {
          bits.push(lang === 'en' ? x.type.toLowerCase().replace(/_/g, ' ') : x.type_zh);
          if (x.opening_hours) { bits.push(x.opening_hours); }
          if (x.services) { bits.push(x.services); }
        } else if (p.kind === 'activity') {
          bits.push(x.start.replace('T', ' '));
          bits.push(lang === 'en' ? x.theme.toLowerCase() : x.theme_zh);
          if (x.volunteers_wanted) { bits.push(d.msgPlaces.replace('{n}', String(Math.max(0, x.volunteers_wanted - (x.volunteers_signed_up || 0))))); }
        }
        var here = f.geometry && L.latLng(f.geometry.coordinates[1], f.geometry.coordinates[0]);
        if (me && here) { bits.push(d.msgAway.replace('{d}', distanceText(Math.round(me.distanceTo(here))))); }
        facts.textContent = bits.join(' · ');
        if (here) {
          var g = vsBasemap.toGcj(here.lat, here.lng);
          var nav = document.createElement('a');
          nav.href = 'https://uri.amap.com/navigation?to=' + g[1].toFixed(6) + ',' + g[0].toFixed(6) + ',' +
            encodeURIComponent(p.name) + '&mode=walk&coordinate=gaode&callnative=1';
          nav.rel = 'noopener';
          nav.target = '_blank';
          nav.textContent = d.msgNavigate;
          nav.className = 'navigate';
          links.appendChild(document.createTextNode(' · '));
          links.appendChild(nav);
        }
      }).catch(function (e) { console.warn(e); });
    }
    return div;
  }

  // markers that would overlap on screen become one: merged until no two touch, each at the
  // count-weighted centre of what it holds (so a chain of near clusters cannot overlap either)
  function places(fc) {
    var zoom = map.getZoom();
    var groups = fc.features.map(function (f) {
      var p = f.properties;
      var ll = L.latLng(f.geometry.coordinates[1], f.geometry.coordinates[0]);
      var item = { p: p, ll: ll, pt: map.latLngToLayerPoint(ll) };
      return { items: [item], pt: item.pt, count: p.count, solo: zoom >= 17 && p.count === 1 };
    });
    for (var merged = true; merged;) {
      merged = false;
      for (var i = 0; i < groups.length && !merged; i++) {
        for (var j = i + 1; j < groups.length; j++) {
          var a = groups[i], b = groups[j];
          if (a.solo || b.solo || a.pt.distanceTo(b.pt) >= (clusterSize(a.count) + clusterSize(b.count)) / 2 + 2) { continue; }
          var n = a.count + b.count;
          a.pt = L.point((a.pt.x * a.count + b.pt.x * b.count) / n, (a.pt.y * a.count + b.pt.y * b.count) / n);
          a.items = a.items.concat(b.items);
          a.count = n;
          groups.splice(j, 1);
          merged = true;
          break;
        }
      }
    }
    return groups;
  }

  function mixedMarker(g) {
    var total = 0, lat = 0, lng = 0, byKind = { station: 0, activity: 0, team: 0 };
    g.items.forEach(function (it) {
      total += it.p.count; byKind[it.p.kind] += it.p.count;
      lat += it.ll.lat * it.p.count; lng += it.ll.lng * it.p.count;
    });
    var ll = L.latLng(lat / total, lng / total);
    var mix = ['station', 'activity', 'team'].filter(function (k) { return byKind[k]; })
      .map(function (k) { return kindLabel(k) + ' ' + byKind[k]; }).join(' · ');
    var label = d.msgMixed.replace('{n}', String(total)).replace('{mix}', mix);
    var size = clusterSize(total);
    var m = L.marker(ll, { icon: L.divIcon({ className: 'vs-mixed', iconSize: [size, size], iconAnchor: [size / 2, size / 2],
      html: '<span>' + String(total) + '</span>' }), title: label, alt: label, keyboard: true, riseOnHover: true });
    m.on('add', function () {
      var node = m.getElement();
      if (!node) { return; }
      // a ring in the kinds' colours, as much of it for each as it has of the whole (CSSOM: no inline style markup)
      var at = 0, stops = [];
      ['station', 'activity', 'team'].forEach(function (k) {
        if (!byKind[k]) { return; }
        var to = at + 360 * byKind[k] / total;
        stops.push(COLOUR[k] + ' ' + at.toFixed(1) + 'deg ' + to.toFixed(1) + 'deg');
        at = to;
      });
      node.style.background = 'conic-gradient(' + stops.join(', ') + ')';
      node.setAttribute('data-count', String(total));
      node.setAttribute('data-mix', JSON.stringify(byKind));
      node.setAttribute('aria-label', label);
    });
    m.on('click', function () { map.setView(ll, Math.min(map.getZoom() + 2, 18)); });
    return { marker: m, byKind: byKind };
  }

  function singleMarker(p, ll) {
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
    return m;
  }

  function drawClusters(fc) {
    layer.clearLayers();
    markersByKey = {};
    var stations = 0;
    places(fc).forEach(function (g) {
      if (g.items.length === 1) {
        var it = g.items[0];
        singleMarker(it.p, it.ll).addTo(layer);
        if (it.p.kind === 'station') { stations += it.p.count; }
      } else {
        var mixed = mixedMarker(g);
        mixed.marker.addTo(layer);
        stations += mixed.byKind.station;
      }
    });
    el.setAttribute('data-stations', String(stations));
    if (!el.hasAttribute('data-first-ms')) { el.setAttribute('data-first-ms', String(Math.round(performance.now()))); }
    el.setAttribute('data-loaded', 'true');
  }

  // ---- the list ------------------------------------------------------------------------------
  var PAGE = 20;
  var shown = 0;      // items in the list
  var listTotal = 0;  // hits of the list's scope
  var lastQuery = null;

  function distanceText(m) { return m < 1000 ? m + '\u00a0m' : (m / 1000).toFixed(1) + '\u00a0km'; }

  // 地图: a link to the map with the record chosen (works without script); here it opens the record
  // on this map instead
  function showButton(h, link) {
    var show = link || document.createElement('a');
    if (!link) {
      show.className = 'show-on-map';
      show.href = '/?select=' + h.kind + ':' + encodeURIComponent(h.id) + '&z=16&lat=' + h.lat + '&lon=' + h.lon +
        (lang === 'en' ? '&lang=en' : '');
      show.textContent = d.msgShowonmapShort;
      show.setAttribute('aria-label', d.msgShowonmap + '：' + h.name);
    }
    show.addEventListener('click', function (ev) { ev.preventDefault(); openOnMap(h); });
    return show;
  }

  function item(h) {
    var li = document.createElement('li');
    li.className = 'result vs-kind-' + h.kind;
    li.setAttribute('data-id', h.id);
    var a = document.createElement('a');
    a.className = 'name';
    var qs = new URLSearchParams();
    if (lang === 'en') { qs.set('lang', 'en'); }
    if (me) { qs.set('lat', me.lat.toFixed(6)); qs.set('lon', me.lng.toFixed(6)); } // the page then says how far and routes from here
    a.href = h.url + (qs.toString() ? '?' + qs.toString() : '');
    var sym = document.createElement('span');
    sym.className = 'symbol';
    sym.setAttribute('aria-hidden', 'true');
    a.innerHTML = h.name_html; // escaped by the server, only <mark> remains
    a.insertBefore(sym, a.firstChild);
    li.appendChild(a);
    var meta = document.createElement('span');
    meta.className = 'meta';
    var bits = [kindLabel(h.kind)];
    if (h.place) { bits.push(h.place); }
    bits.push(h.detail);
    if (h.start) { bits.push(h.start.replace('T', ' ').slice(0, 16)); }
    if (h.distance_m !== undefined) { bits.push(distanceText(h.distance_m)); }
    meta.textContent = bits.join(' · ');
    if (h.open_now !== undefined) {
      var open = document.createElement('span');
      open.className = h.open_now ? 'open-now' : 'closed-now';
      open.textContent = h.open_now ? d.msgOpen : d.msgClosed;
      meta.appendChild(document.createTextNode(' · '));
      meta.appendChild(open);
    }
    [[h.approximate_location, 'badge-approximate', d.msgApproximate], [h.synthetic, 'badge-synthetic', d.msgSynthetic]]
      .forEach(function (x) {
        if (!x[0]) { return; }
        var b = document.createElement('span');
        b.className = x[1];
        b.textContent = x[2];
        meta.appendChild(document.createTextNode(' · '));
        meta.appendChild(b);
      });
    li.appendChild(meta);
    if (h.snippet_html && h.name_html.indexOf('<mark>') < 0) {
      // the name did not match: say what did (services, address, description)
      var why = document.createElement('span');
      why.className = 'matched';
      why.textContent = d.msgMatched;
      var snippet = document.createElement('span');
      snippet.innerHTML = h.snippet_html; // escaped by the server, only <mark> remains
      why.appendChild(snippet);
      li.appendChild(why);
    }
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
    if (h.lat !== undefined) { li.appendChild(showButton(h)); }
    return li;
  }

  // the count says how many the map's area holds and how many the whole city; one tap switches
  function drawCount(inView, inCity) {
    var toggle = document.getElementById('scope-toggle');
    if (scope === 'city') {
      countEl.textContent = d.msgCity.replace('{m}', String(inCity));
      toggle.textContent = d.msgToview;
      toggle.hidden = false;
    } else {
      countEl.textContent = d.msgInview.replace('{n}', String(inView)).replace('{m}', String(inCity));
      toggle.textContent = d.msgTocity.replace('{m}', String(inCity));
      toggle.hidden = inCity <= inView;
    }
  }

  // the list the server rendered stays when the first answer lists the same records in the same
  // order (nothing to add before a location is known): no repaint, the page's largest text is
  // painted once, with the HTML
  function sameAsServer(hits) {
    var served = list.getAttribute('data-server') === 'true' && !me;
    list.removeAttribute('data-server');
    var items = list.querySelectorAll('li.result');
    if (!served || items.length !== hits.length) { return false; }
    return hits.every(function (h, i) {
      return items[i].getAttribute('data-id') === h.id && items[i].classList.contains('vs-kind-' + h.kind);
    });
  }

  function drawList(res, inView, inCity, append) {
    listTotal = res.total;
    if (!append && sameAsServer(res.hits)) {
      // the server's 地图 links open the record on this map instead of loading the page again
      var served = list.querySelectorAll('li.result');
      res.hits.forEach(function (h, i) {
        var link = served[i].querySelector('.show-on-map');
        if (h.lat !== undefined) { if (link) { showButton(h, link); } else { served[i].appendChild(showButton(h)); } }
      });
      shown = res.hits.length;
    } else {
      if (!append) { list.textContent = ''; shown = 0; }
      res.hits.forEach(function (h) { list.appendChild(item(h)); });
      shown += res.hits.length;
    }
    drawCount(inView, inCity);
    document.getElementById('more').hidden = shown >= listTotal;
    emptyHelp(inView, inCity);
  }

  // nothing found: say what could change — the whole city, a filter less, a wider map
  function emptyHelp(inView, inCity) {
    var help = document.getElementById('empty-help');
    help.textContent = '';
    var empty = scope === 'city' ? inCity === 0 : inView === 0;
    help.hidden = !empty;
    if (!empty) { return; }
    function button(text, act) {
      var b = document.createElement('button');
      b.type = 'button';
      b.className = 'button secondary';
      b.textContent = text;
      b.addEventListener('click', act);
      help.appendChild(b);
    }
    var p = document.createElement('p');
    if (inCity > 0) {
      p.textContent = d.msgEmptyview;
      help.appendChild(p);
      button(d.msgTocity.replace('{m}', String(inCity)), function () { setScope('city'); });
      button(d.msgZoomout, function () { map.setZoom(Math.max(map.getZoom() - 2, 4)); });
      return;
    }
    p.textContent = d.msgEmptycity;
    help.appendChild(p);
    activeFilters().forEach(function (f) {
      button(d.msgRemove.replace('{f}', f.label), function () { f.clear(); refresh(); });
    });
    if (activeFilters().length > 1) {
      button(d.msgRemoveall, function () { activeFilters().forEach(function (f) { f.clear(); }); refresh(); });
    }
    didYouMean(help);
  }

  // 您是不是要找: names and words that begin like what was typed, when the words as typed find nothing
  function didYouMean(help) {
    var q = input.value.trim();
    if (q.length < 2) { return; }
    var start = /^[\u4e00-\u9fff]/.test(q) ? q.slice(0, 2) : q.slice(0, Math.min(4, q.length));
    get('/api/suggest?limit=4&q=' + encodeURIComponent(start)).then(function (r) {
      var names = r.suggestions.map(function (x) { return x.name; }).filter(function (n) { return n !== q; });
      if (!names.length || help.hidden) { return; }
      var p = document.createElement('p');
      p.className = 'did-you-mean';
      p.textContent = d.msgDidyoumean;
      help.appendChild(p);
      names.forEach(function (n) {
        var b = document.createElement('button');
        b.type = 'button';
        b.className = 'button secondary';
        b.textContent = n;
        b.addEventListener('click', function () { input.value = n; refresh(); });
        help.appendChild(b);
      });
    }).catch(function (e) { console.warn(e); });
  }

  // the 筛选 button names the filters set (an area chosen from the suggestions, a theme, …)
  function markFilters() {
    var summary = form.querySelector('details.filters summary');
    var on = summary.querySelector('.filter-on');
    var labels = activeFilters().filter(function (f) { return !f.query; }).map(function (f) { return f.label; });
    if (!labels.length) { if (on) { on.remove(); } return; }
    if (!on) { on = document.createElement('span'); on.className = 'filter-on'; summary.appendChild(on); }
    on.textContent = ' · ' + labels.join('、');
  }

  // the filters now set, each with its label and a way to clear it
  function activeFilters() {
    var out = [];
    function selectFilter(id) {
      var sel = document.getElementById(id);
      if (sel && sel.value) {
        out.push({ label: sel.options[sel.selectedIndex].textContent.replace(/\s*\(\d+\)$/, ''),
          clear: function () { sel.value = ''; if (id === 'county') { loadStreets(''); } } });
      }
    }
    if (input.value.trim()) { out.push({ label: input.value.trim(), query: true, clear: function () { input.value = ''; } }); }
    ['theme', 'care', 'date', 'street', 'county'].forEach(selectFilter);
    var rec = form.querySelector('input[name=recruiting]');
    if (rec.checked) { out.push({ label: rec.parentNode.textContent.trim(), clear: function () { rec.checked = false; } }); }
    var kinds = form.querySelectorAll('input[name=kind]');
    var checked = Array.prototype.filter.call(kinds, function (c) { return c.checked; });
    if (checked.length && checked.length < kinds.length) {
      out.push({ label: checked.map(function (c) { return c.parentNode.textContent.replace(/\(\d+\)/, '').trim(); }).join('、'),
        clear: function () { Array.prototype.forEach.call(kinds, function (c) { c.checked = true; }); } });
    }
    return out;
  }

  function setScope(s) {
    scope = s;
    refresh();
  }
  document.getElementById('scope-toggle').addEventListener('click', function () {
    setScope(scope === 'city' ? 'view' : 'city');
  });
  document.getElementById('more').addEventListener('click', function () {
    if (!lastQuery) { return; }
    var next = new URLSearchParams(lastQuery.list.toString());
    next.set('offset', String(shown));
    get('/api/search?' + next.toString()).then(function (r) {
      drawList(r, lastQuery.inView, lastQuery.inCity, true);
    }).catch(function (e) { status.textContent = d.msgFailed; console.error(e); });
  });

  // ---- the sheet (phone): peek, half, full ----------------------------------------------------
  var sheet = document.getElementById('sheet');
  var handle = document.getElementById('sheet-handle');
  var STATES = ['peek', 'half', 'full'];
  function setSheet(state) {
    sheet.setAttribute('data-state', state);
    handle.setAttribute('aria-expanded', state === 'peek' ? 'false' : 'true');
  }
  handle.addEventListener('click', function () {
    setSheet(STATES[(STATES.indexOf(sheet.getAttribute('data-state')) + 1) % STATES.length]);
  });
  var dragY = null;
  handle.addEventListener('touchstart', function (ev) { dragY = ev.touches[0].clientY; }, { passive: true });
  handle.addEventListener('touchend', function (ev) {
    if (dragY === null) { return; }
    var dy = ev.changedTouches[0].clientY - dragY;
    dragY = null;
    if (Math.abs(dy) < 24) { return; }
    ev.preventDefault(); // a swipe, not a tap
    var i = STATES.indexOf(sheet.getAttribute('data-state'));
    setSheet(STATES[Math.max(0, Math.min(STATES.length - 1, i + (dy < 0 ? 1 : -1)))]);
  });
  function showResults() {
    if (sheet.getAttribute('data-state') !== 'peek') { return; }
    sheet.classList.add('no-transition'); // its final height is read right after (sheetCover)
    setSheet('half');
    void sheet.offsetHeight;
    sheet.classList.remove('no-transition');
  }
  function sheetCover() { return getComputedStyle(sheet).position === 'absolute' ? sheet.offsetHeight : 0; }

  // ---- legend: what the symbols mean; teams can be put on the map -----------------------------
  var legend = L.control({ position: 'topright' });
  legend.onAdd = function () {
    var box = L.DomUtil.create('div', 'map-legend');
    box.setAttribute('role', 'group');
    box.setAttribute('aria-label', d.msgLegend);
    ['station', 'activity'].forEach(function (k) {
      var row = L.DomUtil.create('p', 'vs-kind-' + k, box);
      var sym = L.DomUtil.create('span', 'symbol', row);
      sym.setAttribute('aria-hidden', 'true');
      row.appendChild(document.createTextNode(kindLabel(k)));
    });
    var label = L.DomUtil.create('label', 'vs-kind-team', box);
    var check = L.DomUtil.create('input', '', label);
    check.type = 'checkbox';
    check.id = 'map-teams';
    var sym = L.DomUtil.create('span', 'symbol', label);
    sym.setAttribute('aria-hidden', 'true');
    label.appendChild(document.createTextNode(kindLabel('team')));
    label.title = d.msgLegendteams;
    check.setAttribute('aria-label', d.msgLegendteams);
    check.addEventListener('change', function () { teamsOnMap = check.checked; refresh(); });
    L.DomEvent.disableClickPropagation(box);
    return box;
  };
  legend.addTo(map);

  // a resident chose a station, team or activity: pages that host the map (the embed) may pass it on
  function selected(kind, id, name, url) {
    document.dispatchEvent(new CustomEvent('vsmap:select', { detail: { kind: kind, id: id, name: name, url: url } }));
  }

  function openOnMap(h) {
    selected(h.kind, h.id, h.name, h.url);
    var ll = L.latLng(h.lat, h.lon);
    chosen.clearLayers();
    var marker = L.marker(ll, { icon: icon(h.kind, 1), title: h.name, alt: h.name }).addTo(chosen);
    marker.bindPopup(popupFor({ kind: h.kind, id: h.id, name: h.name, url: h.url, honours: h.honours })).openPopup();
    map.setView(ll, Math.max(map.getZoom(), 16));
    setSheet('peek');
    el.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
  }

  // 在地图上查看 from a detail page (?select=kind:id): the record is highlighted with its popup open
  function choose(select) {
    var m = /^(station|team|activity):(.+)$/.exec(select || '');
    if (!m) { return; }
    get('/ogc/collections/' + COLLECTION[m[1]] + '/items/' + encodeURIComponent(m[2]) + '?f=json').then(function (f) {
      if (!f.geometry) { return; }
      var ll = L.latLng(f.geometry.coordinates[1], f.geometry.coordinates[0]);
      var name = f.properties.name || f.properties.title;
      chosen.clearLayers();
      var marker = L.marker(ll, { icon: icon(m[1], 1), title: name, alt: name, zIndexOffset: 1000 }).addTo(chosen);
      marker.on('add', function () { if (marker.getElement()) { marker.getElement().classList.add('vs-chosen'); } });
      if (marker.getElement()) { marker.getElement().classList.add('vs-chosen'); }
      marker.bindPopup(popupFor({ kind: m[1], id: m[2], name: name, url: '/' + COLLECTION[m[1]] + '/' + m[2] }),
        { autoPan: false }).openPopup();
    }).catch(function (e) { console.warn(e); });
  }

  // ---- refresh -------------------------------------------------------------------------------
  var teamsOnMap = false;
  var timer = null;
  var refreshSeq = 0;
  function refresh() {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var mine = ++refreshSeq;
      markFilters();
      var p = formState();
      shareState(p);
      if (lang === 'en') { p.set('lang', 'en'); }
      var view = new URLSearchParams(p.toString());
      view.set('bbox', bbox());
      var clusters = new URLSearchParams(view.toString());
      clusters.set('z', String(Math.floor(map.getZoom())));
      if (!teamsOnMap) {
        // teams are in the list; on the map they would sit on their stations
        var kinds = (p.get('kind') || 'station,team,activity').split(',').filter(function (k) { return k !== 'team'; });
        if (kinds.length) { clusters.set('kind', kinds.join(',')); }
      }
      var near = new URLSearchParams();
      if (me) { near.set('lat', me.lat.toFixed(6)); near.set('lon', me.lng.toFixed(6)); }
      var inView = new URLSearchParams(view.toString());
      inView.set('limit', scope === 'view' ? String(PAGE) : '1');
      near.forEach(function (v, k) { inView.set(k, v); });
      var inCity = new URLSearchParams(p.toString());
      inCity.set('limit', scope === 'city' ? String(PAGE) : '1');
      near.forEach(function (v, k) { inCity.set(k, v); });
      Promise.all([get('/api/clusters?' + clusters.toString()), get('/api/search?' + inView.toString()),
        get('/api/search?' + inCity.toString())])
        .then(function (r) {
          if (mine !== refreshSeq) { return; } // the view moved on meanwhile
          drawClusters(r[0]);
          var listed = scope === 'city' ? r[2] : r[1];
          lastQuery = { list: scope === 'city' ? inCity : inView, inView: r[1].total, inCity: r[2].total };
          drawList(listed, r[1].total, r[2].total, false);
          status.textContent = '';
        })
        .catch(function (e) { status.textContent = d.msgFailed; console.error(e); });
    }, 200);
  }

  // ---- boundaries, first view ----------------------------------------------------------------
  // asked for once the list has been painted: the boundaries (75 KB) never hold up the first screen
  function afterPaint(fn) { requestAnimationFrame(function () { setTimeout(fn, 0); }); }
  afterPaint(function () {
    get('/api/regions.geojson?level=county' + (lang === 'en' ? '&lang=en' : '')).then(function (counties) {
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
        // the chosen region (a widget for one district, a shared link) frames the map, else the
        // city; on a phone the sheet covers the map's foot: the area is framed above it
        var chosenRegion = new URLSearchParams(location.search).get('region') || '';
        var framed = boundaries.getBounds();
        boundaries.eachLayer(function (l) {
          var code = l.feature && l.feature.properties.code;
          if (code && chosenRegion.length >= code.length && chosenRegion.indexOf(code) === 0) { framed = l.getBounds(); }
        });
        map.fitBounds(framed, { paddingTopLeft: [8, 8], paddingBottomRight: [8, 8 + sheetCover()] });
      }
      map.on('moveend', refresh);
      // what the map shows, for the page's own tests and for anyone reading the DOM: west,south,east,north
      map.on('moveend', function () { el.setAttribute('data-view', map.getBounds().toBBoxString()); });
      el.setAttribute('data-view', map.getBounds().toBBoxString());
      refresh();
      choose(new URLSearchParams(location.search).get('select'));
    }).catch(function (e) { status.textContent = d.msgFailed; console.error(e); });
  });

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
        offered = r.suggestions;
        r.suggestions.forEach(function (s, i) {
          var li = document.createElement('li');
          li.id = 'suggestion-' + i;
          li.setAttribute('role', 'option');
          li.textContent = s.name;
          if (s.kind === 'word' || s.kind === 'place') {
            // a service, need or theme to search for, or a district or street to look in
            li.className = s.kind;
            var hint = document.createElement('small');
            hint.textContent = ' ' + (s.kind === 'word' ? d.msgWord : '· ' + (s.within ? s.within + ' · ' : '') + d.msgPlace);
            li.appendChild(hint);
          }
          li.addEventListener('mousedown', function (ev) {
            ev.preventDefault();
            pick(s);
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
      pick(offered[i]);
    } else if (ev.key === 'Escape') {
      closeSuggestions();
    }
  });
  input.addEventListener('blur', function () { setTimeout(closeSuggestions, 100); });
  var offered = [];
  // a name or word is searched for; a district or street becomes the area filter and frames the map
  function pick(s) {
    closeSuggestions();
    if (s.kind === 'place') {
      input.value = '';
      var county = s.id.substring(0, 6);
      document.getElementById('county').value = county;
      loadStreets(county, s.id.length > 6 ? s.id : null);
      var frame = { paddingTopLeft: [8, 8], paddingBottomRight: [8, 8 + sheetCover()], maxZoom: 16 };
      if (s.bbox) {
        map.fitBounds([[s.bbox[1], s.bbox[0]], [s.bbox[3], s.bbox[2]]], frame);
      } else {
        // a street without a boundary: framed by what lies in it
        get('/api/search?limit=100&region=' + encodeURIComponent(s.id)).then(function (r) {
          var pts = r.hits.filter(function (h) { return h.lat != null; }).map(function (h) { return [h.lat, h.lon]; });
          if (pts.length) { map.fitBounds(L.latLngBounds(pts), frame); }
        }).catch(function (e) { console.error(e); });
      }
      showResults();
    } else {
      input.value = s.name;
    }
    refresh();
  }
  function closeSuggestions() {
    suggestions.hidden = true;
    suggestions.textContent = '';
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  }

  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    closeSuggestions();
    form.querySelector('details.filters').open = false;
    showResults();
    refresh();
  });
  form.addEventListener('change', function (ev) {
    if (ev.target.id === 'county') { loadStreets(ev.target.value); }
    if (ev.target !== input) { refresh(); }
  });

  // ---- district / street chooser (also the fallback when location is refused) ----------------
  function loadStreets(county, chosen) {
    var street = document.getElementById('street');
    street.textContent = '';
    var any = document.createElement('option');
    any.value = '';
    any.textContent = form.querySelector('#county option[value=""]').textContent;
    street.appendChild(any);
    street.disabled = !county;
    if (!county) { return; }
    get('/api/regions?parent=' + encodeURIComponent(county) + (lang === 'en' ? '&lang=en' : '')).then(function (r) {
      r.regions.forEach(function (s) {
        var o = document.createElement('option');
        o.value = s.code;
        o.textContent = s.name;
        street.appendChild(o);
      });
      if (chosen) { street.value = chosen; refresh(); }
    });
    if (chosen) { return; } // the street's own box framed the map
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
      showResults();
      // the resident's position in the middle of the map the sheet leaves visible
      map.setView(me, 15, { animate: false });
      map.panBy([0, sheetCover() / 2], { animate: false });
    }, noLocation, { enableHighAccuracy: true, timeout: 10000, maximumAge: 60000 });
  });
  function noLocation() {
    status.textContent = d.msgNolocation;
    var filters = form.querySelector('details.filters');
    filters.open = true;
    document.getElementById('county').focus();
  }

  // ---- large text (site.js switches it): the map fits its new size -------------------------
  document.addEventListener('vsmap:textsize', function () { map.invalidateSize(); });
})();
