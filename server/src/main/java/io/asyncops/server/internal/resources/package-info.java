/** ARM's generic resource lists ({@code /resources}) over the provider core's store. */
package io.asyncops.server.internal.resources;
