/**
 * Emulated Azure resource providers, without HTTP: {@link io.asyncops.emulator.ArmEmulator} gives resource groups
 * ({@link io.asyncops.emulator.ResourceGroups}) and {@code Microsoft.Sql} servers, databases and firewall rules.
 *
 * <p>Rules kept: requests are validated synchronously with Azure's error codes
 * ({@link io.asyncops.emulator.EmulatorException}) and a refused request stores nothing; accepted long-running
 * requests become engine operations whose handlers take Azure-like time (scaled by the time scale), report progress
 * and resume from checkpoints; a resource's provisioning state and its operation's status commit together. The tag
 * {@code "asyncops-fault": "SomeErrorCode"} on a start request makes its operation fail with that code.
 */
package io.asyncops.emulator;
