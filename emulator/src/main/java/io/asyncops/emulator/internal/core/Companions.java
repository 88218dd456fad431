package io.asyncops.emulator.internal.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asyncops.emulator.Caller;
import io.asyncops.emulator.PathTemplate;
import io.asyncops.emulator.ProvisioningState;
import io.asyncops.emulator.Resource;
import io.asyncops.emulator.ResourceType;
import io.asyncops.emulator.ResourceTypes;
import io.asyncops.emulator.Verb;
import io.asyncops.emulator.WriteRequest;
import io.asyncops.emulator.internal.store.NewRow;
import io.asyncops.emulator.internal.store.ResourceStore;
import io.asyncops.protocol.Json;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The resources that exist as long as their parent ({@link ResourceType.Builder#createdWithParent}), inserted in the
 * transaction that inserts the parent, in the state {@code Succeeded}; they go with the parent like any child.
 */
final class Companions {
    private Companions() {
    }

    /**
     * Inserts the companions of {@code parent} (just inserted, of {@code type}, at {@code path}), and theirs.
     *
     * @param path the parent's path parameter values by name
     */
    static void insert(Connection c, ResourceTypes types, ResourceType type, Resource parent, Map<String, String> path,
                       Caller caller, Instant now) throws SQLException {
        for (ResourceType child : types.createdWith(type)) {
            String name = child.createdWithParent();
            List<PathTemplate.Segment> own = child.path().segments().subList(type.path().size(), child.path().size());
            StringBuilder id = new StringBuilder(parent.id());
            Map<String, String> values = new HashMap<>(path);
            for (PathTemplate.Segment s : own) {
                id.append('/').append(s.parameter() ? name : s.text());
                if (s.parameter()) {
                    values.put(s.text(), name);
                }
            }
            String location = child.tracked() ? parent.location() : null;
            WriteRequest request = new WriteRequest(Verb.PUT, child, id.toString(), name,
                    Json.mapper().createObjectNode(), values, caller, now);
            ObjectNode body = Envelope.wrap(child, id.toString(), name, location, child.hooks().initial(request,
                    parent));
            String etag = Core.newEtag();
            ResourceStore.insert(c, new NewRow(id.toString(), child.type(), ResourceStore.key(parent.id()),
                    parent.subscription(), parent.resourceGroup(), name, false, parent.location(), body, null,
                    ProvisioningState.SUCCEEDED, etag, now));
            Resource inserted = new Resource(id.toString(), child.type(), name, parent.subscription(),
                    parent.resourceGroup(), parent.location(), body, ProvisioningState.SUCCEEDED, etag, now, now);
            insert(c, types, child, inserted, values, caller, now);
        }
    }
}
