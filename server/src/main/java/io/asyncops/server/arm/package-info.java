/**
 * The ARM plane: {@link io.asyncops.server.arm.ArmPlane} declares the built-in resource types (resource groups,
 * Microsoft.Sql), and {@link io.asyncops.server.arm.ArmResourceService} is the server's one generic ARM resource route,
 * serving every registered type from its description. Every request checks the subscription (invisible: 404) and the
 * api-version first; errors are thrown and rendered by the server's one error table.
 */
package io.asyncops.server.arm;
