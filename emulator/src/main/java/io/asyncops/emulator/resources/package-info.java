/** Resource groups, the built-in type every ARM resource lives in. */
package io.asyncops.emulator.resources;
