/** {@code asyncops sp}: the service principals of the identity endpoint, managed on the deployment's database. */
package io.asyncops.cli.identity;
