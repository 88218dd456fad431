package io.asyncops.server.classic;

import io.asyncops.emulator.biztalk.BizTalkCaller;
import io.asyncops.protocol.HeaderNames;
import io.asyncops.server.spi.ApiException;
import io.asyncops.server.spi.Principal;
import io.asyncops.server.spi.RequestIds;
import io.helidon.webserver.http.ServerRequest;
import java.time.LocalDate;

/** What every classic route does first. */
final class ClassicRequests {
    private static final io.helidon.http.HeaderName IDEMPOTENCY_KEY =
            io.helidon.http.HeaderNames.create(HeaderNames.IDEMPOTENCY_KEY);

    private ClassicRequests() {
    }

    /**
     * Checks {@code x-ms-version} (at least {@code minVersion}), {@code Content-Type} and that the caller may see the
     * URL's subscription; returns the subscription id.
     *
     * @throws ApiException 400, 415, or 404 {@code ResourceNotFound} for a subscription the caller may not see
     */
    static String admit(ServerRequest request, LocalDate minVersion, boolean bodyExpected) {
        ServiceManagementVersion.require(request, minVersion);
        ClassicXml.checkContentType(request, bodyExpected);
        String subscription = request.path().pathParameters().get("sub");
        if (!Principal.of(request).canSee(subscription)) {
            throw subscriptionNotFound(subscription);
        }
        return subscription;
    }

    static ApiException subscriptionNotFound(String subscription) {
        String shown = subscription.length() > 64 ? subscription.substring(0, 64) + "..." : subscription;
        return new ApiException(404, "ResourceNotFound", "The subscription '" + shown + "' could not be found.");
    }

    /** The caller of a start request: its subscription, principal, request id and retry key. */
    static BizTalkCaller caller(ServerRequest request, String subscription) {
        RequestIds ids = RequestIds.of(request);
        String key = request.headers().first(IDEMPOTENCY_KEY).filter(v -> !v.isBlank())
                .orElse(ids.clientRequestId());
        if (key != null && key.length() > 128) {
            throw new ApiException(400, "InvalidHeader", "The Idempotency-Key header must be at most 128 characters"
                    + " long; it has " + key.length() + ".");
        }
        return new BizTalkCaller(subscription, Principal.of(request).subject(), ids.requestId(), key);
    }

    /** 405 {@code InvalidHttpVerb} (the Service Management code for a verb a resource does not take), with {@code Allow}. */
    static ApiException methodNotAllowed(ServerRequest request, String... allowed) {
        return new ApiException(405, "InvalidHttpVerb", "The HTTP verb '" + request.prologue().method().text()
                + "' is not valid for this resource; use " + String.join(", ", allowed) + ".")
                .withHeader("Allow", String.join(", ", allowed));
    }
}
