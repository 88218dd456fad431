package io.asyncops.emulator.biztalk;

import java.time.Duration;
import java.util.Objects;

/**
 * How long each action takes at time scale 1. A real BizTalk Services deployment took many minutes to provision;
 * the defaults keep the order (create slowest, then delete, then restart) at a length a person can watch.
 *
 * @param create  provisioning a new deployment
 * @param restart restarting one
 * @param delete  deleting one
 */
public record BizTalkTimings(Duration create, Duration restart, Duration delete) {
    /** Create 120 s, restart 30 s, delete 45 s. */
    public static final BizTalkTimings DEFAULT = new BizTalkTimings(Duration.ofSeconds(120), Duration.ofSeconds(30),
            Duration.ofSeconds(45));

    public BizTalkTimings {
        check("create", create);
        check("restart", restart);
        check("delete", delete);
    }

    /** The duration of {@code action}. */
    public Duration of(BizTalkAction action) {
        return switch (action) {
            case CREATE -> create;
            case RESTART -> restart;
            case DELETE -> delete;
        };
    }

    private static void check(String name, Duration value) {
        Objects.requireNonNull(value, name + " == null");
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
    }
}
