package io.asyncops.server.spi;

import io.asyncops.emulator.ProviderCore;
import io.asyncops.engine.Engine;
import io.asyncops.engine.Operation;
import io.micrometer.core.instrument.MeterRegistry;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * What a plane gets once the engine runs, in {@link Plane#routing}: the engine, the database, URL building and
 * the helper that answers an accepted long-running ARM operation.
 */
public interface PlaneContext {

    /** The running engine. */
    Engine engine();

    /** The provider core serving every declared resource type, on the running engine. */
    ProviderCore providers();

    /** The database the engine uses. */
    DataSource dataSource();

    /** The server's clock (the engine's too). */
    Clock clock();

    /** Multiplies every emulated duration; see {@link PlaneSetup#timeScale()}. */
    double timeScale();

    /** Builds absolute URLs from the request's host or the configured public base URL. */
    Urls urls();

    /** The registry behind {@code /metrics}, for a plane's own meters. */
    MeterRegistry meterRegistry();

    /**
     * Answers an accepted ARM operation: {@code 202}, no body, {@code Azure-AsyncOperation} (the status monitor URL),
     * {@code Location} (the result URL) and {@code Retry-After} (the engine's advice), both URLs absolute:
     * {@code {base}/subscriptions/{sub}/providers/{namespace}/locations/{location}/operationStatuses/{id}?api-version=}.
     *
     * @param operation  the submitted operation; its {@code subscription} names the URLs' subscription
     * @param namespace  the provider namespace, e.g. {@code Microsoft.Sql}
     * @param location   the resource's location, e.g. {@code westus}
     * @param apiVersion the api-version of the start request, repeated in both URLs
     */
    void accepted(ServerRequest request, ServerResponse response, Operation operation,
                  String namespace, String location, String apiVersion);
}
