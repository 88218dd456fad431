/**
 * The identity endpoint's internals (not API): cloud metadata and OIDC routes, the token endpoint and its
 * per-client limiter of failed sign-ins, the database-held signing keys, the principal and key tables.
 */
package io.asyncops.server.identity.internal;
