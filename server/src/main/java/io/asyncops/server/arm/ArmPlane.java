package io.asyncops.server.arm;

import io.asyncops.emulator.Timings;
import io.asyncops.emulator.resources.ResourceGroups;
import io.asyncops.emulator.sql.Sql;
import io.asyncops.server.spi.Plane;
import io.asyncops.server.spi.PlaneContext;
import io.asyncops.server.spi.PlaneSetup;
import io.helidon.webserver.http.HttpRouting;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The ARM plane: resource groups and the emulated {@code Microsoft.Sql} provider (servers, databases, firewall
 * rules, export, checkNameAvailability) over JSON, as PROTOCOL §2 describes. It only declares the types: the
 * server's one generic ARM resource route serves them, and the status monitor and result routes are the server's.
 */
public final class ArmPlane implements Plane {
    private final Timings timings;

    /** The plane with Azure-like durations (scaled by the server's time scale). */
    public ArmPlane() {
        this(Timings.AZURE_LIKE);
    }

    /** The plane with {@code timings} at time scale 1. */
    public ArmPlane(Timings timings) {
        this.timings = Objects.requireNonNull(timings, "timings == null");
    }

    @Override
    public String name() {
        return "arm";
    }

    @Override
    public void prepare(PlaneSetup setup) {
        List<io.asyncops.emulator.ResourceType> types = new ArrayList<>();
        types.add(ResourceGroups.type(timings));
        types.addAll(Sql.types(timings));
        setup.resourceTypes(types);
    }

    @Override
    public void routing(HttpRouting.Builder routing, PlaneContext context) {
        // the server's generic ARM route serves the declared types
    }
}
