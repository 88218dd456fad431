/**
 * The engine's JDBC store: one {@link io.asyncops.engine.internal.store.OperationStore} implementation over a
 * {@link io.asyncops.engine.internal.store.SqlDialect} per database, and the Flyway migrations. Not API.
 *
 * <p>Every write to a claimed operation is fenced: {@code id}, {@code version}, {@code lease_owner} and an
 * unexpired lease must all match, and the row count is checked, so a worker that lost its lease writes nothing.
 */
package io.asyncops.engine.internal.store;
