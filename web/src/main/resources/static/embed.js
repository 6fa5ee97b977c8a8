// The embedded map talks to the page that hosts it (any origin: what it says is public):
//   {type: "vsmap:resize", height}                 whenever its content height changes
//   {type: "vsmap:select", kind, id, name, url}    when a resident selects a station, team or activity
(function () {
  'use strict';
  // the map's height, set through the CSSOM (the CSP allows no style attributes); before map.js draws the map
  var height = parseInt(document.body.getAttribute('data-embed-height'), 10);
  if (height >= 200 && height <= 2000) { document.body.style.setProperty('--embed-height', height + 'px'); }
  if (window.parent === window) { return; }
  var last = 0;
  function size() {
    var h = Math.ceil(document.documentElement.scrollHeight);
    if (h !== last) {
      last = h;
      window.parent.postMessage({ type: 'vsmap:resize', height: h, href: location.href }, '*');
    }
  }
  if (window.ResizeObserver) { new ResizeObserver(size).observe(document.body); }
  window.addEventListener('load', size);
  setTimeout(size, 0);
  document.addEventListener('vsmap:select', function (e) {
    var d = e.detail || {};
    window.parent.postMessage({ type: 'vsmap:select', kind: d.kind, id: d.id, name: d.name,
      url: d.url ? new URL(d.url, location.href).href : null }, '*');
  });
})();
