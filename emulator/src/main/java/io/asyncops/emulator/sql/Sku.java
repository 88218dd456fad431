package io.asyncops.emulator.sql;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * A database's pricing tier as Azure names it, e.g. {@code S0/Standard/10} or {@code GP_Gen5_2/GeneralPurpose/Gen5/2}.
 *
 * @param name     the service objective, e.g. {@code S0}, {@code GP_Gen5_2}
 * @param tier     the edition, e.g. {@code Standard}, {@code GeneralPurpose}
 * @param family   the hardware generation for vCore tiers ({@code Gen5}), null for DTU tiers
 * @param capacity DTUs or vCores
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Sku(String name, String tier, String family, Integer capacity) {
    public Sku {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(tier, "tier == null");
    }
}
