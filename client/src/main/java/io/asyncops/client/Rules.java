package io.asyncops.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.asyncops.client.internal.ClassicDocuments;
import io.asyncops.client.internal.JsonBodies;
import io.asyncops.client.internal.Urls;
import io.asyncops.protocol.ArmError;
import io.asyncops.protocol.HeaderNames;
import io.asyncops.protocol.ProvisioningStates;
import io.asyncops.protocol.classic.XmlRejectedException;
import java.net.URI;
import java.util.Optional;

/**
 * The protocol rules: what a response means and what to do next. Pure decisions over {@link PollState} (which
 * they update) and one {@link Exchange}; errors are thrown as the typed {@link LroException}s.
 *
 * <p>The rules, in Azure's words where Azure has them:
 * <ul>
 *   <li>A start request answered 204, or 200/201 with a terminal {@code provisioningState}, is done at once.</li>
 *   <li>Otherwise {@code Azure-AsyncOperation}, then {@code Operation-Location}, then {@code Location} says what to
 *       poll; relative URLs are resolved against the request, values that are not URLs are ignored.</li>
 *   <li>A 200/201 PUT or PATCH with a non-terminal {@code provisioningState} and no such header polls its own URL.</li>
 *   <li>A 202 with none of them is a classic operation when it carries {@code x-ms-request-id} and looks classic,
 *       and a protocol violation otherwise.</li>
 *   <li>Status monitors: {@code Succeeded}, {@code Failed}, {@code Canceled} are terminal (any case); any other
 *       status means still running. A new header of the same kind on a poll replaces the polling URL.</li>
 *   <li>{@code Location} polls: 202 is running (a new {@code Location} replaces the URL), 200/201/204 is done, unless
 *       the body's {@code provisioningState} says otherwise.</li>
 *   <li>The result per final-state-via; by default PUT/PATCH read the original URL, POST its first {@code Location}
 *       (else the status monitor), DELETE nothing.</li>
 * </ul>
 */
final class Rules {
    private Rules() {
    }

    /** The answer to the start request. */
    static Step initial(PollState s, Exchange r) {
        s.lastHttpStatus = r.status();
        if (!r.ok()) {
            throw httpError(r);
        }
        if (r.status() == 204) {
            s.status = ProvisioningStates.SUCCEEDED;
            return finish(s, r, true);
        }
        Optional<URI> asyncOperation = url(r, HeaderNames.AZURE_ASYNC_OPERATION);
        Optional<URI> operationLocation = url(r, HeaderNames.OPERATION_LOCATION);
        Optional<URI> location = url(r, HeaderNames.LOCATION);
        s.locationUri = location.orElse(null);

        if (r.status() == 200 || r.status() == 201) {
            JsonNode node = strictJson(r);
            String state = JsonBodies.provisioningState(node);
            if (state != null) {
                s.status = state;
                if (ProvisioningStates.isTerminal(state)) {
                    return terminal(s, r, state, node);
                }
            }
            if (asyncOperation.isPresent() || operationLocation.isPresent()) {
                return monitor(s, asyncOperation, operationLocation);
            }
            if (state != null || r.status() == 201) {
                if (location.isPresent()) {
                    return poll(s, Mode.LOCATION, location.get());
                }
                if (state != null && s.isWrite()) {
                    return poll(s, Mode.RESOURCE, s.originalUri);
                }
                if (state != null) {
                    throw violation("The answer says '" + state + "' but names nothing to poll", r);
                }
            }
            s.status = ProvisioningStates.SUCCEEDED;
            return finish(s, r, true);
        }
        if (r.status() == 202) {
            if (asyncOperation.isPresent() || operationLocation.isPresent()) {
                return monitor(s, asyncOperation, operationLocation);
            }
            if (location.isPresent()) {
                return poll(s, Mode.LOCATION, location.get());
            }
            Optional<String> requestId = r.header(HeaderNames.X_MS_REQUEST_ID).filter(v -> !v.isBlank());
            if (requestId.isPresent()) {
                Optional<Step> classic = classic(s, r, requestId.get().trim());
                if (classic.isPresent()) {
                    return classic.get();
                }
            }
            throw violation("202 Accepted without Azure-AsyncOperation, Operation-Location or Location", r);
        }
        s.status = ProvisioningStates.SUCCEEDED;
        return finish(s, r, true);
    }

    /** The answer to a poll. */
    static Step poll(PollState s, Exchange r) {
        s.lastHttpStatus = r.status();
        if (!r.ok()) {
            throw httpError(r);
        }
        return switch (s.mode) {
            case STATUS_MONITOR -> statusMonitor(s, r);
            case LOCATION -> location(s, r);
            case RESOURCE -> resource(s, r);
            case CLASSIC_BIZTALK, CLASSIC_OPERATIONS -> classicStatus(s, r);
            case AUTO -> auto(s, r);
            case NONE -> throw new IllegalStateException("Nothing to poll");
        };
    }

