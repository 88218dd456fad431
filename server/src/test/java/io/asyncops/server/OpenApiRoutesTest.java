package io.asyncops.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.asyncops.protocol.Json;
import io.asyncops.server.classic.ClassicPlane;
import io.asyncops.server.internal.openapi.OpenApiService;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every route the server registers is in {@code /openapi.json}, and every operation there is a registered route:
 * the routing is rebuilt with {@link RouteRecorder}, so the two cannot drift. The server runs with the classic plane;
 * the ARM plane's routes are left out on purpose: they are the emulated Azure Resource Manager API of the
 * providers (described by Azure's own OpenAPI specifications), not asyncops' own.
 */
class OpenApiRoutesTest {
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head",
            "options", "trace");

    @TempDir
    Path data;

    @Test
    void everyRegisteredRouteIsDescribedAndEveryDescribedRouteIsRegistered() throws Exception {
        Set<String> registered = new TreeSet<>();
        Set<String> anyMethod = new TreeSet<>();
        try (AsyncOpsServer server = AsyncOpsServer.start(ServerConfig.builder().httpPort(0).dataDir(data)
                .addPlane(new ClassicPlane()).build())) {
            RouteRecorder recorder = new RouteRecorder();
            ServerRouting.routing(recorder.builder(), server.pipeline());
            for (RouteRecorder.Route r : recorder.routes()) {
                if (r.path() == null) {
                    continue; // the 404 fallback
                }
                if (r.method().equals("ANY")) {
                    anyMethod.add(template(r.path()));
                } else {
                    registered.add(r.method() + " " + template(r.path()));
                }
            }
        }
        JsonNode doc;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(OpenApiService.DOCUMENT)) {
            doc = Json.mapper().readTree(in);
        }
        Set<String> described = new TreeSet<>();
        Set<String> describedPaths = new TreeSet<>();
        for (Iterator<String> it = doc.path("paths").fieldNames(); it.hasNext(); ) {
            String path = it.next();
            describedPaths.add(template(path));
            for (Iterator<String> m = doc.path("paths").path(path).fieldNames(); m.hasNext(); ) {
                String method = m.next();
                if (HTTP_METHODS.contains(method)) {
                    described.add(method.toUpperCase(Locale.ROOT) + " " + template(path));
                }
            }
        }

        assertThat(registered).as("registered routes").isNotEmpty()
                .contains("GET /subscriptions/{}/providers/{}/locations/{}/operationStatuses/{}", "GET /console",
                        "GET /console/api/subscriptions/{}/events", "GET /{}/operations/{}");
        assertThat(described).as("operations in /openapi.json").containsExactlyInAnyOrderElementsOf(registered);
        assertThat(describedPaths).as("paths answering any method (405s) are described").containsAll(anyMethod);
    }

    /**
     * A path template with its parameters' names dropped ({@code /a/{sub}/b} and {@code /a/{id}/b} are one) and
     * without a trailing slash: a route registered with one as well (the token endpoint, where some clients post)
     * is the same operation, described once.
     */
    static String template(String path) {
        String t = path.replaceAll("\\{[^}/]+}", "{}");
        return t.length() > 1 && t.endsWith("/") ? t.substring(0, t.length() - 1) : t;
    }
}
