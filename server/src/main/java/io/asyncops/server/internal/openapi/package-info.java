/** The OpenAPI description of asyncops' own API and its viewer. Not API. */
package io.asyncops.server.internal.openapi;
