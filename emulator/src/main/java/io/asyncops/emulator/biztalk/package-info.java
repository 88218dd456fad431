/**
 * The emulated BizTalk Services provider of the classic (Service Management, XML) plane, without HTTP:
 * {@link io.asyncops.emulator.biztalk.BizTalkServices} creates, restarts and deletes BizTalk Services deployments
 * under {@code /{subscription}/cloudservices/{cloud-service}/resources/biztalkservices/biztalk/{name}}.
 *
 * <p>A resource type of the provider core ({@link io.asyncops.emulator.biztalk.BizTalkServices#type}): deployments
 * live in the generic store, operations are submitted and ended by the core, and found by handle with the engine's
 * {@code getByRequestId}. Rules kept: requests are validated synchronously (an
 * {@link io.asyncops.emulator.AzureException} with the Service Management error code) and a refused request stores
 * nothing; every management action is an engine operation whose handle is the {@code x-ms-request-id} of the
 * request that started it; the deployment's state and its operation's status commit together; provisioning takes
 * Azure-like time multiplied by the time scale; the tag {@code asyncops-fault} on a create request makes its
 * operation fail with that code.
 */
package io.asyncops.emulator.biztalk;
