package io.asyncops.emulator.internal;

import io.asyncops.emulator.AzureException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Azure public-cloud regions the emulator knows. ARM accepts a region's name ({@code westus}) or its display
 * name ({@code West US}); both normalize to the name.
 */
public final class Locations {
    /** Region names, as ARM lists them. */
    public static final Set<String> KNOWN = Set.copyOf(new TreeSet<>(Set.of(
            "australiacentral", "australiacentral2", "australiaeast", "australiasoutheast", "brazilsouth",
            "brazilsoutheast", "canadacentral", "canadaeast", "centralindia", "centralus", "eastasia", "eastus",
            "eastus2", "francecentral", "francesouth", "germanynorth", "germanywestcentral", "israelcentral",
            "italynorth", "japaneast", "japanwest", "koreacentral", "koreasouth", "mexicocentral", "newzealandnorth",
            "northcentralus", "northeurope", "norwayeast", "norwaywest", "polandcentral", "qatarcentral",
            "southafricanorth", "southafricawest", "southcentralus", "southeastasia", "southindia", "spaincentral",
            "swedencentral", "switzerlandnorth", "switzerlandwest", "uaecentral", "uaenorth", "uksouth", "ukwest",
            "westcentralus", "westeurope", "westindia", "westus", "westus2", "westus3")));

    private Locations() {
    }

    /** {@code "West US"} -> {@code "westus"}; null stays null. */
    public static String normalize(String location) {
        return location == null ? null : location.replace(" ", "").toLowerCase(Locale.ROOT);
    }

    /** The normalized region for a resource group, or ARM's refusal. */
    public static String forResourceGroup(String location) {
        String normalized = require(location);
        if (!KNOWN.contains(normalized)) {
            throw new AzureException(400, "LocationNotAvailableForResourceGroup", "The provided location '"
                    + location + "' is not available for resource group. List of available regions is '"
                    + String.join(",", new TreeSet<>(KNOWN)) + "'.", "location");
        }
        return normalized;
    }

    /** The normalized region for a resource of {@code type}, or ARM's refusal. */
    public static String forResourceType(String location, String type) {
        String normalized = require(location);
        if (!KNOWN.contains(normalized)) {
            throw new AzureException(400, "LocationNotAvailableForResourceType", "The provided location '"
                    + location + "' is not available for resource type '" + type + "'. List of available regions"
                    + " for the resource type is '" + String.join(",", new TreeSet<>(KNOWN)) + "'.", "location");
        }
        return normalized;
    }

    private static String require(String location) {
        if (location == null || location.isBlank()) {
            throw new AzureException(400, "LocationRequired", "The location property is required for this"
                    + " definition.", "location");
        }
        return normalize(location);
    }
}
