package io.asyncops.emulator.biztalk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asyncops.emulator.Answer;
import io.asyncops.emulator.AzureException;
import io.asyncops.emulator.Caller;
import io.asyncops.emulator.Conditions;
import io.asyncops.emulator.ProviderCore;
import io.asyncops.emulator.Resource;
import io.asyncops.emulator.ResourceType;
import io.asyncops.emulator.internal.NameRules;
import io.asyncops.emulator.internal.Tags;
import io.asyncops.emulator.internal.core.OperationInput;
import io.asyncops.engine.Operation;
import io.asyncops.protocol.Json;
import io.asyncops.protocol.classic.BizTalkResource;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The emulated BizTalk Services provider, for the classic plane's routes: create, restart and delete deployments
 * (each a long-running operation whose handle is the {@code x-ms-request-id} of the request that started it), read
 * them, and find operations by handle ({@code Engine.getByRequestId}). The deployments live in the provider core's
 * generic store as the resource type {@link #type}; this class speaks the classic plane's words on top of it.
 *
 * <pre>{@code
 * ResourceTypes types = ResourceTypes.of(List.of(BizTalkServices.type(BizTalkTimings.DEFAULT)));
 * // ... migrate, register types.handlers(...), start the engine, ProviderCore.create(...)
 * BizTalkServices biztalk = new BizTalkServices(core);
 * BizTalkOperation op = biztalk.create(new BizTalkCaller(sub, user, requestId, null), "mycloudservice1",
 *         "mybiztalkservice", BizTalkResource.request("mybiztalkservice", "Standard", "Standard", "West US", null));
 * }</pre>
 */
public final class BizTalkServices {
    private final ProviderCore core;
    private final ResourceType type;

    /** The provider on {@code core}, whose types must include {@link #type}. */
    public BizTalkServices(ProviderCore core) {
        this.core = Objects.requireNonNull(core, "core == null");
        this.type = core.types().find(BizTalkType.TYPE).orElseThrow(() -> new IllegalArgumentException(
                "the provider core does not serve " + BizTalkType.TYPE));
    }

    /** The resource type of deployments, taking {@code timings} (at time scale 1). */
    public static ResourceType type(BizTalkTimings timings) {
        return BizTalkType.of(Objects.requireNonNull(timings, "timings == null"));
    }

    /**
     * Starts provisioning a new deployment.
     *
     * @throws AzureException 400 for an invalid name or body, 409 {@code ConflictError} when the name is taken or an
     *                        operation on it still runs
     */
    public BizTalkOperation create(BizTalkCaller caller, String cloudService, String name, BizTalkResource body) {
        checkNames(caller, cloudService, name);
        CreateRequest request = CreateRequest.validate(name, body);
        ObjectNode json = Json.mapper().createObjectNode();
        json.put("plan", request.edition().wireName());
        json.put("edition", request.edition().wireName());
        json.put("region", request.region());
        json.put("schemaVersion", "1.0");
        Map<String, String> tags = new LinkedHashMap<>(request.tags());
        if (request.fault() != null) {
            tags.put(Tags.FAULT, request.fault());
        }
        json.set("tags", Json.mapper().valueToTree(tags));
        Answer answer = core.put(type, path(caller.subscription(), cloudService, name), json, caller(caller),
                Conditions.NONE);
        return started(caller, BizTalkAction.CREATE, cloudService, name, request.edition(), answer);
    }

    /**
     * Restarts an active deployment.
     *
     * @throws AzureException 404 {@code ResourceNotFound}, 409 {@code ConflictError} when it is not active or an
     *                        operation on it still runs
     */
    public BizTalkOperation restart(BizTalkCaller caller, String cloudService, String name) {
        BizTalkService service = existing(caller, cloudService, name);
        Answer answer = core.action(type, "restart", path(caller.subscription(), cloudService, name),
                Json.mapper().createObjectNode().put("edition", service.edition().wireName()), caller(caller));
        return started(caller, BizTalkAction.RESTART, service.cloudService(), service.name(), service.edition(),
                answer);
    }

    /**
     * Deletes a deployment (active, or failed to create).
     *
     * @throws AzureException 404 {@code ResourceNotFound}, 409 {@code ConflictError} while an operation on it runs
     */
    public BizTalkOperation delete(BizTalkCaller caller, String cloudService, String name) {
        BizTalkService service = existing(caller, cloudService, name);
        Answer answer = core.delete(type, path(caller.subscription(), cloudService, name), caller(caller),
                Conditions.NONE);
        return started(caller, BizTalkAction.DELETE, service.cloudService(), service.name(), service.edition(),
                answer);
    }

    /** The deployment {@code name} of {@code cloudService} in {@code subscription}, names compared without case. */
    public Optional<BizTalkService> get(String subscription, String cloudService, String name) {
        return core.find(type, path(subscription, cloudService, name)).map(BizTalkServices::service);
    }

    /**
     * The operation whose handle is {@code requestId}, if it belongs to {@code subscription} and the engine still
     * knows it (handles of pruned operations are forgotten).
     */
    public Optional<BizTalkOperation> findOperation(String subscription, String requestId) {
        if (subscription == null || requestId == null || requestId.isBlank() || requestId.length() > 64) {
            return Optional.empty();
        }
        Optional<Operation> found = core.engine().getByRequestId(requestId)
                .filter(op -> op.subscription() != null && op.subscription().equalsIgnoreCase(subscription));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Operation op = found.get();
        Optional<BizTalkAction> action = BizTalkAction.ofKind(op.kind());
        if (action.isEmpty()) {
            return Optional.empty();
        }
        OperationInput in = OperationInput.parse(op.input());
        String[] segments = in.id().split("/");
        String cloudService = segments[3];
        String name = segments[segments.length - 1];
        JsonNode edition = in.inputOrEmpty().get("edition");
        Edition known = edition != null ? Edition.parse(edition.asText(), "edition")
                : get(subscription, cloudService, name).map(BizTalkService::edition).orElse(Edition.STANDARD);
        return Optional.of(new BizTalkOperation(op.requestId(), action.get(), op.subscription(), cloudService, name,
                known, op));
    }

    private BizTalkService existing(BizTalkCaller caller, String cloudService, String name) {
        checkNames(caller, cloudService, name);
        return get(caller.subscription(), cloudService, name).orElseThrow(() -> AzureException.notFound(
                "ResourceNotFound", "The BizTalk service '" + name + "' in the cloud service '" + cloudService
                        + "' does not exist."));
    }

    private static BizTalkOperation started(BizTalkCaller caller, BizTalkAction action, String cloudService,
                                            String name, Edition edition, Answer answer) {
        Operation op = ((Answer.Started) answer).operation();
        String handle = op.requestId() != null ? op.requestId() : caller.requestId();
        return new BizTalkOperation(handle, action, caller.subscription(), cloudService, name, edition, op);
    }

    private static BizTalkService service(Resource r) {
        JsonNode b = r.body();
        String[] segments = r.id().split("/");
        Map<String, String> tags = new LinkedHashMap<>();
        b.path("tags").properties().forEach(e -> tags.put(e.getKey(), e.getValue().asText()));
        return new BizTalkService(r.subscription(), segments[3], r.name(),
                Edition.parse(b.path("plan").asText(), "plan"), Edition.parse(b.path("edition").asText(), "edition"),
                b.path("region").asText(), b.path("schemaVersion").asText(), tags,
                BizTalkType.state(r.provisioningState()), r.etag(),
                BizTalkAction.fromWireName(b.path("lastAction").asText()), b.path("lastRequestId").asText(),
                Instant.parse(b.path("createdAt").asText()));
    }

    private static Map<String, String> path(String subscription, String cloudService, String name) {
        Map<String, String> path = new LinkedHashMap<>();
        path.put("subscriptionId", subscription);
        path.put("cloudServiceName", cloudService);
        path.put("resourceName", name);
        return path;
    }

    private static Caller caller(BizTalkCaller caller) {
        return new Caller(caller.subscription(), caller.owner(), caller.requestId(), caller.idempotencyKey());
    }

    private static void checkNames(BizTalkCaller caller, String cloudService, String name) {
        NameRules.classicSubscription(caller.subscription());
        NameRules.cloudService(cloudService);
        NameRules.bizTalkService(name);
    }
}
