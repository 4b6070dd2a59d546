// Swagger UI (vendored) on the OpenAPI description of the named-query API.
(function () {
  "use strict";
  var el = document.getElementById("swagger-ui");
  if (!el || !window.SwaggerUIBundle) { return; }
  window.SwaggerUIBundle({ url: el.getAttribute("data-url"), domNode: el, deepLinking: true,
    validatorUrl: null, tryItOutEnabled: true });
}());
