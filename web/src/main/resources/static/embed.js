// The embedded map talks to the page that hosts it (any origin: what it says is public):
//   {type: "vsmap:resize", height}                 the height it was made for (?height=, 560 by default)
//   {type: "vsmap:select", kind, id, name, url}    when a resident selects a station, team or activity,
//                                                  on the map (a marker's popup) or in the list
// It fills its frame and never asks for more: its list scrolls and pages inside the frame.
(function () {
  'use strict';
  var body = document.body;
  var toggle = document.getElementById('list-toggle');
  var close = document.getElementById('list-close');
  function setList(open) {
    body.classList.toggle('list-open', open);
    if (toggle) { toggle.setAttribute('aria-expanded', open ? 'true' : 'false'); }
    if (open && close) { close.focus(); } else if (!open && toggle && document.activeElement === close) { toggle.focus(); }
  }
  if (toggle) { toggle.addEventListener('click', function () { setList(true); }); }
  if (close) { close.addEventListener('click', function () { setList(false); }); }
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && body.classList.contains('list-open')) { setList(false); }
  });
  // 地图 in the list: close the drawer so the map shows what was chosen
  document.addEventListener('click', function (e) {
    if (e.target.closest && e.target.closest('.show-on-map')) { setList(false); }
  });
  if (window.parent === window) { return; }
  var height = parseInt(body.getAttribute('data-embed-height'), 10);
  function size() {
    window.parent.postMessage({ type: 'vsmap:resize', height: height, href: location.href }, '*');
  }
  if (height >= 200 && height <= 2000) {
    window.addEventListener('load', size);
    setTimeout(size, 0);
  }
  document.addEventListener('vsmap:select', function (e) {
    var d = e.detail || {};
    window.parent.postMessage({ type: 'vsmap:select', kind: d.kind, id: d.id, name: d.name,
      url: d.url ? new URL(d.url, location.href).href : null }, '*');
  });
})();
