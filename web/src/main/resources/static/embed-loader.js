// One line on an office's page puts the volunteer map there:
//   <script src="https://PORTAL/static/embed-loader.js" data-src="https://PORTAL/embed?region=150602" async></script>
// Options on the script element: data-height (px, 560 by default: the widget's height),
// data-max-height (px, 800 by default: never taller, whatever the widget asks), data-title.
// It inserts an iframe after itself at that height (the widget fills it; its list scrolls and pages
// inside), and re-dispatches the map's selections on the host page as a "vsmap:select" DOM event
// that bubbles from the iframe: event.detail = {kind: "station"|"team"|"activity", id, name, url}.
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script) { return; }
  var src = script.getAttribute('data-src');
  if (!src) { return; }
  var origin = new URL(src, location.href).origin;
  var max = parseInt(script.getAttribute('data-max-height'), 10);
  if (!(max >= 200)) { max = 800; }
  function clamp(h) { return Math.max(200, Math.min(max, h)); }
  var asked = parseInt(script.getAttribute('data-height'), 10);
  var frame = document.createElement('iframe');
  frame.src = src;
  frame.title = script.getAttribute('data-title') || '志愿服务地图 / Volunteer Service Map';
  frame.loading = 'lazy';
  frame.setAttribute('allow', 'geolocation');
  frame.style.width = '100%';
  frame.style.border = '0';
  frame.style.display = 'block';
  frame.style.height = clamp(asked >= 200 ? asked : 560) + 'px';
  script.parentNode.insertBefore(frame, script.nextSibling);
  window.addEventListener('message', function (e) {
    if (e.origin !== origin || e.source !== frame.contentWindow || !e.data || typeof e.data !== 'object') { return; }
    if (e.data.type === 'vsmap:resize' && typeof e.data.height === 'number') {
      frame.style.height = clamp(e.data.height) + 'px';
    } else if (e.data.type === 'vsmap:select') {
      frame.dispatchEvent(new CustomEvent('vsmap:select', { bubbles: true,
        detail: { kind: e.data.kind, id: e.data.id, name: e.data.name, url: e.data.url } }));
    }
  });
})();