    /** The answer to the final GET. */
    static Step result(PollState s, Exchange r) {
        s.lastHttpStatus = r.status();
        if (!r.ok()) {
            throw httpError(r);
        }
        if (r.status() == 202) {
            throw violation("The final GET answered 202 Accepted after the operation Succeeded", r);
        }
        return finish(s, r, true);
    }

    private static Step statusMonitor(PollState s, Exchange r) {
        url(r, s.monitorHeader).ifPresent(u -> {
            s.pollingUri = u;
            s.statusUri = u;
        });
        JsonNode node;
        switch (JsonBodies.parse(r.body())) {
            case JsonBodies.Parsed.Empty empty -> {
                if (r.status() == 202) {
                    return Step.POLL;
                }
                throw violation("The status monitor answered without a body", r);
            }
            case JsonBodies.Parsed.Invalid invalid ->
                    throw violation("The status monitor's body is not valid JSON: " + invalid.reason(), r);
            case JsonBodies.Parsed.Valid valid -> node = valid.node();
        }
        String status = JsonBodies.status(node);
        if (status == null) {
            if (r.status() == 202) {
                return Step.POLL;
            }
            throw violation("The status monitor's body has no 'status'", r);
        }
        s.status = status;
        Double percent = JsonBodies.percentComplete(node);
        if (percent != null) {
            s.percentComplete = percent;
        }
        if (!ProvisioningStates.isTerminal(status)) {
            return Step.POLL;
        }
        if (!ProvisioningStates.isSucceeded(status)) {
            throw ended(status, JsonBodies.error(node), r);
        }
        return afterMonitor(s, r, node);
    }

    private static Step afterMonitor(PollState s, Exchange r, JsonNode node) {
        if ("DELETE".equals(s.method)) {
            return new Step.Done(r, false);
        }
        FinalStateVia via = s.finalStateVia;
        if (via == null) {
            boolean operationLocation = HeaderNames.OPERATION_LOCATION.equals(s.monitorHeader);
            if (s.isWrite()) {
                via = FinalStateVia.ORIGINAL_URI;
            } else if ("POST".equals(s.method) && s.locationUri != null) {
                via = FinalStateVia.LOCATION;
            } else {
                via = operationLocation ? FinalStateVia.OPERATION_LOCATION : FinalStateVia.AZURE_ASYNC_OPERATION;
            }
        }
        URI next = switch (via) {
            case AZURE_ASYNC_OPERATION -> null;
            case LOCATION -> s.locationUri;
            case ORIGINAL_URI -> s.originalUri;
            case OPERATION_LOCATION -> Urls.resolve(r.uri(), JsonBodies.text(node, "resourceLocation")).orElse(null);
        };
        return next != null ? new Step.Fetch(next) : finish(s, r, true);
    }

    private static Step location(PollState s, Exchange r) {
        if (r.status() == 202) {
            url(r, HeaderNames.LOCATION).ifPresent(u -> s.pollingUri = u);
            s.status = ProvisioningStates.IN_PROGRESS;
            return Step.POLL;
        }
        JsonNode node = lenientJson(r);
        String state = JsonBodies.provisioningState(node);
        if (state != null) {
            s.status = state;
            if (!ProvisioningStates.isTerminal(state)) {
                return Step.POLL;
            }
            if (!ProvisioningStates.isSucceeded(state)) {
                throw ended(state, JsonBodies.error(node), r);
            }
        }
        s.status = ProvisioningStates.SUCCEEDED;
        if (s.finalStateVia == FinalStateVia.ORIGINAL_URI && s.isWrite()) {
            return new Step.Fetch(s.originalUri);
        }
        return finish(s, r, true);
    }

    private static Step resource(PollState s, Exchange r) {
        if (r.status() == 202) {
            return Step.POLL;
        }
        if (r.status() == 204) {
            s.status = ProvisioningStates.SUCCEEDED;
            return finish(s, r, true);
        }
        JsonNode node = strictJson(r);
        String state = JsonBodies.provisioningState(node);
        if (state == null) {
            s.status = ProvisioningStates.SUCCEEDED;
            return finish(s, r, true);
        }
        s.status = state;
        return ProvisioningStates.isTerminal(state) ? terminal(s, r, state, node) : Step.POLL;
    }

    private static Step auto(PollState s, Exchange r) {
        JsonNode node = lenientJson(r);
        if (JsonBodies.status(node) != null) {
            s.mode = Mode.STATUS_MONITOR;
            s.statusUri = s.pollingUri;
            return statusMonitor(s, r);
        }
        if (JsonBodies.provisioningState(node) != null && r.status() != 202) {
            s.mode = Mode.RESOURCE;
            return resource(s, r);
        }
        s.mode = Mode.LOCATION;
        return location(s, r);
    }

