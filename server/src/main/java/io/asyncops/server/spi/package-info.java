/**
 * The server's plug-in API: what a plane (a family of HTTP routes over emulated resource providers, such as the
 * ARM plane or the classic Service Management plane) implements and what the server gives it.
 *
 * <p>A {@link io.asyncops.server.spi.Plane} is prepared before the engine starts (own tables, operation handlers)
 * and adds its routes after. Routes throw {@link io.asyncops.server.spi.ApiException} for any error; the server
 * renders it in the plane's format (ARM JSON or classic XML) through one error table. Requests reaching a plane's
 * route are already authenticated ({@link io.asyncops.server.spi.Principal#of}) and carry request ids
 * ({@link io.asyncops.server.spi.RequestIds}).
 */
package io.asyncops.server.spi;
