package io.asyncops.emulator;

import io.asyncops.engine.Operation;
import java.util.Objects;

/**
 * A long-running operation a provider accepted: what the HTTP plane needs for its {@code 202}, whose status URLs
 * are {@code /subscriptions/{sub}/providers/{providerNamespace}/locations/{location}/operationStatuses/{id}}.
 *
 * @param operation         the committed operation
 * @param providerNamespace {@code Microsoft.Sql} or {@code Microsoft.Resources}
 * @param location          the normalized Azure region of the resource, e.g. {@code westus}
 */
public record StartedOperation(Operation operation, String providerNamespace, String location) {
    public StartedOperation {
        Objects.requireNonNull(operation, "operation == null");
        Objects.requireNonNull(providerNamespace, "providerNamespace == null");
        Objects.requireNonNull(location, "location == null");
    }
}
