package io.asyncops.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;

/**
 * A stored resource as the generic store keeps it: one row keyed by its ARM resource id (compared without case).
 *
 * @param id                the resource id, in the case given when it was created
 * @param type              its type, e.g. {@code Microsoft.Sql/servers}
 * @param name              its name (the id's last segment)
 * @param subscription      the subscription id
 * @param resourceGroup     the resource group's name, null for a resource outside any group
 * @param location          normalized region, null for a resource without one
 * @param body              the stored body ({@code id}, {@code name}, {@code type}, {@code location}, {@code tags},
 *                          {@code properties}...), without provisioning state and etag; a copy per call
 * @param provisioningState see {@link ProvisioningState}
 * @param etag              changes whenever the row changes (at a write's submit and at its end)
 * @param createdAt         when it was first stored
 * @param changedAt         when it last changed
 */
public record Resource(
        String id,
        String type,
        String name,
        String subscription,
        String resourceGroup,
        String location,
        ObjectNode body,
        String provisioningState,
        String etag,
        Instant createdAt,
        Instant changedAt) {

    public Resource {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(type, "type == null");
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(subscription, "subscription == null");
        Objects.requireNonNull(body, "body == null");
        Objects.requireNonNull(provisioningState, "provisioningState == null");
        Objects.requireNonNull(etag, "etag == null");
        Objects.requireNonNull(createdAt, "createdAt == null");
        Objects.requireNonNull(changedAt, "changedAt == null");
    }

    /** A copy of the stored body, free to change. */
    @Override
    public ObjectNode body() {
        return body.deepCopy();
    }

    /** Whether an operation holds it (Creating, Updating, Deleting). */
    public boolean isTransitional() {
        return ProvisioningState.isTransitional(provisioningState);
    }
}
