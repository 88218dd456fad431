package io.asyncops.engine.testing;

import java.lang.management.ManagementFactory;
import javax.management.ObjectName;

/** The live heap as the JVM's class histogram counts it, for tests that check what a cache weighs against it. */
public final class HeapHistogram {
    private HeapHistogram() {
    }

    /** Live heap bytes (the histogram collects first). */
    public static long liveBytes() throws Exception {
        String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        String[] lines = histogram.strip().split("\n");
        String[] total = lines[lines.length - 1].trim().split("\\s+");
        if (!"Total".equals(total[0])) {
            throw new IllegalStateException("no total in the class histogram: " + lines[lines.length - 1]);
        }
        return Long.parseLong(total[2]);
    }
}
