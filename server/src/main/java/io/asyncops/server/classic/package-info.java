/**
 * The classic Service Management plane (XML): BizTalk Services deployments under
 * {@code /{subscription-id}/cloudservices/{cloud-service-name}/resources/biztalkservices/}, their operations polled by
 * request id ({@code ?OperationStatus/{request-id}}), and the generic {@code /{subscription-id}/operations/{request-id}}.
 *
 * <p>Rules kept on every route here: {@code x-ms-version} is required and at least the route's minimum (else
 * {@code 400 MissingOrIncorrectVersionHeader}); a {@code Content-Type}, when sent, is {@code application/xml}
 * (else {@code 415}); XML bodies are small (else {@code 413}, before parsing) and parsed with DTDs and entities off
 * (malformed: {@code 400 InvalidXmlRequest}); anything under a subscription the caller may not see, and any operation
 * of another subscription, answers {@code 404} as if it did not exist.
 */
package io.asyncops.server.classic;
