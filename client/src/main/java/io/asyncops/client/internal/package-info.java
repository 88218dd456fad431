/**
 * Not API: stateless helpers of the poller (JSON and XML bodies, URLs, delays, resume tokens). May change at any
 * time; use {@link io.asyncops.client} instead.
 */
package io.asyncops.client.internal;
