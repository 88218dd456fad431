/**
 * Bearer-token settings ({@link io.asyncops.server.auth.AuthConfig}) and the dev-token minter
 * ({@link io.asyncops.server.auth.TokenMinter}) of PROTOCOL §1.
 */
package io.asyncops.server.auth;
