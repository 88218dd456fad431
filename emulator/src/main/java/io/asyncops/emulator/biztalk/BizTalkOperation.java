package io.asyncops.emulator.biztalk;

import io.asyncops.engine.Operation;
import java.util.Objects;

/**
 * A management operation on a BizTalk Services deployment, found by its handle.
 *
 * @param requestId    the handle: the {@code x-ms-request-id} of the request that started it
 * @param action       what it does
 * @param subscription the subscription it belongs to
 * @param cloudService the cloud service of the deployment it acts on
 * @param resourceName the deployment's name
 * @param edition      the deployment's edition when the operation started
 * @param operation    the engine's current snapshot of it
 */
public record BizTalkOperation(
        String requestId,
        BizTalkAction action,
        String subscription,
        String cloudService,
        String resourceName,
        Edition edition,
        Operation operation) {

    public BizTalkOperation {
        Objects.requireNonNull(requestId, "requestId == null");
        Objects.requireNonNull(action, "action == null");
        Objects.requireNonNull(edition, "edition == null");
        Objects.requireNonNull(operation, "operation == null");
    }

    /** Whether it acts on the deployment {@code name} of {@code cloudService} (names compared without case). */
    public boolean actsOn(String cloudService, String name) {
        return this.cloudService.equalsIgnoreCase(cloudService) && resourceName.equalsIgnoreCase(name);
    }
}
