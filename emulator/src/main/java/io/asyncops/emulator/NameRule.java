package io.asyncops.emulator;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The naming rule of a resource type's own name (the last segment of its path), checked before anything else.
 * Throw {@link AzureException} (400, with the name's parameter as {@code target}) to refuse a name.
 */
@FunctionalInterface
public interface NameRule {

    /** Refuses {@code name} with an {@link AzureException}, or returns. */
    void check(String name);

    /** Any name of 1 to 260 characters without {@code /}, {@code ?}, {@code #} or control characters (ARM's floor). */
    NameRule ANY = name -> of(Pattern.compile("[^/?#\\p{Cntrl}]+"), 1, 260, "InvalidResourceName", "resourceName")
            .check(name);

    /**
     * A rule from a spec's path parameter: {@code pattern} (matched against the whole name; null for none) and a
     * length of {@code minLength} to {@code maxLength}; a refusal is {@code 400 code} naming {@code parameter}.
     */
    static NameRule of(Pattern pattern, int minLength, int maxLength, String code, String parameter) {
        Objects.requireNonNull(code, "code == null");
        if (minLength < 0 || maxLength < minLength) {
            throw new IllegalArgumentException("name lengths must be 0 <= min <= max: " + minLength + ", " + maxLength);
        }
        return name -> {
            boolean ok = name != null && name.length() >= minLength && name.length() <= maxLength
                    && (pattern == null || pattern.matcher(name).matches());
            if (!ok) {
                throw new AzureException(400, code, "The name '" + name + "' is invalid: it must have " + minLength
                        + " to " + maxLength + " characters" + (pattern == null ? "" : " matching " + pattern.pattern())
                        + ".", parameter);
            }
        };
    }
}
