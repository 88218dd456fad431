package io.asyncops.cli.azure;

import com.fasterxml.jackson.databind.JsonNode;
import io.asyncops.protocol.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real Azure CLI ({@code az}, Debian's 2.45) as a subprocess, with its own configuration folder
 * ({@code AZURE_CONFIG_DIR}), trusting exactly the server's certificate ({@code REQUESTS_CA_BUNDLE}), no telemetry,
 * and a bounded time per command. Each run's stdout and stderr go to files, shown in full when a step fails.
 */
final class Az {
    private final Path configDir;
    private final Path caBundle;
    private final Path logs;
    private final List<String> transcript = new ArrayList<>();
    private final List<String> timings = new ArrayList<>();
    private int runs;

    /** What one command did. */
    record Result(List<String> args, int exit, String stdout, String stderr, Duration took) {
        JsonNode json() {
            try {
                return Json.mapper().readTree(stdout);
            } catch (IOException e) {
                throw new AssertionError("az " + String.join(" ", args) + " printed no JSON:\n" + this, e);
            }
        }

        @Override
        public String toString() {
            return "$ az " + String.join(" ", args) + "\nexit " + exit + " after " + took.toMillis() + " ms\n--- stdout\n"
                    + stdout + "\n--- stderr\n" + stderr;
        }
    }

    Az(Path workDir, Path caBundle) {
        this.configDir = workDir.resolve("azure-config");
        this.caBundle = caBundle;
        this.logs = workDir.resolve("az-logs");
        try {
            Files.createDirectories(configDir);
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code az args...} and requires exit 0. */
    Result ok(String... args) {
        Result r = run(Duration.ofSeconds(180), args);
        if (r.exit() != 0) {
            throw new AssertionError("az failed:\n" + r);
        }
        return r;
    }

    /** Runs {@code az args...} and requires a non-zero exit. */
    Result fails(String... args) {
        Result r = run(Duration.ofSeconds(120), args);
        if (r.exit() == 0) {
            throw new AssertionError("az should have failed:\n" + r);
        }
        return r;
    }

    Result run(Duration timeout, String... args) {
        List<String> command = new ArrayList<>();
        command.add("az");
        command.addAll(List.of(args));
        int n = ++runs;
        Path out = logs.resolve(n + ".out");
        Path err = logs.resolve(n + ".err");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        Map<String, String> env = pb.environment();
        env.put("AZURE_CONFIG_DIR", configDir.toString());
        env.put("REQUESTS_CA_BUNDLE", caBundle.toString());
        env.put("AZURE_CORE_COLLECT_TELEMETRY", "false");
        env.put("AZURE_CORE_SURVEY_MESSAGE", "false");
        env.put("AZURE_CORE_NO_COLOR", "true");
        long start = System.nanoTime();
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            boolean done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!done) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            Result r = new Result(List.of(args), done ? p.exitValue() : -1, Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8) + (done ? "" : "\n(killed after " + timeout + ")"), took);
            transcript.add(r.toString());
            timings.add(String.format("%6.1f s  az %s", took.toMillis() / 1000.0,
                    String.join(" ", args.length > 3 ? List.of(args).subList(0, 3) : List.of(args))));
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run az (install the Debian package azure-cli)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every command run so far, with its output (for the report of a failed test). */
    String transcript() {
        return String.join("\n\n", transcript);
    }

    /** One line per command run: its duration and its first words. */
    String timings() {
        return String.join("\n", timings);
    }

    int runs() {
        return runs;
    }
}
