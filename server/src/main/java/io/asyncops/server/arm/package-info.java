/**
 * The ARM plane's routes: {@link io.asyncops.server.arm.ArmPlane} with one {@code HttpService} per resource family
 * (resource groups, SQL servers, databases, firewall rules), over the emulated providers of the emulator module.
 * Every route checks the subscription (invisible: 404) and the api-version first; errors are thrown as
 * {@link io.asyncops.server.spi.ApiException} and rendered by the server.
 */
package io.asyncops.server.arm;
