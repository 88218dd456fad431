package io.asyncops.bench.emulator;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.asyncops.testing.AsyncOps;
import io.asyncops.testing.AsyncOpsEmulator;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * How fast the in-process emulator is for a test suite (H2, TLS on). Prints:
 * <ul>
 *   <li>start to ready, the first emulator of a fresh JVM (cold), median of {@code --cold} child JVMs: from
 *       {@code AsyncOps.emulator()} to the first authenticated request answered;</li>
 *   <li>the same for later emulators in one JVM (warm), median and p90 of {@code --warm} start-and-close cycles;</li>
 *   <li>a reset (what runs between two test methods), median of {@code --resets}, against a warm restart;</li>
 *   <li>the JUnit class of twenty methods ({@link TwentyMethods}) as the first class of a fresh JVM and warm, with
 *       one emulator reset between methods, against the baseline of one emulator per method.</li>
 * </ul>
 * Options: {@code --cold N} (3), {@code --warm N} (10), {@code --resets N} (50), {@code --aot N} (0: N more cold
 * starts with a JDK ahead-of-time cache, after one training run).
 */
public final class EmulatorBench {
    private EmulatorBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("--child-start")) {
            long cpu = processCpuNanos();
            double wall = startToReady();
            System.out.println(wall + " " + (processCpuNanos() - cpu) / 1e6);
            return;
        }
        if (args.length == 1 && args[0].equals("--child-class")) {
            System.out.println(runClass(TwentyMethods.class));
            return;
        }
        int cold = 3;
        int warm = 10;
        int resets = 50;
        int aot = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--cold" -> cold = Integer.parseInt(args[++i]);
                case "--warm" -> warm = Integer.parseInt(args[++i]);
                case "--resets" -> resets = Integer.parseInt(args[++i]);
                case "--aot" -> aot = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("usage: bin/bench emulator [--cold n] [--warm n] [--resets n] [--aot n]");
                    System.exit(2);
                }
            }
        }
        System.out.printf("emulator benchmark: H2, TLS on, %d CPUs, %s; load average %.1f at the start%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name") + " "
                        + Runtime.version(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println("(wall-clock figures grow with the machine's load; the CPU figures much less)");

        List<Double> coldStarts = new ArrayList<>();
        List<Double> coldCpu = new ArrayList<>();
        List<Double> coldClasses = new ArrayList<>();
        for (int i = 0; i < cold; i++) {
            String[] startFigures = child("--child-start").split(" ");
            coldStarts.add(Double.parseDouble(startFigures[0]));
            coldCpu.add(Double.parseDouble(startFigures[1]));
            coldClasses.add(Double.parseDouble(child("--child-class")));
        }
        System.out.printf("cold start to ready (first emulator of a JVM):  median %6.0f ms  (runs: %s); CPU of "
                + "the JVM meanwhile, all threads: median %.0f ms%n", median(coldStarts), rounded(coldStarts),
                median(coldCpu));

        if (aot > 0) {
            coldWithAotCache(aot);
        }

        startToReady(); // this JVM's first: warms it up
        List<Double> warmStarts = new ArrayList<>();
        List<Double> warmCpu = new ArrayList<>();
        List<Double> closes = new ArrayList<>();
        for (int i = 0; i < warm; i++) {
            long t0 = System.nanoTime();
            long c0 = processCpuNanos();
            AsyncOpsEmulator emu = started();
            warmStarts.add(ms(t0));
            warmCpu.add((processCpuNanos() - c0) / 1e6);
            long t1 = System.nanoTime();
            emu.close();
            closes.add(ms(t1));
        }
        System.out.printf("warm start to ready (later emulators):          median %6.0f ms  p90 %6.0f ms  (CPU "
                + "median %.0f ms); close median %4.0f ms%n", median(warmStarts), percentile(warmStarts, 0.9),
                median(warmCpu), median(closes));

        List<Double> resetTimes = new ArrayList<>();
        try (AsyncOpsEmulator emu = started()) {
            for (int i = 0; i < resets; i++) {
                TwentyMethods.body(emu);
                long t0 = System.nanoTime();
                emu.reset();
                resetTimes.add(ms(t0));
            }
        }
        double restart = median(warmStarts) + median(closes);
        System.out.printf("reset between tests (with an operation running): median %5.1f ms  p90 %5.1f ms  "
                + "(%.0fx faster than a warm restart, %.0f ms)%n", median(resetTimes), percentile(resetTimes, 0.9),
                restart / median(resetTimes), restart);

        double warmClass = runClass(TwentyMethods.class);
        double perMethod = runClass(TwentyMethods.PerMethod.class);
        System.out.printf("JUnit class of 20 methods, reset between them:  first class of a JVM median %6.0f ms "
                + "(runs: %s); warm %6.0f ms%n", median(coldClasses), rounded(coldClasses), warmClass);
        System.out.printf("  baseline, one emulator per method (warm):      %6.0f ms  (reset is %.1fx faster)%n",
                perMethod, perMethod / warmClass);
        System.out.printf("goals: cold start < 3000 ms: %s; warm start < 1000 ms: %s; 20-method class < 5000 ms "
                + "(first in a JVM): %s%n", verdict(median(coldStarts) < 3000), verdict(median(warmStarts) < 1000),
                verdict(median(coldClasses) < 5000));
    }

    /** Starts an emulator and makes one authenticated request on it; returns how long that took, in ms. */
    static double startToReady() throws Exception {
        long t0 = System.nanoTime();
        try (AsyncOpsEmulator emu = started()) {
            return ms(t0);
        }
    }

    /** A started emulator that has answered one authenticated request over HTTPS. */
    static AsyncOpsEmulator started() throws Exception {
        AsyncOpsEmulator emu = AsyncOps.emulator().start();
        try (HttpClient http = HttpClient.newBuilder().sslContext(emu.sslContext()).build()) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(emu.tlsBaseUrl() + "/subscriptions/"
                    + emu.subscription() + "/resourcegroups?api-version=2025-04-01"))
                    .header("Authorization", "Bearer " + emu.token()).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("the emulator answered " + r.statusCode() + ": " + r.body());
            }
        }
        return emu;
    }

    /** Runs a test class with the JUnit launcher; its wall time in ms (fails when a test failed). */
    static double runClass(Class<?> testClass) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(testClass)).build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        long t0 = System.nanoTime();
        launcher.execute(request, listener);
        double took = ms(t0);
        TestExecutionSummary summary = listener.getSummary();
        if (summary.getTotalFailureCount() > 0 || summary.getTestsSucceededCount() != 20) {
            summary.getFailures().forEach(f -> f.getException().printStackTrace());
            throw new IllegalStateException(testClass.getSimpleName() + ": " + summary.getTestsSucceededCount()
                    + " of 20 tests succeeded");
        }
        return took;
    }

    /**
     * The cold start again, in child JVMs given an ahead-of-time cache (JDK 25: classes loaded and linked, method
     * profiles) that one training child wrote: what a test suite gains from {@code -XX:AOTCache} in its JVM options.
     * The cache needs a class path of jars only.
     */
    static void coldWithAotCache(int runs) throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("asyncops-aot");
        String cache = dir.resolve("emulator.aot").toString();
        try {
            child("--child-start", "-XX:AOTCacheOutput=" + cache);
            List<Double> starts = new ArrayList<>();
            List<Double> cpu = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                String[] figures = child("--child-start", "-XX:AOTCache=" + cache).split(" ");
                starts.add(Double.parseDouble(figures[0]));
                cpu.add(Double.parseDouble(figures[1]));
            }
            System.out.printf("  the same with an AOT cache (-XX:AOTCache):      median %6.0f ms  (runs: %s); CPU "
                    + "median %.0f ms%n", median(starts), rounded(starts), median(cpu));
        } finally {
            java.nio.file.Files.deleteIfExists(java.nio.file.Path.of(cache));
            java.nio.file.Files.deleteIfExists(dir);
        }
    }

    /** Runs this class's {@code mode} in a fresh JVM (with {@code jvmOptions}); the last line it prints. */
    static String child(String mode, String... jvmOptions) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx1g"));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), EmulatorBench.class.getName(), mode));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            out = r.lines().reduce((a, b) -> b).orElse("");
        }
        if (p.waitFor() != 0) {
            throw new IllegalStateException("the child JVM (" + mode + ") failed");
        }
        return out.trim();
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static double ms(long since) {
        return (System.nanoTime() - since) / 1e6;
    }

    static double median(List<Double> values) {
        return percentile(values, 0.5);
    }

    static double percentile(List<Double> values, double p) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    static String rounded(List<Double> values) {
        return Arrays.toString(values.stream().mapToLong(Math::round).toArray());
    }

    static String verdict(boolean met) {
        return met ? "met" : "NOT met";
    }
}
