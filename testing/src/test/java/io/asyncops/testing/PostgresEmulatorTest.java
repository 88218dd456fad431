package io.asyncops.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.asyncops.engine.OperationStatus;
import io.asyncops.engine.testing.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The emulator on PostgreSQL (an embedded server): operations run and end, reset empties the database. */
class PostgresEmulatorTest {

    @Test
    void theEmulatorRunsOnPostgresql() throws Exception {
        EmbeddedPostgres pg = EmbeddedPostgres.shared();
        String url = "jdbc:postgresql://localhost:" + pg.port() + "/" + pg.createDatabase();
        try (AsyncOpsEmulator emu = AsyncOps.emulator().postgres(url, EmbeddedPostgres.USER, EmbeddedPostgres.PASSWORD)
                .tls(false).start();
             HttpClient http = HttpClient.newHttpClient()) {
            assertThat(emu.server().config().jdbcUrl()).contains(url);
            String arm = emu.baseUrl() + "/subscriptions/" + emu.subscription();
            assertThat(send(http, emu, arm + "/resourcegroups/rg1?api-version=2025-04-01", "{\"location\":\"westus\"}")
                    .statusCode()).isEqualTo(201);
            HttpResponse<String> accepted = send(http, emu, arm + "/resourceGroups/rg1/providers/Microsoft.Sql/servers"
                    + "/pg-sql-1?api-version=2021-11-01", "{\"location\":\"westus\",\"properties\":{"
                    + "\"administratorLogin\":\"sqladmin\",\"administratorLoginPassword\":\"Str0ng!Passw0rd\"}}");
            assertThat(accepted.statusCode()).isEqualTo(202);

            assertThat(emu.operations().await(accepted.headers().firstValue("Location").orElseThrow()).status())
                    .isEqualTo(OperationStatus.SUCCEEDED);
            emu.reset();
            assertThat(emu.operations().list()).isEmpty();
            assertThat(send(http, emu, arm + "/resourcegroups/rg1?api-version=2025-04-01", "{\"location\":\"westus\"}")
                    .statusCode()).as("the group is new again").isEqualTo(201);
        }
    }

    static HttpResponse<String> send(HttpClient http, AsyncOpsEmulator emu, String url, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + emu.token())
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
