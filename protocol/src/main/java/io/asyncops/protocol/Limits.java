package io.asyncops.protocol;

/**
 * The one table of input limits. Every length a client controls is checked against this table where the request
 * enters (the server's filters and planes answer {@code 400} with a specific code, {@code 401} for tokens), and every
 * database column that stores such a value is at least as wide as its limit here, so a value the edge accepts never
 * overflows a column. Server, emulator and client read the same constants; a test checks the columns against them.
 *
 * <p>Lengths count UTF-16 characters, as both databases' {@code VARCHAR(n)} do.
 */
public final class Limits {
    // ------------------------------------------------------------------ headers

    /** {@code x-ms-client-request-id} (PROTOCOL §0); longer: {@code 400 InvalidClientRequestId}. */
    public static final int CLIENT_REQUEST_ID = 128;
    /** {@code x-ms-correlation-request-id}; longer: {@code 400 InvalidCorrelationRequestId}. */
    public static final int CORRELATION_REQUEST_ID = 128;
    /**
     * {@code Idempotency-Key} and {@code Repeatability-Request-ID} (PROTOCOL §4); longer:
     * {@code 400 InvalidIdempotencyKey} / {@code InvalidRepeatabilityRequestId}. Stored in the engine's
     * {@code idempotency_key VARCHAR(200)}.
     */
    public static final int IDEMPOTENCY_KEY = 200;
    /** {@code Repeatability-First-Sent}: an IMF-fixdate is exactly 29 characters ({@code Sun, 06 Nov 1994 08:49:37 GMT}). */
    public static final int REPEATABILITY_FIRST_SENT = 29;
    /** {@code x-ms-version} of the classic plane: a date, {@code 2013-04-26}. */
    public static final int SERVICE_MANAGEMENT_VERSION = 10;
    /** A bearer token; longer: {@code 401 InvalidAuthenticationToken}. */
    public static final int TOKEN = 8192;
    /** A token's subject ({@code sub} or {@code oid}); stored as an operation's owner, {@code VARCHAR(500)}. */
    public static final int TOKEN_SUBJECT = 500;
    /** Subscriptions one token may list in its claim. */
    public static final int TOKEN_SUBSCRIPTIONS = 1000;
    /** All header lines of one request together; more: {@code 431}. */
    public static final int HEADERS = 16 * 1024;
    /** The request line (method, target, version); longer: {@code 414}. */
    public static final int REQUEST_LINE = 8 * 1024;

    // ------------------------------------------------------------------ URLs

    /**
     * A subscription id in a path: Azure's are GUIDs (36 characters); every table keys them in
     * {@code VARCHAR(64)}. Longer: {@code 400 InvalidSubscriptionId}.
     */
    public static final int SUBSCRIPTION_ID = 64;
    /** Any one decoded path segment; longer: {@code 400 InvalidResourceName} (names have their own, shorter rules). */
    public static final int PATH_SEGMENT = 260;
    /** A whole decoded request path, hence any resource id built from one; stored in {@code VARCHAR(2000)}. */
    public static final int RESOURCE_ID = 2000;
    /** {@code api-version}: the longest real one is {@code 2024-11-01-preview}. */
    public static final int API_VERSION = 32;
    /** Any other decoded query parameter value ({@code $filter}, {@code $skiptoken}, {@code comp}...). */
    public static final int QUERY_VALUE = 2048;

    // ------------------------------------------------------------------ names (the emulated providers' rules)

    /** A location name, e.g. {@code westus}; stored in {@code VARCHAR(64)}. */
    public static final int LOCATION = 64;
    /** A resource group name (Azure: 1-90). */
    public static final int RESOURCE_GROUP_NAME = 90;
    /** A logical SQL server name (Azure: 1-63, a DNS label). */
    public static final int SQL_SERVER_NAME = 63;
    /** A SQL database or firewall rule name (Azure: 1-128). */
    public static final int SQL_DATABASE_NAME = 128;
    /** A classic cloud service name. */
    public static final int CLOUD_SERVICE_NAME = 64;
    /** A BizTalk Services deployment name (6-20, it becomes a host name). */
    public static final int BIZTALK_SERVICE_NAME = 20;

    // ------------------------------------------------------------------ bodies

    /** Tags per resource (ARM and classic). */
    public static final int TAGS = 50;
    /** A tag name (ARM) or key (classic). */
    public static final int TAG_NAME = 512;
    /** A tag value. */
    public static final int TAG_VALUE = 256;
    /**
     * The longest JSON text a resource's tags can take once stored: every character of {@link #TAGS} names and
     * values escaped as {@code \}{@code u0001} (6 characters), plus quotes, colons, commas and braces. Tag columns are
     * at least this wide.
     */
    public static final int TAGS_JSON = TAGS * ((TAG_NAME + TAG_VALUE) * 6 + 6) + 2;
    /** An XML body on the classic plane: a BizTalk resource document is well under a kilobyte. */
    public static final int CLASSIC_XML_BODY = 64 * 1024;
    /** How deeply a JSON body may nest. */
    public static final int JSON_DEPTH = 64;

    private Limits() {
    }
}
