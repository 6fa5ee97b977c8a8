/* On every page: the 大字 (large text) button. The choice is kept in a cookie for a year, so the
   server renders every later page large (TextSize.java); the page switches at once, and a map on it
   is told to fit its new size. */
(function () {
  'use strict';
  var button = document.getElementById('large-text');
  if (!button) { return; }
  button.addEventListener('click', function () {
    var on = document.documentElement.classList.toggle('large-text');
    button.setAttribute('aria-pressed', on ? 'true' : 'false');
    document.cookie = 'vsmap_text=' + (on ? 'large; max-age=31536000' : '; max-age=0') + '; path=/; SameSite=Lax';
    document.dispatchEvent(new CustomEvent('vsmap:textsize', { detail: { large: on } }));
  });
})();
