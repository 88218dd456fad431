package io.asyncops.cli.follow;

import io.asyncops.client.PollSnapshot;
import java.io.PrintWriter;
import java.io.Console;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Progress on stderr. On a terminal: one live line, redrawn in place, with the status, a bar of percentComplete,
 * the countdown to the next poll and the polls so far. Elsewhere (a pipe, a CI log): one plain line per event.
 */
abstract class Progress implements AutoCloseable {

    enum Style { auto, bar, plain, none }

    /** A line that stays: the start, the end, a warning. */
    abstract void say(String line);

    /** After each response. */
    abstract void update(PollSnapshot snapshot);

    @Override
    public void close() {
    }

    static Progress of(Style style, PrintWriter err) {
        Style effective = style == Style.auto ? (stderrIsTerminal() ? Style.bar : Style.plain) : style;
        return switch (effective) {
            case bar -> new LiveLine(err, terminalWidth());
            case plain -> new PlainLines(err);
            default -> new Silent();
        };
    }

    /** True when the process has a terminal and TERM is not dumb (Java cannot test fd 2 alone). */
    static boolean stderrIsTerminal() {
        Console console = System.console();
        if (console == null || "dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        try {
            // Console.isTerminal() (Java 22+) tells a real terminal from a redirected one.
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException olderJava) {
            return true;
        }
    }

    private static int terminalWidth() {
        try {
            int columns = Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "100"));
            return Math.max(40, Math.min(columns, 200));
        } catch (NumberFormatException e) {
            return 100;
        }
    }

    static String percent(Double p) {
        return p == null ? "" : String.format(Locale.ROOT, "%.0f%%", p);
    }

    static String human(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + "ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
        }
        return (ms / 60_000) + "m" + ((ms / 1000) % 60) + "s";
    }

    /** One line per event, for logs. */
    static final class PlainLines extends Progress {
        private final PrintWriter err;

        PlainLines(PrintWriter err) {
            this.err = err;
        }

        @Override
        synchronized void say(String line) {
            err.println("asyncops: " + line);
            err.flush();
        }

        @Override
        void update(PollSnapshot s) {
            if (s.done() || s.polls() == 0) {
                return;
            }
            String pct = percent(s.percentComplete());
            say("poll " + s.polls() + ": " + s.status() + (pct.isEmpty() ? "" : " " + pct)
                    + " (HTTP " + s.httpStatus() + "), next poll in " + human(s.nextPollIn()));
        }
    }

    /** The live line, redrawn in place every 200 ms so the countdown moves. */
    static final class LiveLine extends Progress {
        private static final String SPIN = "|/-\\";
        private final PrintWriter err;
        private final int width;
        private final ScheduledExecutorService ticker;
        private volatile PollSnapshot latest;
        private volatile Instant nextPollAt = Instant.now();
        private volatile Instant updatedAt = Instant.now();
        private int frame;
        private int drawn;

        LiveLine(PrintWriter err, int width) {
            this.err = err;
            this.width = width;
            this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "asyncops-progress");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(this::redraw, 200, 200, TimeUnit.MILLISECONDS);
        }

        @Override
        synchronized void say(String line) {
            clear();
            err.println("asyncops: " + line);
            err.flush();
            redraw();
        }

        @Override
        void update(PollSnapshot s) {
            latest = s;
            updatedAt = Instant.now();
            nextPollAt = updatedAt.plus(s.nextPollIn());
            redraw();
        }

        synchronized void redraw() {
            PollSnapshot s = latest;
            if (s == null || s.done()) {
                return;
            }
            Instant now = Instant.now();
            Duration elapsed = s.elapsed().plus(Duration.between(updatedAt, now));
            String line = render(s, Duration.between(now, nextPollAt), elapsed, SPIN.charAt(frame++ % 4), width);
            err.print("\r" + line + " ".repeat(Math.max(0, drawn - line.length())));
            err.flush();
            drawn = line.length();
        }

        /** The line for a snapshot: status, bar, countdown, polls, elapsed; cut to the width. */
        static String render(PollSnapshot s, Duration untilNext, Duration elapsed, char spinner, int width) {
            StringBuilder b = new StringBuilder();
            b.append(spinner).append(' ').append(s.status());
            if (s.percentComplete() != null) {
                int cells = 20;
                int full = (int) Math.round(Math.max(0, Math.min(100, s.percentComplete())) / 100.0 * cells);
                b.append(" [").append("#".repeat(full)).append(".".repeat(cells - full)).append("] ")
                        .append(percent(s.percentComplete()));
            }
            Duration wait = untilNext.isNegative() ? Duration.ZERO : untilNext;
            b.append("  next poll in ").append(human(wait))
                    .append("  polls ").append(s.polls())
                    .append("  ").append(human(elapsed));
            return b.length() > width - 1 ? b.substring(0, width - 1) : b.toString();
        }

        private void clear() {
            if (drawn > 0) {
                err.print("\r" + " ".repeat(drawn) + "\r");
                drawn = 0;
            }
        }

        @Override
        public synchronized void close() {
            ticker.shutdownNow();
            clear();
            err.flush();
        }
    }

    /** {@code --progress none}. */
    static final class Silent extends Progress {
        @Override
        void say(String line) {
        }

        @Override
        void update(PollSnapshot snapshot) {
        }
    }
}
