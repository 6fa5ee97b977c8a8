/* The poster's print button (the page itself needs no script). */
(function () {
  'use strict';
  var b = document.getElementById('print');
  if (b) { b.addEventListener('click', function () { window.print(); }); }
}());
