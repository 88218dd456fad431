package io.asyncops.cli.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.asyncops.cli.AsyncOpsCli;
import io.asyncops.engine.Database;
import io.asyncops.protocol.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code asyncops sp create/list/delete} on a data dir's H2 database (no server running). */
class SpCommandTest {

    @Test
    void createPrintsWhatAzLoginNeedsAndTheDatabaseKeepsOnlyAHash(@TempDir Path data) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(run(out, err, "sp", "create", "--data-dir", data.toString(), "--name", "ci",
                "--subscription", "11111111-2222-3333-4444-555555555555", "--subscription", "SUB-2")).isZero();
        assertThat(err.toString()).isEmpty();
        JsonNode sp = Json.mapper().readTree(out.toString());
        assertThat(sp.path("appId").asText()).matches("[0-9a-f-]{36}");
        assertThat(sp.path("password").asText()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(sp.path("tenant").asText()).matches("[0-9a-f-]{36}");
        assertThat(sp.path("displayName").asText()).isEqualTo("ci");
        assertThat(sp.path("subscriptions").toString()).contains("sub-2", "11111111-2222-3333-4444-555555555555");

        try (Database db = Database.h2(data); Connection c = db.dataSource().getConnection();
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select secret_hash from asyncops_identity_principal")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1)).startsWith("pbkdf2-sha256$").doesNotContain(sp.path("password").asText());
        }

        StringWriter listed = new StringWriter();
        assertThat(run(listed, new StringWriter(), "sp", "list", "--data-dir", data.toString())).isZero();
        JsonNode list = Json.mapper().readTree(listed.toString());
        assertThat(list).hasSize(1);
        assertThat(list.get(0).path("appId").asText()).isEqualTo(sp.path("appId").asText());
        assertThat(listed.toString()).doesNotContain(sp.path("password").asText()).doesNotContain("pbkdf2");

        assertThat(run(new StringWriter(), new StringWriter(), "sp", "delete", "--data-dir", data.toString(),
                "--id", sp.path("appId").asText())).isZero();
        StringWriter gone = new StringWriter();
        assertThat(run(new StringWriter(), gone, "sp", "delete", "--data-dir", data.toString(),
                "--id", sp.path("appId").asText())).isEqualTo(1);
        assertThat(gone.toString()).contains("no service principal");
        StringWriter empty = new StringWriter();
        run(empty, new StringWriter(), "sp", "list", "--data-dir", data.toString());
        assertThat(Json.mapper().readTree(empty.toString())).isEmpty();
    }

    @Test
    void badSubscriptionsAreUsageErrors(@TempDir Path data) {
        StringWriter err = new StringWriter();
        assertThat(run(new StringWriter(), err, "sp", "create", "--data-dir", data.toString(),
                "--subscription", "no/slashes")).isEqualTo(2);
        assertThat(err.toString()).contains("not a subscription id");
        assertThat(run(new StringWriter(), new StringWriter(), "sp", "create", "--data-dir", data.toString()))
                .isEqualTo(2);
    }

    static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = AsyncOpsCli.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }
}
