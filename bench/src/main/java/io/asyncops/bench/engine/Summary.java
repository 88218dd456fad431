package io.asyncops.bench.engine;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's conclusion: per contestant the best and median drain rate over the rounds and the median CPU
 * per operation; asyncops on PostgreSQL against each peer, and the goals met or not.
 */
final class Summary {
    private static final String OURS = "asyncops PostgreSQL";

    private Summary() {
    }

    static void print(Map<String, List<Drain>> drains, List<Latency> latencies) {
        System.out.println();
        System.out.println("summary over the rounds (same PostgreSQL, same worker count):");
        for (Map.Entry<String, List<Drain>> e : drains.entrySet()) {
            System.out.printf("  %-22s best %7.0f ops/s  median %7.0f ops/s  median CPU %5.0f ms/1k ops%n",
                    e.getKey(), best(e.getValue()), median(e.getValue()), medianCpu(e.getValue()));
        }
        List<Drain> ours = drains.get(OURS);
        for (Map.Entry<String, List<Drain>> e : drains.entrySet()) {
            if (e.getKey().startsWith("asyncops")) {
                continue;
            }
            double goal = e.getKey().startsWith("db-scheduler") ? 1.0 : 2.0;
            double bestRatio = best(ours) / best(e.getValue());
            double medianRatio = median(ours) / median(e.getValue());
            double cpuRatio = medianCpu(e.getValue()) / medianCpu(ours);
            System.out.printf("  asyncops/%-20s throughput %5.2fx best, %5.2fx median; CPU efficiency %5.2fx"
                    + "  (goal >= %.1fx: %s)%n", e.getKey(), bestRatio, medianRatio, cpuRatio, goal,
                    medianRatio >= goal ? "met" : "NOT met");
        }
        for (Latency l : latencies) {
            if (l.name().equals(OURS)) {
                double p50 = l.percentileMillis(50);
                System.out.printf("  lone operation on PostgreSQL: p50 %.2f ms (goal < 10 ms: %s), p99 %.2f ms%n",
                        p50, p50 < 10 ? "met" : "NOT met", l.percentileMillis(99));
            }
        }
    }

    private static double best(List<Drain> drains) {
        return drains.stream().mapToDouble(Drain::perSecond).max().orElse(Double.NaN);
    }

    private static double median(List<Drain> drains) {
        List<Double> rates = drains.stream().map(Drain::perSecond).sorted().toList();
        return middle(rates);
    }

    private static double medianCpu(List<Drain> drains) {
        return middle(drains.stream().map(Drain::cpuMillisPerThousand).sorted(Comparator.naturalOrder()).toList());
    }

    private static double middle(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
