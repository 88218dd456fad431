package io.asyncops.testing.internal;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Helidon logs through {@code java.util.logging}, at INFO, a few lines for every server that starts or stops: in a
 * test suite that starts many emulators they drown the tests' own output. Unless the JVM's logging configuration
 * set a level for {@code io.helidon}, the emulator lowers it to WARNING.
 */
public final class QuietHelidon {
    // held: java.util.logging keeps loggers weakly, and a collected logger forgets its level
    private static final Logger HELIDON = Logger.getLogger("io.helidon");

    static {
        if (HELIDON.getLevel() == null) {
            HELIDON.setLevel(Level.WARNING);
        }
    }

    private QuietHelidon() {
    }

    /** Applies the rule, once per JVM. */
    public static void apply() {
        // the work is in the class initializer
    }
}
