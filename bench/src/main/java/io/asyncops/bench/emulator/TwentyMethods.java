package io.asyncops.bench.emulator;

import io.asyncops.junit5.AsyncOpsTest;
import io.asyncops.testing.AsyncOpsEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The class the benchmark times: twenty test methods against one emulator (reset after each), or one emulator
 * each ({@link PerMethod}). Each method does what a small test does: checks it starts clean, creates a resource
 * group, starts a SQL server create (202) and reads its status once; the create is still running when the method
 * ends, so every reset clears a running operation.
 */
@AsyncOpsTest
public class TwentyMethods {
    /** The same methods, with a new emulator for each: the baseline of the reset. */
    @AsyncOpsTest(emulatorPerMethod = true)
    public static class PerMethod extends TwentyMethods {
    }

    static void body(AsyncOpsEmulator emu) {
        if (!emu.operations().list().isEmpty()) {
            throw new AssertionError("the emulator was not reset: " + emu.operations().list());
        }
        String arm = emu.baseUrl() + "/subscriptions/" + emu.subscription();
        try (HttpClient http = HttpClient.newHttpClient()) {
            expect(201, send(http, emu, "PUT", arm + "/resourcegroups/rg1?api-version=2025-04-01",
                    "{\"location\":\"westus\"}"));
            HttpResponse<String> accepted = send(http, emu, "PUT", arm + "/resourceGroups/rg1/providers/Microsoft.Sql"
                    + "/servers/bench-sql-1?api-version=2021-11-01", "{\"location\":\"westus\",\"properties\":"
                    + "{\"administratorLogin\":\"sqladmin\",\"administratorLoginPassword\":\"Str0ng!Passw0rd\"}}");
            expect(202, accepted);
            expect(200, send(http, emu, "GET", accepted.headers().firstValue("Azure-AsyncOperation").orElseThrow(),
                    null));
        }
    }

    static HttpResponse<String> send(HttpClient http, AsyncOpsEmulator emu, String method, String url, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + emu.token());
        if (json == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new AssertionError(response.request().method() + " " + response.uri() + " answered "
                    + response.statusCode() + ", not " + status + ": " + response.body());
        }
    }

    // twenty methods, as a test class would have them
    @Test void method01(AsyncOpsEmulator emu) { body(emu); }
    @Test void method02(AsyncOpsEmulator emu) { body(emu); }
    @Test void method03(AsyncOpsEmulator emu) { body(emu); }
    @Test void method04(AsyncOpsEmulator emu) { body(emu); }
    @Test void method05(AsyncOpsEmulator emu) { body(emu); }
    @Test void method06(AsyncOpsEmulator emu) { body(emu); }
    @Test void method07(AsyncOpsEmulator emu) { body(emu); }
    @Test void method08(AsyncOpsEmulator emu) { body(emu); }
    @Test void method09(AsyncOpsEmulator emu) { body(emu); }
    @Test void method10(AsyncOpsEmulator emu) { body(emu); }
    @Test void method11(AsyncOpsEmulator emu) { body(emu); }
    @Test void method12(AsyncOpsEmulator emu) { body(emu); }
    @Test void method13(AsyncOpsEmulator emu) { body(emu); }
    @Test void method14(AsyncOpsEmulator emu) { body(emu); }
    @Test void method15(AsyncOpsEmulator emu) { body(emu); }
    @Test void method16(AsyncOpsEmulator emu) { body(emu); }
    @Test void method17(AsyncOpsEmulator emu) { body(emu); }
    @Test void method18(AsyncOpsEmulator emu) { body(emu); }
    @Test void method19(AsyncOpsEmulator emu) { body(emu); }
    @Test void method20(AsyncOpsEmulator emu) { body(emu); }
}
