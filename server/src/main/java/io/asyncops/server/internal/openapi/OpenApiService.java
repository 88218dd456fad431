package io.asyncops.server.internal.openapi;

import io.asyncops.server.internal.web.Assets;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import java.util.Map;

/**
 * The OpenAPI 3.1 description of asyncops' own API at {@code /openapi.json}, and swagger-ui (from its pinned webjar)
 * at {@code /docs} showing it. No token needed: the description holds nothing secret. The document is a resource
 * kept by hand next to the routes; a test checks it against every route the server registers.
 */
public final class OpenApiService implements HttpService {
    /** The classpath location of the document. */
    public static final String DOCUMENT = "io/asyncops/server/openapi/openapi.json";
    private static final String SWAGGER_UI = "META-INF/resources/webjars/swagger-ui/5.34.1/";
    private static final Assets DESCRIPTION = new Assets(Map.of(
            "openapi.json", new Assets.Asset(DOCUMENT, "application/json; charset=utf-8")),
            "default-src 'none'; frame-ancestors 'none'");
    private static final Assets VIEWER = new Assets(Map.of(
            "index.html", new Assets.Asset("io/asyncops/server/openapi/docs.html", "text/html; charset=utf-8"),
            "docs.js", new Assets.Asset("io/asyncops/server/openapi/docs.js", "text/javascript; charset=utf-8"),
            "swagger-ui.css", new Assets.Asset(SWAGGER_UI + "swagger-ui.css", "text/css; charset=utf-8"),
            "swagger-ui-bundle.js", new Assets.Asset(SWAGGER_UI + "swagger-ui-bundle.js",
                    "text/javascript; charset=utf-8"),
            "favicon-32x32.png", new Assets.Asset(SWAGGER_UI + "favicon-32x32.png", "image/png")),
            // swagger-ui sets style attributes and shows data: images
            "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self';"
                    + " img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");

    @Override
    public void routing(HttpRules rules) {
        rules.get("/openapi.json", (req, res) -> DESCRIPTION.send("openapi.json", res))
                .get("/docs", (req, res) -> VIEWER.send("index.html", res))
                .get("/docs/{file}", (req, res) -> VIEWER.send(req.path().pathParameters().get("file"), res));
    }
}