    private static Step classicStatus(PollState s, Exchange r) {
        ClassicDocuments.Status status;
        try {
            status = ClassicDocuments.read(r.body());
        } catch (XmlRejectedException e) {
            throw violation("The classic status document is not readable: " + e.getMessage(), r);
        }
        s.status = status.status();
        if (!ProvisioningStates.isTerminal(status.status())) {
            return Step.POLL;
        }
        if (!ProvisioningStates.isSucceeded(status.status())) {
            throw ended(status.status(), status.error(), r);
        }
        return new Step.Done(r, true);
    }

    private static Optional<Step> classic(PollState s, Exchange r, String requestId) {
        ClassicPolling how = s.classicPolling;
        if (how == null) {
            if (Urls.bizTalkStatus(r.uri(), requestId).isPresent()) {
                how = ClassicPolling.BIZTALK_OPERATION_STATUS;
            } else if (s.classicVersion != null) {
                how = ClassicPolling.SERVICE_MANAGEMENT_OPERATIONS;
            } else {
                return Optional.empty();
            }
        }
        Optional<URI> statusUrl = how == ClassicPolling.BIZTALK_OPERATION_STATUS
                ? Urls.bizTalkStatus(r.uri(), requestId) : Urls.serviceManagementStatus(r.uri(), requestId);
        if (statusUrl.isEmpty()) {
            throw violation("Cannot build the " + how + " status URL from " + r.uri(), r);
        }
        s.status = ProvisioningStates.IN_PROGRESS;
        Mode mode = how == ClassicPolling.BIZTALK_OPERATION_STATUS ? Mode.CLASSIC_BIZTALK : Mode.CLASSIC_OPERATIONS;
        return Optional.of(poll(s, mode, statusUrl.get()));
    }

    private static Step monitor(PollState s, Optional<URI> asyncOperation, Optional<URI> operationLocation) {
        s.monitorHeader = asyncOperation.isPresent() ? HeaderNames.AZURE_ASYNC_OPERATION : HeaderNames.OPERATION_LOCATION;
        URI url = asyncOperation.orElseGet(operationLocation::get);
        s.statusUri = url;
        return poll(s, Mode.STATUS_MONITOR, url);
    }

    private static Step poll(PollState s, Mode mode, URI url) {
        s.mode = mode;
        s.pollingUri = url;
        return Step.POLL;
    }

    private static Step terminal(PollState s, Exchange r, String state, JsonNode node) {
        if (ProvisioningStates.isSucceeded(state)) {
            return finish(s, r, true);
        }
        throw ended(state, JsonBodies.error(node), r);
    }

    /** Succeeded with this response; a PUT or PATCH must end with the resource in hand. */
    private static Step finish(PollState s, Exchange r, boolean withBody) {
        s.status = ProvisioningStates.SUCCEEDED;
        if (s.isWrite() && r.status() != 204 && r.body().isBlank()) {
            throw violation("The " + s.method + " ended Succeeded without the resource in the body", r);
        }
        return new Step.Done(r, withBody);
    }

    private static JsonNode strictJson(Exchange r) {
        if (!JsonBodies.meantAsJson(r.contentType(), r.body())) {
            return null;
        }
        return switch (JsonBodies.parse(r.body())) {
            case JsonBodies.Parsed.Empty empty -> null;
            case JsonBodies.Parsed.Invalid invalid ->
                    throw violation("The body is not valid JSON: " + invalid.reason(), r);
            case JsonBodies.Parsed.Valid valid -> valid.node();
        };
    }

    private static JsonNode lenientJson(Exchange r) {
        return JsonBodies.parse(r.body()) instanceof JsonBodies.Parsed.Valid valid ? valid.node() : null;
    }

    private static Optional<URI> url(Exchange r, String header) {
        return r.header(header).flatMap(v -> Urls.resolve(r.uri(), v));
    }

    static OperationEndedException ended(String status, ArmError error, Exchange r) {
        if (status.equalsIgnoreCase(ProvisioningStates.FAILED)) {
            return new OperationFailedException(status, error, r.status(), r.body(), r.uri());
        }
        return new OperationCanceledException(status, error, r.status(), r.body(), r.uri());
    }

    static HttpErrorException httpError(Exchange r) {
        ArmError error = JsonBodies.parse(r.body()) instanceof JsonBodies.Parsed.Valid valid
                ? JsonBodies.error(valid.node()) : ClassicDocuments.error(r.body());
        return new HttpErrorException(r.method(), r.uri(), r.status(), error, r.body());
    }

    private static ProtocolViolationException violation(String what, Exchange r) {
        return new ProtocolViolationException(what, r.uri(), r.status());
    }
}
