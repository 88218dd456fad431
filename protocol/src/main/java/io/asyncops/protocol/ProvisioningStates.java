package io.asyncops.protocol;

import java.util.Locale;

/**
 * The terminal status values of the ARM protocol, for both status monitors ({@code status}) and resources
 * ({@code properties.provisioningState}).
 *
 * <p>Rule: exactly {@code Succeeded}, {@code Failed} and {@code Canceled} are terminal (compared without case);
 * anything else, including values never seen before, means the operation is still running.
 */
public final class ProvisioningStates {
    public static final String SUCCEEDED = "Succeeded";
    public static final String FAILED = "Failed";
    public static final String CANCELED = "Canceled";
    public static final String IN_PROGRESS = "InProgress";

    private ProvisioningStates() {
    }

    /** True for Succeeded, Failed and Canceled, in any case; false for null and for anything else. */
    public static boolean isTerminal(String status) {
        if (status == null) {
            return false;
        }
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "succeeded", "failed", "canceled", "cancelled" -> true;
            default -> false;
        };
    }

    /** True for Succeeded, in any case. */
    public static boolean isSucceeded(String status) {
        return SUCCEEDED.equalsIgnoreCase(status);
    }
}
