package io.asyncops.server.spi;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webserver.http.HttpRouting;
import java.util.List;

/**
 * A family of HTTP routes and the operation handlers behind them (the ARM plane, the classic plane, a test plane).
 *
 * <p>Life cycle: {@link #prepare} once, before the engine starts (create own tables with an own Flyway history
 * table, register operation handlers); then {@link #routing} once, after the engine runs. Rule: a plane's routes
 * report every error by throwing {@link ApiException} (or letting an engine exception through); they never write
 * an error body themselves, so every error has the same shape.
 */
public interface Plane {

    /** A short name for logs and metrics: {@code "arm"}, {@code "classic"}, {@code "test"}. */
    String name();

    /** Before the engine starts: creates the plane's own tables and registers its operation handlers. */
    void prepare(PlaneSetup setup);

    /** After the engine runs: registers the plane's HTTP routes. */
    void routing(HttpRouting.Builder routing, PlaneContext context);

    /**
     * The subscription's resources as ARM JSON objects ({@code id}, {@code name}, {@code type}, {@code location},
     * {@code properties.provisioningState}), resource groups included, for the console's resources view; none by
     * default. Called after {@link #routing}.
     */
    default List<JsonNode> resources(String subscription) {
        return List.of();
    }
}
