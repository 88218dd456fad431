package io.asyncops.emulator.internal;

import io.asyncops.emulator.AzureException;

/** The refusals ARM answers for any resource type, with its codes and messages. */
public final class Errors {
    private Errors() {
    }

    public static AzureException invalidContent(String message) {
        return new AzureException(400, "InvalidRequestContent",
                "The request content was invalid and could not be deserialized: " + message);
    }

    public static AzureException invalidValue(String parameter, String message) {
        return new AzureException(400, "InvalidParameterValue",
                "Invalid value given for parameter " + parameter + ". " + message, parameter);
    }

    public static AzureException missing(String parameter) {
        return new AzureException(400, "MissingRequiredParameter",
                "The request is missing the required parameter '" + parameter + "'.", parameter);
    }

    public static AzureException resourceGroupNotFound(String group) {
        return new AzureException(404, "ResourceGroupNotFound", "Resource group '" + group + "' could not be found.");
    }

    /** ARM's answer for a resource that does not exist (in an existing group, when it has one). */
    public static AzureException resourceNotFound(String type, String name, String group) {
        return new AzureException(404, "ResourceNotFound", "The Resource '" + type + "/" + name + "'"
                + (group == null ? "" : " under resource group '" + group + "'") + " was not found. For more details"
                + " please go to https://aka.ms/ARMResourceNotFoundFix");
    }

    /** ARM's answer for a child resource whose parent does not exist (or is not provisioned yet). */
    public static AzureException parentNotFound(String parentType, String parentName) {
        return new AzureException(404, "ParentResourceNotFound", "Can not perform requested operation on nested"
                + " resource. Parent resource '" + parentName + "' (" + parentType + ") not found.");
    }

    /** The 405 of a verb a type does not take, naming the allowed ones in {@code Allow}. */
    public static AzureException methodNotAllowed(String method, String allowed) {
        return new AzureException(405, "MethodNotAllowed", "The HTTP method '" + method + "' is not supported here."
                + " Allowed: " + allowed + ".").withHeader("Allow", allowed);
    }

    /** ARM's answer to a location change: a resource's (or a group's) location is fixed once created. */
    public static AzureException locationChanged(String type, String name, String existing, String group,
                                                 String wanted) {
        if (type.equalsIgnoreCase("Microsoft.Resources/resourceGroups")) {
            return new AzureException(409, "InvalidResourceGroupLocation", "Invalid resource group location '"
                    + wanted + "'. The Resource group already exists in location '" + existing + "'.", "location");
        }
        return new AzureException(409, "InvalidResourceLocation", "The resource '" + name + "' already exists in"
                + " location '" + existing + "'" + (group == null ? "" : " in resource group '" + group + "'")
                + ". A resource with the same name cannot be created in location '" + wanted + "'. Please select a"
                + " new resource name.", "location");
    }
}
