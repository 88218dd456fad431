package io.asyncops.emulator.biztalk;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.asyncops.protocol.Json;

/**
 * What an operation is submitted with (its engine input, JSON). It holds no request id, so a retried start with
 * the same idempotency key has the same input and returns the same operation.
 *
 * @param action       what to do
 * @param subscription the subscription id
 * @param cloudService the cloud service name
 * @param name         the deployment's name
 * @param edition      its edition
 * @param fault        the error code to fail with, null to succeed
 */
record ActionInput(BizTalkAction action, String subscription, String cloudService, String name, Edition edition,
                   String fault) {

    String toJson() {
        try {
            return Json.mapper().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write operation input", e);
        }
    }

    static ActionInput parse(String json) {
        try {
            return Json.mapper().readValue(json, ActionInput.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a BizTalk operation input: " + e.getOriginalMessage(), e);
        }
    }
}
