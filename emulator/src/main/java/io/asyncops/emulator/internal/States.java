package io.asyncops.emulator.internal;

/** Provisioning states and statuses the emulated resources go through. */
public final class States {
    public static final String CREATING = "Creating";
    public static final String UPDATING = "Updating";
    public static final String DELETING = "Deleting";
    public static final String SUCCEEDED = "Succeeded";
    public static final String FAILED = "Failed";
    public static final String CANCELED = "Canceled";

    /** Server {@code state} once created. */
    public static final String READY = "Ready";
    /** Database {@code status} values. */
    public static final String ONLINE = "Online";
    public static final String SCALING = "Scaling";

    private States() {
    }

    /** True while an operation holds the resource: Creating, Updating or Deleting. */
    public static boolean isTransitional(String provisioningState) {
        return CREATING.equals(provisioningState) || UPDATING.equals(provisioningState)
                || DELETING.equals(provisioningState);
    }
}
