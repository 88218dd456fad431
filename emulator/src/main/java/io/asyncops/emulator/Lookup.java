package io.asyncops.emulator;

import java.util.List;
import java.util.Optional;

/** Reads of the generic store a hook may make (name availability, a parent's children). */
public interface Lookup {

    /** The resource with this id (compared without case). */
    Optional<Resource> find(String id);

    /** The resource of {@code type} holding {@code name} in any subscription, for types with globally unique names. */
    Optional<Resource> findByGlobalName(String type, String name);

    /** The resources directly under {@code parentId} of {@code type}, by id. */
    List<Resource> children(String parentId, String type);

    /** How many resources the resource group {@code group} of {@code subscription} holds. */
    int countInGroup(String subscription, String group);
}
