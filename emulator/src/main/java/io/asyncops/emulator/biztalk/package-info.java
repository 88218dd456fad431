/**
 * The emulated BizTalk Services provider of the classic (Service Management, XML) plane, without HTTP:
 * {@link io.asyncops.emulator.biztalk.BizTalkServices} creates, restarts and deletes BizTalk Services deployments
 * under {@code /{subscription}/cloudservices/{cloud-service}/resources/biztalkservices/biztalk/{name}}.
 *
 * <p>Rules kept: requests are validated synchronously ({@link io.asyncops.emulator.biztalk.BizTalkException} with
 * the Service Management error code) and a refused request stores nothing; every management action is an engine
 * operation whose handle is the {@code x-ms-request-id} of the request that started it; the deployment's state and
 * its operation's status commit together; provisioning takes Azure-like time multiplied by the time scale; the tag
 * {@code asyncops-fault} on a create request makes its operation fail with that code.
 */
package io.asyncops.emulator.biztalk;
