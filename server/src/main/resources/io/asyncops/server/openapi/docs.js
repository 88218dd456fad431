// Shows asyncops' own OpenAPI document; "Authorize" takes a bearer token for "Try it out".
window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: '/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    validatorUrl: null
  });
});
