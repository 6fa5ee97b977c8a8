// /embed/builder: the form makes the widget's URL; the preview and both snippets follow it.
(function () {
  'use strict';
  var form = document.getElementById('builder');
  var preview = document.getElementById('b-preview');
  var iframeSnippet = document.getElementById('b-iframe');
  var scriptSnippet = document.getElementById('b-script');
  function url() {
    var params = new URLSearchParams();
    var kinds = form.querySelectorAll('input[name=kind]');
    var checked = Array.prototype.filter.call(kinds, function (k) { return k.checked; });
    if (checked.length && checked.length < kinds.length) { checked.forEach(function (k) { params.append('kind', k.value); }); }
    ['region', 'theme'].forEach(function (n) { var v = form.elements[n].value; if (v) { params.set(n, v); } });
    var h = parseInt(form.elements.height.value, 10);
    if (h && h !== 480) { params.set('height', String(Math.max(200, Math.min(2000, h)))); }
    ['search', 'list', 'colour', 'lang'].forEach(function (n) { var el = form.elements[n]; if (el.checked) { params.set(n, el.value); } });
    var q = params.toString();
    return location.origin + '/embed' + (q ? '?' + q : '');
  }
  function escape(s) { return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;'); }
  function update() {
    var u = url();
    var h = Math.max(200, Math.min(2000, parseInt(form.elements.height.value, 10) || 480)) + 80;
    if (preview.src !== u) { preview.src = u; }
    iframeSnippet.value = '<iframe src="' + escape(u) + '" width="100%" height="' + h + '" style="border:0" loading="lazy" allow="geolocation" title="志愿服务地图"></iframe>';
    scriptSnippet.value = '<script src="' + location.origin + '/static/embed-loader.js" data-src="' + escape(u) + '" async></scr' + 'ipt>';
  }
  form.addEventListener('change', update);
  form.addEventListener('input', update);
  update();
})();
