package io.asyncops.emulator.sql;

import io.asyncops.emulator.AzureException;
import io.asyncops.emulator.internal.Errors;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The database service objectives Azure SQL offers (DTU: Basic, S0-S12, P1-P15; vCore: GP/BC/HS on Gen5, serverless
 * GP_S) with each one's largest allowed max size and its default size. Sizes exceeding the largest are accepted
 * and then fail asynchronously with {@code InvalidMaxSizeTierCombination}, as in Azure.
 */
final class SkuCatalog {
    private static final long GB = 1024L * 1024 * 1024;
    private static final long TB = 1024 * GB;
    private static final int[] VCORES = {2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 24, 32, 40, 80};
    private static final int[] SERVERLESS_VCORES = {1, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 24, 32, 40, 80};

    /** A service objective with its limits. */
    record Entry(Sku sku, long maxSizeBytes, long defaultSizeBytes) {
    }

    private static final Map<String, Entry> BY_NAME = build();
    /** What a database gets without a sku: General Purpose, Gen5, 2 vCores, 32 GB (the API's default). */
    static final Entry DEFAULT = BY_NAME.get("gp_gen5_2");

    private SkuCatalog() {
    }

    private static Map<String, Entry> build() {
        Map<String, Entry> m = new LinkedHashMap<>();
        put(m, new Sku("Free", "Free", null, 5), 32L * 1024 * 1024, 32L * 1024 * 1024);
        put(m, new Sku("Basic", "Basic", null, 5), 2 * GB, 2 * GB);
        String[] standard = {"S0", "S1", "S2", "S3", "S4", "S6", "S7", "S9", "S12"};
        int[] standardDtu = {10, 20, 50, 100, 200, 400, 800, 1600, 3000};
        for (int i = 0; i < standard.length; i++) {
            put(m, new Sku(standard[i], "Standard", null, standardDtu[i]), i < 3 ? 250 * GB : TB, 250 * GB);
        }
        String[] premium = {"P1", "P2", "P4", "P6", "P11", "P15"};
        int[] premiumDtu = {125, 250, 500, 1000, 1750, 4000};
        for (int i = 0; i < premium.length; i++) {
            put(m, new Sku(premium[i], "Premium", null, premiumDtu[i]), i < 4 ? TB : 4 * TB, 500 * GB);
        }
        for (int v : VCORES) {
            put(m, new Sku("GP_Gen5_" + v, "GeneralPurpose", "Gen5", v), v <= 4 ? TB : 4 * TB, 32 * GB);
            put(m, new Sku("BC_Gen5_" + v, "BusinessCritical", "Gen5", v), v <= 4 ? TB : 4 * TB, 32 * GB);
            put(m, new Sku("HS_Gen5_" + v, "Hyperscale", "Gen5", v), 100 * TB, 100 * TB);
        }
        for (int v : SERVERLESS_VCORES) {
            put(m, new Sku("GP_S_Gen5_" + v, "GeneralPurpose", "Gen5", v), v <= 4 ? TB : 4 * TB, 32 * GB);
        }
        return Map.copyOf(m);
    }

    private static void put(Map<String, Entry> m, Sku sku, long max, long defaultSize) {
        m.put(sku.name().toLowerCase(Locale.ROOT), new Entry(sku, max, defaultSize));
    }

    /**
     * The entry for a requested sku: {@code name} is a service objective ({@code S0}, {@code GP_Gen5_2}) or a vCore
     * family prefix ({@code GP_Gen5}) completed by {@code capacity}; {@code tier}, if given, must match.
     */
    static Entry resolve(String name, String tier, Integer capacity) {
        if (name == null || name.isBlank()) {
            throw Errors.invalidValue("sku.name", "A sku needs a name, e.g. 'S0' or 'GP_Gen5_2'.");
        }
        String key = name.toLowerCase(Locale.ROOT);
        Entry entry = BY_NAME.get(key);
        if (entry == null && capacity != null) {
            entry = BY_NAME.get(key + "_" + capacity);
        }
        if (entry == null) {
            throw new AzureException(400, "InvalidSku", "The sku '" + name
                    + (capacity != null ? "' with capacity " + capacity : "'") + " is not a valid sku."
                    + " Valid skus include Basic, S0-S12, P1-P15 and GP_Gen5_2 (GeneralPurpose, BusinessCritical and"
                    + " Hyperscale on Gen5).", "sku.name");
        }
        if (tier != null && !tier.equalsIgnoreCase(entry.sku().tier())) {
            throw new AzureException(400, "InvalidTierSkuCombination", "The specified tier '" + tier
                    + "' does not support the specified sku '" + entry.sku().name() + "' (its tier is '"
                    + entry.sku().tier() + "').", "sku.tier");
        }
        if (capacity != null && entry.sku().capacity() != null && !capacity.equals(entry.sku().capacity())) {
            throw Errors.invalidValue("sku.capacity", "The sku '" + entry.sku().name() + "' has capacity "
                    + entry.sku().capacity() + ", not " + capacity + ".");
        }
        return entry;
    }
}
