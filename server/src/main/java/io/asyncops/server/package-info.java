/**
 * The asyncops HTTP server: {@link io.asyncops.server.AsyncOpsServer} started from an immutable
 * {@link io.asyncops.server.ServerConfig}. Planes plug in through {@link io.asyncops.server.spi}; token
 * settings and dev tokens are in {@link io.asyncops.server.auth}. Everything under {@code internal} is not API.
 */
package io.asyncops.server;
