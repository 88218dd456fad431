package io.asyncops.emulator.biztalk;

/**
 * The state of a BizTalk Services deployment. A transitional state ({@code Creating}, {@code Restarting},
 * {@code Deleting}) lasts exactly as long as its operation runs; the operation's end sets {@code Active}, or
 * {@code Failed} after a failed create (the deployment stays until it is deleted), or removes it after a delete.
 */
public enum ServiceState {
    CREATING("Creating"),
    ACTIVE("Active"),
    RESTARTING("Restarting"),
    DELETING("Deleting"),
    FAILED("Failed");

    private final String wireName;

    ServiceState(String wireName) {
        this.wireName = wireName;
    }

    /** The name on the wire and in the database, e.g. {@code Active}. */
    public String wireName() {
        return wireName;
    }

    /** True while an action runs: Creating, Restarting, Deleting. */
    public boolean isTransitional() {
        return this == CREATING || this == RESTARTING || this == DELETING;
    }

    static ServiceState fromWireName(String name) {
        for (ServiceState s : values()) {
            if (s.wireName.equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown BizTalk service state: " + name);
    }
}
