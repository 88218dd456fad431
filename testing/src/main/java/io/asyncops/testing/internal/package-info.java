/** The emulator's internals: certificate trust, dev-token credentials, temporary folders. Not API. */
package io.asyncops.testing.internal;
