package io.asyncops.server;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Helpers shared by the operation route tests. */
final class OperationRoutesTestSupport {
    private OperationRoutesTestSupport() {
    }

    /** The cancel URL of a status monitor URL: its path plus {@code /cancel}, same query. */
    static String cancelUrl(String status) {
        URI u = URI.create(status);
        return u.getScheme() + "://" + u.getAuthority() + u.getPath() + "/cancel?" + u.getQuery();
    }

    static HttpResponse<String> cancel(TestServer server, String status) {
        return server.send(server.request(URI.create(cancelUrl(status))).POST(HttpRequest.BodyPublishers.noBody()));
    }
}
