package io.asyncops.server.spi;

import io.asyncops.engine.OperationId;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** Builds ARM paths with each variable segment percent-encoded. */
public final class ArmPaths {
    private ArmPaths() {
    }

    /**
     * {@code /subscriptions/{sub}/providers/{namespace}/locations/{location}/{collection}/{id}}, where
     * {@code collection} is {@code operationStatuses} or {@code operationResults}.
     */
    public static String operation(String subscription, String namespace, String location, String collection,
                                   OperationId id) {
        Objects.requireNonNull(id, "id == null");
        return "/subscriptions/" + segment(subscription) + "/providers/" + segment(namespace)
                + "/locations/" + segment(location) + "/" + segment(collection) + "/" + id;
    }

    /** {@code ?api-version=...}, encoded. */
    public static String apiVersionQuery(String apiVersion) {
        return "?api-version=" + URLEncoder.encode(Objects.requireNonNull(apiVersion, "apiVersion == null"),
                StandardCharsets.UTF_8);
    }

    /** One path segment, percent-encoded (spaces as {@code %20}, never {@code +}). */
    public static String segment(String value) {
        Objects.requireNonNull(value, "path segment == null");
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
