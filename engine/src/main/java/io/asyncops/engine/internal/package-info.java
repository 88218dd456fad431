/** The engine's implementation: workers, leases, the JDBC store and its dialects. Not API. */
package io.asyncops.engine.internal;
