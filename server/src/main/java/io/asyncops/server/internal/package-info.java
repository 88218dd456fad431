/**
 * Server internals: not API, may change without notice. {@code http} holds the filters, the error table, health and
 * metrics routes; {@code auth} token verification; {@code tls} certificates; {@code metrics} meters; {@code operations}
 * the generic ARM operation routes (status monitor, result, cancel, list, long poll, SSE); {@code console} the
 * operations console and its change stream; {@code openapi} the API description and its viewer; {@code web} fixed
 * files from the classpath; {@code logging} the operation lifecycle log.
 */
package io.asyncops.server.internal;
