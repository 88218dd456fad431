package io.asyncops.emulator.internal.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * What {@link ResourceStore#insert} stores.
 *
 * @param id           the resource id as it will be shown
 * @param type         its type
 * @param parentKey    the parent's id in lower case
 * @param subscription the subscription id
 * @param group        the resource group's name, null outside one
 * @param name         the resource's name
 * @param globalName   whether its name is unique across every subscription
 * @param location     its region (a proxy resource: its parent's), may be null
 * @param body         what GET shows
 * @param pending      what a running write will store, may be null
 * @param state        its provisioning state
 * @param etag         its first etag
 * @param now          its creation time
 */
public record NewRow(String id, String type, String parentKey, String subscription, String group, String name,
                     boolean globalName, String location, ObjectNode body, ObjectNode pending, String state,
                     String etag, Instant now) {
}
