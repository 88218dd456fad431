package io.asyncops.server.hostile;

import java.util.List;
import java.util.Random;

/**
 * What the generators of one route family share: the run's seeded random source, the target, the odd names to try,
 * and the list every probe goes into (so one seed gives one run, whichever families it covers).
 */
abstract class ProbeGenerator {
    final Random r;
    final HostileRequests.Target t;
    final List<String> names;
    private final List<Probe> probes;

    ProbeGenerator(Random r, HostileRequests.Target t, List<String> names, List<Probe> probes) {
        this.r = r;
        this.t = t;
        this.names = names;
        this.probes = probes;
    }

    /** Adds this family's probes. */
    abstract void all();

    final <T> T pick(List<T> list) {
        return list.get(r.nextInt(list.size()));
    }

    final Probe.Builder req(String family, String abuse) {
        return new Probe.Builder(family, abuse);
    }

    final void add(Probe.Builder b) {
        probes.add(b.build());
    }
}
