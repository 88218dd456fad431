/**
 * The poller benchmark: the same operations followed by the asyncops client (plain, and with long polls) and by
 * azure-core's {@code SyncPoller}, counting the requests each needs per operation and the delay between the server's
 * completion of an operation and the client's first request that sees it. Run {@link io.asyncops.bench.poller.PollerBench}.
 */
package io.asyncops.bench.poller;
