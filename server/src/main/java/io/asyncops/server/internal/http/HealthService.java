package io.asyncops.server.internal.http;

import io.asyncops.server.spi.ArmJson;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * {@code /health/live} (the process answers) and {@code /health/ready} (the database answers and the engine runs):
 * {@code 200 {"status":"UP"}} or {@code 503 {"status":"DOWN"}}. No token needed.
 */
public final class HealthService implements HttpService {
    private final BooleanSupplier ready;

    public HealthService(BooleanSupplier ready) {
        this.ready = ready;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/health/live", (req, res) -> ArmJson.send(res, 200, Map.of("status", "UP")))
                .get("/health/ready", (req, res) -> {
                    boolean up = ready.getAsBoolean();
                    ArmJson.send(res, up ? 200 : 503, Map.of("status", up ? "UP" : "DOWN"));
                });
    }
}
