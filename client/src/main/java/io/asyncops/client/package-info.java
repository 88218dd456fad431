/**
 * A poller for Azure-style long-running operations, on {@code java.net.http}.
 *
 * <p>Start with {@link io.asyncops.client.LroClient}: {@code begin(request)} sends the start request and returns a
 * {@link io.asyncops.client.SyncPoller} (or, with {@code beginAsync}, an {@link io.asyncops.client.AsyncPoller})
 * that follows the operation to its end by the rules of the Azure Resource Manager asynchronous-operation
 * protocol: {@code Azure-AsyncOperation} before {@code Operation-Location} before {@code Location}, the
 * {@code provisioningState} of the resource itself for a synchronous-looking PUT or PATCH, {@code Retry-After} on every
 * poll, transient faults retried, the final result fetched per {@code final-state-via}, and the classic Service
 * Management {@code OperationStatus} documents. Failures surface as subclasses of
 * {@link io.asyncops.client.LroException}.
 *
 * <pre>{@code
 * LroClient client = LroClient.create(PollerOptions.custom().bearerToken(() -> token).build());
 * LroResult server = client.begin(LroRequest.put(uri, "{\"location\":\"westus\"}")).waitForCompletion();
 * }</pre>
 */
package io.asyncops.client;
