package io.asyncops.cli.ops;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.Locale;

/** The table of {@code asyncops ops}: one aligned line per operation, its status URL last so it can be copied. */
final class OpsTable {
    private static final String FORMAT = "%-10s %6s  %-20s %-20s %-30s %s%n";

    private final PrintWriter out;

    OpsTable(PrintWriter out) {
        this.out = out;
    }

    void print(Iterable<JsonNode> monitors, String origin, String apiVersion) {
        out.printf(Locale.ROOT, FORMAT, "STATUS", "DONE", "STARTED", "ENDED", "ERROR", "STATUS URL");
        for (JsonNode m : monitors) {
            String percent = m.path("percentComplete").isNumber()
                    ? String.format(Locale.ROOT, "%.0f%%", m.path("percentComplete").asDouble()) : "";
            out.printf(Locale.ROOT, FORMAT, m.path("status").asText(), percent, second(m.path("startTime").asText()),
                    second(m.path("endTime").asText()), m.path("error").path("code").asText(""),
                    origin + m.path("id").asText() + "?api-version=" + apiVersion);
        }
    }

    /** An ISO instant cut to the second, readable in a column: 2026-11-23T11:52:22. */
    private static String second(String instant) {
        return instant.length() > 19 ? instant.substring(0, 19) : instant;
    }
}
