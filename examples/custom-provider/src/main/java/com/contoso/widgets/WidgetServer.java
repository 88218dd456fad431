package com.contoso.widgets;

import io.asyncops.server.AsyncOpsServer;
import io.asyncops.server.ServerConfig;
import io.asyncops.server.auth.TokenMinter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Serves {@code Contoso.Widgets/widgets} (and resource groups) on {@code http://127.0.0.1:8080}, with its data in
 * {@code widgets-data}, and prints a token and the first two curl calls.
 */
public final class WidgetServer {
    private WidgetServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        Path data = Path.of("widgets-data");
        AsyncOpsServer server = AsyncOpsServer.start(ServerConfig.builder()
                .httpPort(port)
                .dataDir(data)
                .addResourceType(Widgets.type(data.resolve("widgets")))
                .build());
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        String sub = "00000000-0000-0000-0000-000000000001";
        String token = TokenMinter.forDataDir(data).mint("widget-maker", List.of(sub), Duration.ofHours(8));
        String base = server.httpUri() + "/subscriptions/" + sub;
        System.out.println("TOKEN=" + token);
        System.out.println("curl -s -X PUT '" + base + "/resourceGroups/rg1?api-version=2025-04-01' -H \"Authorization:"
                + " Bearer $TOKEN\" -H 'Content-Type: application/json' -d '{\"location\":\"westus\"}'");
        System.out.println("curl -si -X PUT '" + base + "/resourceGroups/rg1/providers/Contoso.Widgets/widgets/w1"
                + "?api-version=2024-01-01' -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json'"
                + " -d '{\"location\":\"westus\",\"properties\":{\"parts\":[\"gear\",\"spring\"]}}'");
        Thread.currentThread().join();
    }
}
