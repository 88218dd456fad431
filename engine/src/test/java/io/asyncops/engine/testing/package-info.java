/**
 * The engine's contract tests and test helpers, published in the engine's test-jar.
 *
 * <p>{@link io.asyncops.engine.testing.EngineContract} is the whole contract: a subclass names a fresh database
 * ({@code newDatabase}) and inherits every test of the contract interfaces ({@code SubmitContract},
 * {@code RunContract}, {@code CancelContract}, {@code ListingContract}, {@code RecoveryContract}; add
 * {@code MultiInstanceContract} for databases several processes share). {@link
 * io.asyncops.engine.testing.EmbeddedPostgres} starts one embedded PostgreSQL per JVM and hands out fresh
 * databases; {@link io.asyncops.engine.testing.SettableClock} is a clock tests move by hand.
 */
package io.asyncops.engine.testing;
