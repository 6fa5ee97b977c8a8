// Charts of /stats, each drawn from the table printed beside it (ECharts from the jar), and the
// districts' choropleth (Leaflet). Numbers that are withheld ("<5", "×") are left out of a chart.
(function () {
  'use strict';
  function number(text) {
    var v = parseFloat(text);
    return /^-?\d+(\.\d+)?$/.test(text.trim()) ? v : null;
  }
  function read(table, column) {
    var labels = [], values = [];
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      var head = row.querySelector('th');
      var cells = row.querySelectorAll('td');
      var cell = column !== null ? row.cells[column] : cells[cells.length - 1];
      labels.push(head.textContent.trim());
      values.push(number(cell.textContent));
    });
    return { labels: labels, values: values };
  }
  var charts = [];
  Array.prototype.forEach.call(document.querySelectorAll('.chart[data-table]'), function (el) {
    var table = document.getElementById(el.dataset.table);
    if (!table || !window.echarts) { return; }
    var kind = table.dataset.chart;
    var data = read(table, el.dataset.column ? parseInt(el.dataset.column, 10) : null);
    var horizontal = kind === 'hbar';
    var category = { type: 'category', data: horizontal ? data.labels.slice().reverse() : data.labels, axisLabel: { interval: 0, rotate: horizontal ? 0 : 30 } };
    var value = { type: 'value' };
    var chart = echarts.init(el, null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      grid: { left: horizontal ? 110 : 50, right: 20, top: 20, bottom: horizontal ? 30 : 70 },
      tooltip: { trigger: 'axis' },
      xAxis: horizontal ? value : category,
      yAxis: horizontal ? category : value,
      series: [{ type: kind === 'line' ? 'line' : 'bar', data: horizontal ? data.values.slice().reverse() : data.values, itemStyle: { color: '#b3261e' } }]
    });
    el.setAttribute('data-drawn', String(data.values.filter(function (v) { return v !== null; }).length));
    charts.push(chart);
  });
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  window.addEventListener('beforeprint', function () { charts.forEach(function (c) { c.resize(); }); });

  var mapEl = document.getElementById('stats-map');
  if (mapEl && window.L) {
    var values = JSON.parse(mapEl.dataset.values || '{}');
    var target = parseFloat(mapEl.dataset.target);
    var map = vsBasemap.map(mapEl, { scrollWheelZoom: false, lang: document.documentElement.lang === 'en' ? 'en' : 'zh' })
      .setView([39.6, 109.8], 7);
    var nums = Object.keys(values).map(function (k) { return values[k]; });
    var lo = Math.min.apply(null, nums), hi = Math.max.apply(null, nums);
    function colour(v) {
      if (v === undefined) { return '#dddddd'; }
      var t = hi > lo ? (v - lo) / (hi - lo) : 0.5;
      var shades = ['#fde0dd', '#fcc5c0', '#fa9fb5', '#f768a1', '#c51b8a', '#7a0177'];
      return shades[Math.min(shades.length - 1, Math.floor(t * shades.length))];
    }
    fetch('/api/regions.geojson?level=county').then(function (r) { return r.json(); }).then(function (fc) {
      var layer = L.geoJSON(fc, {
        style: function (f) {
          var v = values[f.properties.code];
          return { fillColor: colour(v), fillOpacity: 0.8, color: v !== undefined && v < target ? '#d00000' : '#555555', weight: v !== undefined && v < target ? 2 : 1 };
        },
        onEachFeature: function (f, l) {
          var v = values[f.properties.code];
          var div = document.createElement('div');
          div.textContent = f.properties.name + ': ' + (v === undefined ? '—' : v + '%');
          l.bindTooltip(div.innerHTML);
        }
      }).addTo(map);
      if (layer.getLayers().length) { map.fitBounds(layer.getBounds()); }
      mapEl.setAttribute('data-loaded', String(layer.getLayers().length));
    }).catch(function () { mapEl.setAttribute('data-loaded', 'error'); });
  }
})();
