// Swagger UI for the portal's two API documents, served from the jar (no CDN).
(function () {
  'use strict';
  var doc = new URLSearchParams(window.location.search).get('doc');
  window.ui = SwaggerUIBundle({
    url: doc === 'ogc' ? '/ogc/api' : '/api/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout'
  });
})();
