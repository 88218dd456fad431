package io.asyncops.server.classic;

import io.asyncops.emulator.biztalk.BizTalkServices;
import io.asyncops.emulator.biztalk.BizTalkTimings;
import io.asyncops.server.spi.Plane;
import io.asyncops.server.spi.PlaneContext;
import io.asyncops.server.spi.PlaneSetup;
import io.helidon.webserver.http.HttpRouting;

/**
 * The classic Service Management plane (XML): BizTalk Services deployments and their operations, polled by the
 * request id that started them ({@code ?OperationStatus/{request-id}}) or through the generic
 * {@code /{subscription-id}/operations/{request-id}}. Its deployments are a resource type of the provider core (the
 * generic store); the routes here speak the classic plane's XML.
 */
public final class ClassicPlane implements Plane {
    private final BizTalkTimings timings;

    /** The plane with the default, Azure-like durations (scaled by the server's time scale). */
    public ClassicPlane() {
        this(BizTalkTimings.DEFAULT);
    }

    /** The plane with {@code timings} at time scale 1. */
    public ClassicPlane(BizTalkTimings timings) {
        this.timings = java.util.Objects.requireNonNull(timings, "timings == null");
    }

    @Override
    public String name() {
        return "classic";
    }

    @Override
    public void prepare(PlaneSetup setup) {
        setup.resourceTypes(java.util.List.of(BizTalkServices.type(timings)));
    }

    @Override
    public void routing(HttpRouting.Builder routing, PlaneContext context) {
        BizTalkServices biztalk = new BizTalkServices(context.providers());
        routing.register(new BizTalkHttpService(biztalk, context.engine()), new OperationsHttpService(biztalk));
    }
}
