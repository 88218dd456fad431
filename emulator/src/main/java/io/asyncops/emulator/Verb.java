package io.asyncops.emulator;

/** The verbs that change a resource. {@code GET} and lists are always synchronous and need no description. */
public enum Verb {
    /** Create or replace ({@code Microsoft.X/type/write}). */
    PUT,
    /** Update what the body names, keep the rest ({@code Microsoft.X/type/write}). */
    PATCH,
    /** Delete with everything under it ({@code Microsoft.X/type/delete}). */
    DELETE,
    /** An action ({@code Microsoft.X/type/{action}}), e.g. {@code export}. */
    POST
}
