// /embed/builder: the form makes the widget's URL; the preview and both snippets follow it. The
// height is the whole frame's (the widget fills it: search, map, credit): the preview is the iframe
// snippet at that size, and the script loader gets the same height (its 800 px cap raised to it).
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
    var h = frameHeight();
    if (h !== 560) { params.set('height', String(h)); }
    ['search', 'list', 'colour', 'lang'].forEach(function (n) { var el = form.elements[n]; if (el.checked) { params.set(n, el.value); } });
    var q = params.toString();
    return location.origin + '/embed' + (q ? '?' + q : '');
  }
  function frameHeight() {
    var h = parseInt(form.elements.height.value, 10) || 560;
    return Math.max(200, Math.min(2000, h));
  }
  function escape(s) { return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;'); }
  function update() {
    var u = url();
    var h = frameHeight();
    if (preview.src !== u) { preview.src = u; }
    preview.style.height = h + 'px';
    iframeSnippet.value = '<iframe src="' + escape(u) + '" width="100%" height="' + h + '" style="border:0" loading="lazy" allow="geolocation" title="志愿服务地图"></iframe>';
    scriptSnippet.value = '<script src="' + location.origin + '/static/embed-loader.js" data-src="' + escape(u) + '"' +
      ' data-height="' + h + '"' + (h > 800 ? ' data-max-height="' + h + '"' : '') + ' async></scr' + 'ipt>';
  }
  // copy buttons: the clipboard API where the page may use it, else the selection and execCommand
  Array.prototype.forEach.call(document.querySelectorAll('button[data-copy]'), function (b) {
    b.addEventListener('click', function () {
      var area = document.getElementById(b.getAttribute('data-copy'));
      var status = b.parentNode.querySelector('.copied');
      function done() { status.textContent = status.getAttribute('data-copied'); setTimeout(function () { status.textContent = ''; }, 3000); }
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(area.value).then(done, function () { area.select(); document.execCommand('copy'); done(); });
      } else {
        area.select(); document.execCommand('copy'); done();
      }
    });
  });
  form.addEventListener('change', update);
  form.addEventListener('input', update);
  update();
})();
