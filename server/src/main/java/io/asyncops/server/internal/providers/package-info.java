/** Resource provider registration reads ({@code /subscriptions/{sub}/providers[/{namespace}]}). Not API. */
package io.asyncops.server.internal.providers;
