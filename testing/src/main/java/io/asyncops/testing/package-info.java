/**
 * asyncops in your own tests: {@link io.asyncops.testing.AsyncOps#emulator()} starts the real asyncops server (the
 * Azure Resource Manager and classic planes, the durable engine, H2 or PostgreSQL) inside the test's JVM, and its
 * handle, {@link io.asyncops.testing.AsyncOpsEmulator}, gives the Azure SDK for Java what it needs to talk to it: a
 * {@code TokenCredential}, an {@code HttpClient} that trusts the emulator's certificate, and an {@code AzureProfile}
 * whose environment points at it. {@link io.asyncops.testing.EmulatorOperations} lists and awaits the emulator's
 * operations so that tests can assert on them. Everything under {@code internal} is not API.
 */
package io.asyncops.testing;
