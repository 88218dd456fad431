// Validates recorded exchanges with Microsoft's live-traffic validator (oav's LiveValidator).
// Usage: node validate.js <specification folder> <exchanges.json> <results.json> <pattern> [<pattern>...]
// exchanges.json: [{"request": {method, url, headers, body}, "response": {statusCode, headers, body}}, ...]
// Writes one JSON document to results.json (oav logs on stdout):
// {"results": [{index, method, url, status, operationId, requestErrors, responseErrors}]}.
"use strict";
const fs = require("fs");
const { LiveValidator } = require("oav");

async function main() {
  const [directory, exchangesFile, resultsFile, ...patterns] = process.argv.slice(2);
  if (!directory || !exchangesFile || !resultsFile || patterns.length === 0) {
    console.error("usage: node validate.js <specification folder> <exchanges.json> <results.json> <pattern>...");
    process.exit(2);
  }
  const exchanges = JSON.parse(fs.readFileSync(exchangesFile, "utf8"));
  const validator = new LiveValidator({
    directory,
    swaggerPathsPattern: patterns,
    git: { shouldClone: false },
    isPathCaseSensitive: false,
  });
  await validator.initialize();
  const results = [];
  for (let i = 0; i < exchanges.length; i++) {
    const { request, response } = exchanges[i];
    const r = await validator.validateLiveRequestResponse({
      liveRequest: request,
      liveResponse: { ...response, statusCode: String(response.statusCode) },
    });
    const brief = (errors) => (errors || []).map((e) => ({ code: e.code, path: e.path, message: e.message }));
    results.push({
      index: i,
      method: request.method,
      url: request.url,
      status: response.statusCode,
      operationId: r.responseValidationResult.operationInfo
        ? r.responseValidationResult.operationInfo.operationId : "unknownOperationId",
      requestErrors: brief(r.requestValidationResult.errors),
      responseErrors: brief(r.responseValidationResult.errors),
      runtimeException: r.requestValidationResult.runtimeException || r.responseValidationResult.runtimeException
        ? String((r.requestValidationResult.runtimeException || r.responseValidationResult.runtimeException).message)
        : undefined,
    });
  }
  fs.writeFileSync(resultsFile, JSON.stringify({ results }, null, 1) + "\n");
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : String(e));
  process.exit(1);
});
