/**
 * Wire types shared by the asyncops server and client: header names, {@code Retry-After} parsing and
 * formatting, the ARM status monitor and error bodies, and provisioning-state rules.
 *
 * <p>Everything here is a plain value: no I/O, no HTTP client or server. The classic Service Management
 * (XML) types live in {@link io.asyncops.protocol.classic}.
 */
package io.asyncops.protocol;
