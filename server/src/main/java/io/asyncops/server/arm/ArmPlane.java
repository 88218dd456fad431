package io.asyncops.server.arm;

import io.asyncops.emulator.Timings;
import io.asyncops.emulator.resources.ResourceGroups;
import io.asyncops.emulator.sql.Sql;
import io.asyncops.emulator.ResourceType;
import io.asyncops.emulator.ResourceTypes;
import io.asyncops.server.internal.providers.ProvidersService;
import io.asyncops.server.internal.providers.ProvidersService.ProviderType;
import io.asyncops.emulator.openapi.Durations;
import io.asyncops.emulator.openapi.SpecLoadException;
import io.asyncops.emulator.openapi.SpecProviders;
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
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ArmPlane.class);
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
        List<ResourceType> types = new ArrayList<>();
        types.add(ResourceGroups.type(timings));
        types.addAll(Sql.types(timings));
        if (!setup.specs().isEmpty()) {
            types.addAll(specTypes(setup, types));
        }
        setup.resourceTypes(types);
    }

    /** The types of the specs given with {@code --spec} that the built-in ones do not describe. */
    private static List<ResourceType> specTypes(PlaneSetup setup, List<ResourceType> builtIn) {
        long t0 = System.nanoTime();
        SpecProviders specs;
        try {
            specs = SpecProviders.load(setup.specs(), setup.providersConfig().map(Durations::load)
                    .orElseGet(Durations::defaults));
        } catch (SpecLoadException e) {
            throw new IllegalStateException("cannot load the spec " + e.getMessage(), e);
        }
        List<ResourceType> loaded = specs.types(builtIn);
        LOG.info("loaded {} resource types ({} operations) from {} spec files in {} ms", loaded.size(),
                specs.operationCount(), specs.files().size(), (System.nanoTime() - t0) / 1_000_000);
        specs.notServed().forEach(why -> LOG.debug("not served from the specs: {}", why));
        return loaded;
    }

    @Override
    public void routing(HttpRouting.Builder routing, PlaneContext context) {
        // the server's generic ARM route serves the declared types; this plane adds the providers' registration reads
        ResourceTypes types = context.providers().types();
        routing.register(new ProvidersService(types.all().stream().filter(ResourceType::isArm)
                .map(t -> ProviderType.of(t.type(), t.apiVersions())).toList(),
                types.find(ResourceGroups.TYPE).orElseThrow().apiVersions()));
    }
}
