package io.asyncops.protocol;

/** Names of the HTTP headers of the Azure long-running-operation protocol, and of asyncops' extensions. */
public final class HeaderNames {
    /** Status monitor URL of an ARM asynchronous operation (preferred by clients). */
    public static final String AZURE_ASYNC_OPERATION = "Azure-AsyncOperation";
    /** Status monitor URL used by newer Azure data-plane APIs. */
    public static final String OPERATION_LOCATION = "Operation-Location";
    /** Result URL of an ARM asynchronous operation. */
    public static final String LOCATION = "Location";
    /** Seconds, or an HTTP-date, to wait before the next poll (RFC 9110). */
    public static final String RETRY_AFTER = "Retry-After";
    /** Milliseconds to wait before the next poll (Azure SDK extension). */
    public static final String RETRY_AFTER_MS = "retry-after-ms";
    /** Milliseconds to wait before the next poll (Azure SDK extension). */
    public static final String X_MS_RETRY_AFTER_MS = "x-ms-retry-after-ms";
    /** A fresh id per request; on the classic plane the handle of the operation a request started. */
    public static final String X_MS_REQUEST_ID = "x-ms-request-id";
    /** Correlates the requests of one logical call; echoed when sent, generated otherwise. */
    public static final String X_MS_CORRELATION_REQUEST_ID = "x-ms-correlation-request-id";
    /** A caller's own id for a request, echoed back (at most 128 characters). */
    public static final String X_MS_CLIENT_REQUEST_ID = "x-ms-client-request-id";
    /** Classic Service Management API version, e.g. {@code 2013-04-26}. */
    public static final String X_MS_VERSION = "x-ms-version";
    /** RFC 7240 preferences, e.g. {@code wait=10} for long polling. */
    public static final String PREFER = "Prefer";
    /** RFC 7240: the preferences a server honoured. */
    public static final String PREFERENCE_APPLIED = "Preference-Applied";
    /**
     * Makes a start request idempotent (IETF draft {@code draft-ietf-httpapi-idempotency-key-header}): a retry with
     * the same key and body returns the same operation. {@code x-ms-client-request-id} is never such a key.
     */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** The client's unique id of a repeatable request (Azure REST API guidelines, OASIS Repeatable Requests). */
    public static final String REPEATABILITY_REQUEST_ID = "Repeatability-Request-ID";
    /** When the client first sent a repeatable request (an IMF-fixdate); required with the request id. */
    public static final String REPEATABILITY_FIRST_SENT = "Repeatability-First-Sent";
    /** The server's answer to a repeatable request: {@code accepted} or {@code rejected}. */
    public static final String REPEATABILITY_RESULT = "Repeatability-Result";
    /** ARM's remaining read budget of the subscription. */
    public static final String RATELIMIT_REMAINING_READS = "x-ms-ratelimit-remaining-subscription-reads";
    /** ARM's remaining write budget of the subscription. */
    public static final String RATELIMIT_REMAINING_WRITES = "x-ms-ratelimit-remaining-subscription-writes";

    private HeaderNames() {
    }
}
