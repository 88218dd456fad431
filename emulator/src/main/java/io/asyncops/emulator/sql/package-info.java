/** The emulated {@code Microsoft.Sql} provider: servers, databases, firewall rules, as descriptions with hooks. */
package io.asyncops.emulator.sql;
