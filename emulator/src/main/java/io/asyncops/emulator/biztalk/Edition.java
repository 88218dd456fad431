package io.asyncops.emulator.biztalk;

import io.asyncops.emulator.AzureException;

/** The editions (and plans) of BizTalk Services. Polling operations is not supported on {@link #FREE}. */
public enum Edition {
    FREE("Free"),
    DEVELOPER("Developer"),
    BASIC("Basic"),
    STANDARD("Standard"),
    PREMIUM("Premium");

    private final String wireName;

    Edition(String wireName) {
        this.wireName = wireName;
    }

    /** The name on the wire and in the database, e.g. {@code Standard}. */
    public String wireName() {
        return wireName;
    }

    /**
     * The edition named {@code name}, compared without case (the service's own examples write {@code premium}).
     *
     * @throws AzureException 400 {@code InvalidEdition} for any other name
     */
    public static Edition parse(String name, String element) {
        if (name != null) {
            for (Edition e : values()) {
                if (e.wireName.equalsIgnoreCase(name.trim())) {
                    return e;
                }
            }
        }
        throw AzureException.badRequest("InvalidEdition", "The " + element + " '" + name + "' is not one of "
                + "Free, Developer, Basic, Standard, Premium.");
    }
}
