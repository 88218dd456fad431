package io.asyncops.server.internal;

import io.asyncops.emulator.ProviderCore;
import io.asyncops.engine.Engine;
import io.asyncops.engine.Operation;
import io.asyncops.protocol.HeaderNames;
import io.asyncops.protocol.RetryAfter;
import io.asyncops.server.spi.PlaneContext;
import io.asyncops.server.spi.Urls;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Objects;
import javax.sql.DataSource;

/** The server's {@link PlaneContext}. */
public record DefaultPlaneContext(Engine engine, ProviderCore providers, DataSource dataSource, Clock clock, double timeScale, Urls urls,
                                  MeterRegistry meterRegistry) implements PlaneContext {

    @Override
    public void accepted(ServerRequest request, ServerResponse response, Operation operation, String namespace,
                         String location, String apiVersion) {
        String subscription = Objects.requireNonNull(operation.subscription(),
                "an ARM operation needs a subscription");
        response.status(202);
        response.header(HeaderNames.AZURE_ASYNC_OPERATION,
                urls.operationStatus(request, subscription, namespace, location, operation.id(), apiVersion));
        response.header(HeaderNames.LOCATION,
                urls.operationResult(request, subscription, namespace, location, operation.id(), apiVersion));
        response.header(HeaderNames.RETRY_AFTER, RetryAfter.format(engine.retryAfter(operation)));
        response.send();
    }
}
