package io.asyncops.server.arm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.asyncops.protocol.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the Postman collection of {@code docs/postman} with newman (installed by {@code npm ci} during the build,
 * pinned by {@code src/test/newman/package-lock.json}) against a live server over HTTPS, trusting its self-signed
 * certificate: the seed's flow as its author ran it, step by step, including the provoked failure.
 */
class PostmanCollectionTest {
    static final Path POSTMAN = Path.of("..", "docs", "postman");
    static final Path NEWMAN = Path.of("target", "newman", "node_modules", "newman", "bin", "newman.js");

    @TempDir
    static Path data;
    @TempDir
    static Path work;
    static ArmServer arm;

    @BeforeAll
    static void start() {
        arm = ArmServer.start(data);
    }

    @AfterAll
    static void stop() {
        arm.close();
    }

    @Test
    void theCollectionRunsGreenAgainstALiveServer() throws Exception {
        assumeTrue(onPath("node"), "node is not installed: the Postman collection cannot run here");
        assertThat(NEWMAN).as("newman, installed by npm ci in the build (server/pom.xml)").exists();
        Path report = work.resolve("newman-report.json");
        Path cert = arm.server.selfSignedCertificate().orElseThrow();
        List<String> command = new ArrayList<>(List.of("node", NEWMAN.toString(), "run",
                POSTMAN.resolve("asyncops-monitoring-async-operations.postman_collection.json").toString(),
                "-e", POSTMAN.resolve("asyncops-local.postman_environment.json").toString(),
                "--env-var", "baseUrl=" + arm.base(),
                "--env-var", "token=" + arm.token(),
                "--env-var", "subscriptionId=" + ArmServer.SUB,
                "--env-var", "serverName=postman-" + Long.toHexString(System.nanoTime()),
                "--env-var", "maxPolls=60",
                "--ssl-extra-ca-certs", cert.toString(),
                "--timeout-request", "30000",
                "--color", "off",
                "--reporters", "cli,json", "--reporter-json-export", report.toString()));
        Path log = work.resolve("newman.log");
        Process newman = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = newman.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            newman.destroyForcibly();
        }
        String output = Files.readString(log);
        assertThat(ended).as("newman ended in time:%n%s", output).isTrue();
        assertThat(newman.exitValue()).as("newman's exit code; its output:%n%s", output).isZero();

        JsonNode run = Json.mapper().readTree(report.toFile()).path("run");
        assertThat(run.at("/stats/assertions/failed").asInt()).isZero();
        assertThat(run.at("/stats/assertions/total").asInt()).isGreaterThan(40);
        List<String> executed = run.path("executions").findValuesAsText("name");
        assertThat(executed).contains("1. Create the logical SQL server", "2. Poll Azure-AsyncOperation until Succeeded",
                "3. Read the result from the Location URL", "7. Poll Azure-AsyncOperation until Failed",
                "8. The Location URL of the failed operation", "11. The resource group is gone");
        assertThat(output).contains("Azure-AsyncOperation: " + arm.base()).contains("status: Succeeded")
                .contains("status: Failed").contains("RegionDoesNotAllowProvisioning");
    }

    static boolean onPath(String program) {
        try {
            return new ProcessBuilder(program, "--version").redirectErrorStream(true).start().waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
