/**
 * Internals of the provider core: the generic store ({@code store}), request handling and the engine handler
 * ({@code core}), and the rules every type shares (names, tags, locations, faults, bodies, JDBC). Not API: anything
 * here may change without notice.
 */
package io.asyncops.emulator.internal;
