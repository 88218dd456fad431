/**
 * asyncops' identity endpoint: a small OpenID Connect issuer (ADFS layout) with service principals
 * ({@link io.asyncops.server.identity.ServicePrincipals}), so that {@code az login --service-principal} and any
 * OAuth 2.0 client-credentials client sign in. Its keys, principals and tenant live in the deployment's database,
 * shared by every node. {@code internal} holds the HTTP endpoints, the key ring and the tables.
 */
package io.asyncops.server.identity;
