/** Serving fixed files from the classpath: the console's page and the API viewer. Not API. */
package io.asyncops.server.internal.web;
