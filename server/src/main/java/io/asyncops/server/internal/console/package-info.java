/**
 * The operations console: the page, its data routes and the subscription-wide change stream that feeds it. Not API.
 */
package io.asyncops.server.internal.console;
