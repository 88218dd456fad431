package io.asyncops.bench.engine;

import java.time.Duration;

/**
 * One contestant's figures for one round: N operations stored first (load), then run to their end by W workers
 * (drain), and the CPU the drain took in this JVM and in PostgreSQL.
 *
 * @param name       who ran it
 * @param operations N
 * @param load       the time to store N operations before any worker started
 * @param drain      the time from starting the workers to the last operation's end committed
 * @param cpu        CPU seconds the drain used (this JVM, the PostgreSQL server)
 */
record Drain(String name, int operations, Duration load, Duration drain, CpuMeter.Sample cpu) {

    double perSecond() {
        return operations / (drain.toNanos() / 1e9);
    }

    double loadPerSecond() {
        return operations / (load.toNanos() / 1e9);
    }

    /** CPU milliseconds (JVM + PostgreSQL) per 1,000 operations drained. */
    double cpuMillisPerThousand() {
        return (cpu.jvm() + cpu.postgres()) * 1e6 / operations;
    }
}
