package io.asyncops.emulator.internal;

import io.asyncops.emulator.EmulatorException;

/** The refusals the emulated providers answer, with Azure's codes and messages. */
public final class Errors {
    private Errors() {
    }

    public static EmulatorException badRequest(String code, String message, String target) {
        return new EmulatorException(400, code, message, target);
    }

    public static EmulatorException invalidContent(String message) {
        return new EmulatorException(400, "InvalidRequestContent",
                "The request content was invalid and could not be deserialized: " + message);
    }

    public static EmulatorException invalidValue(String parameter, String message) {
        return new EmulatorException(400, "InvalidParameterValue",
                "Invalid value given for parameter " + parameter + ". " + message, parameter);
    }

    public static EmulatorException missing(String parameter) {
        return new EmulatorException(400, "MissingRequiredParameter",
                "The request is missing the required parameter '" + parameter + "'.", parameter);
    }

    public static EmulatorException resourceGroupNotFound(String group) {
        return new EmulatorException(404, "ResourceGroupNotFound", "Resource group '" + group + "' could not be found.");
    }

    public static EmulatorException resourceGroupBeingDeleted(String group) {
        return new EmulatorException(409, "ResourceGroupBeingDeleted",
                "The resource group '" + group + "' is in deprovisioning state and cannot perform this operation.");
    }

    /** ARM's answer for a resource that does not exist in an existing group. */
    public static EmulatorException resourceNotFound(String type, String name, String group) {
        return new EmulatorException(404, "ResourceNotFound", "The Resource '" + type + "/" + name
                + "' under resource group '" + group + "' was not found. For more details please go to"
                + " https://aka.ms/ARMResourceNotFoundFix");
    }

    /** ARM's answer for a child resource whose parent does not exist (or is not provisioned yet). */
    public static EmulatorException parentNotFound(String parentType, String parentName) {
        return new EmulatorException(404, "ParentResourceNotFound", "Can not perform requested operation on nested"
                + " resource. Parent resource '" + parentName + "' (" + parentType + ") not found.");
    }

    public static EmulatorException conflictingServerOperation(String server) {
        return new EmulatorException(409, "ConflictingServerOperation",
                "An operation is currently in progress for the server '" + server + "'. Wait for it to end and retry.");
    }

    public static EmulatorException conflictingDatabaseOperation(String database) {
        return new EmulatorException(409, "ConflictingDatabaseOperation", "There is already an operation on the"
                + " database '" + database + "'; the current operation must wait until it is done.");
    }
}
