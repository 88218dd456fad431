package io.asyncops.client.conformance;

import io.asyncops.client.FinalStateVia;
import io.asyncops.client.HttpErrorException;
import io.asyncops.client.LroException;
import io.asyncops.client.OperationCanceledException;
import io.asyncops.client.OperationFailedException;
import io.asyncops.client.ProtocolViolationException;

/**
 * One LRO operation of the AutoRest test server and the outcome a correct poller must reach.
 *
 * @param operationId the operationId in the package's swagger
 * @param method      the start request's method
 * @param path        the start request's path
 * @param via         the swagger's final-state-via, or null
 * @param expect      the expected outcome
 */
record Scenario(String operationId, String method, String path, FinalStateVia via, Expect expect) {

    @Override
    public String toString() {
        return operationId;
    }

    /** What must happen. */
    sealed interface Expect {
    }

    /** Succeeded; the result has this HTTP status and this JSON body (null: no body). */
    record Succeeds(int httpStatus, String json) implements Expect {
    }

    /**
     * Ends with this exception type.
     *
     * @param type       the typed exception
     * @param httpStatus the HTTP status it reports (0: not checked)
     * @param detail     text its message must contain (the error code, the URL path, the violated rule)
     */
    record Fails(Class<? extends LroException> type, int httpStatus, String detail) implements Expect {
    }

    static Scenario of(String operationId, String method, String path, Expect expect) {
        return new Scenario(operationId, method, path, null, expect);
    }

    static Scenario of(String operationId, String method, String path, FinalStateVia via, Expect expect) {
        return new Scenario(operationId, method, path, via, expect);
    }

    static Expect ok(int httpStatus, String json) {
        return new Succeeds(httpStatus, json);
    }

    static Expect okEmpty(int httpStatus) {
        return new Succeeds(httpStatus, null);
    }

    static Expect failed(String detail) {
        return new Fails(OperationFailedException.class, 0, detail);
    }

    static Expect canceled() {
        return new Fails(OperationCanceledException.class, 0, "Canceled");
    }

    static Expect httpError(int status, String detail) {
        return new Fails(HttpErrorException.class, status, detail);
    }

    static Expect violation(String detail) {
        return new Fails(ProtocolViolationException.class, 0, detail);
    }
}
