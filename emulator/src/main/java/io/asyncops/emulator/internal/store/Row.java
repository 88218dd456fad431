package io.asyncops.emulator.internal.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asyncops.emulator.Resource;

/**
 * A row of the generic store: the resource, and what only the core needs.
 *
 * @param resource  the resource
 * @param pending   the body a running long-running write will store when it succeeds, null when none runs
 * @param parentKey the parent's id in lower case
 */
public record Row(Resource resource, ObjectNode pending, String parentKey) {

    /** The lower-cased id. */
    public String key() {
        return ResourceStore.key(resource.id());
    }
}
