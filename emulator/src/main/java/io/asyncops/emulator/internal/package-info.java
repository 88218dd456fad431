/**
 * Internals of the emulated providers: JDBC tables, validation rules, the provisioning simulation and the operation
 * handlers. Not API: anything here may change without notice.
 */
package io.asyncops.emulator.internal;
