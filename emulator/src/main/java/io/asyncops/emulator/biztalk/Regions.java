package io.asyncops.emulator.biztalk;

import io.asyncops.emulator.AzureException;
import java.util.List;
import java.util.Locale;

/** The regions BizTalk Services ran in, by display name; a region is matched without case and spaces. */
final class Regions {
    static final List<String> ALL = List.of("East US", "East US 2", "Central US", "North Central US",
            "South Central US", "West US", "North Europe", "West Europe", "East Asia", "Southeast Asia", "Japan East",
            "Japan West", "Brazil South", "Australia East", "Australia Southeast");

    private Regions() {
    }

    /**
     * The display name of {@code region} ({@code West US} for {@code westus} or {@code West US}).
     *
     * @throws AzureException 400 {@code InvalidRegion} for an unknown or missing region
     */
    static String normalize(String region) {
        if (region != null) {
            String key = compact(region);
            for (String known : ALL) {
                if (compact(known).equals(key)) {
                    return known;
                }
            }
        }
        throw AzureException.badRequest("InvalidRegion", region == null || region.isBlank()
                ? "The region (IntrinsicSettings/Region) is required; one of " + String.join(", ", ALL) + "."
                : "BizTalk Services is not available in the region '" + region + "'; use one of "
                        + String.join(", ", ALL) + ".");
    }

    private static String compact(String s) {
        return s.replace(" ", "").toLowerCase(Locale.ROOT);
    }
}
