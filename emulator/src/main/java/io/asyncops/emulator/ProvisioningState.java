package io.asyncops.emulator;

/**
 * The provisioning states the core gives a resource (ARM's vocabulary). A type shows them where its description says
 * ({@link ResourceType#provisioningStateInBody()}) or maps them to its own words in {@link ResourceHooks#render}.
 * {@code Creating}, {@code Updating} and {@code Deleting} last exactly as long as the operation that set them.
 */
public final class ProvisioningState {
    public static final String CREATING = "Creating";
    public static final String UPDATING = "Updating";
    public static final String DELETING = "Deleting";
    public static final String SUCCEEDED = "Succeeded";
    public static final String FAILED = "Failed";
    public static final String CANCELED = "Canceled";

    private ProvisioningState() {
    }

    /** True while an operation holds the resource: Creating, Updating or Deleting. */
    public static boolean isTransitional(String state) {
        return CREATING.equals(state) || UPDATING.equals(state) || DELETING.equals(state);
    }
}
