package io.asyncops.emulator;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * How one verb of a resource type answers (ARM RPC, "Asynchronous operations"): synchronously, or as a long-running
 * operation that takes {@code duration} (at time scale 1) and answers first either
 * <ul>
 *   <li>{@link Mode#ACCEPTED}: {@code 202}, no body, {@code Azure-AsyncOperation} + {@code Location} +
 *       {@code Retry-After} (what asyncops' Microsoft.Sql answers for every verb, as the seed saw; ARM's rule for
 *       DELETE and POST);</li>
 *   <li>{@link Mode#CREATED_OR_OK}: {@code 201} (created) or {@code 200} (updated) with the resource, whose
 *       provisioning state is not terminal yet, + {@code Azure-AsyncOperation} + {@code Retry-After} (ARM's rule for
 *       a long-running PUT or PATCH).</li>
 * </ul>
 * {@code finalStateVia} is the spec's {@code x-ms-long-running-operation-options.final-state-via}: where a client
 * reads the final result. asyncops always sends {@code Azure-AsyncOperation}; it adds {@code Location} when the mode
 * is {@code ACCEPTED} or the final state is read there, and {@code Operation-Location} when the final state is read
 * there.
 *
 * @param mode          synchronous, or the first answer of a long-running operation
 * @param finalStateVia where the final state is read; null when synchronous
 * @param duration      how long the operation takes at time scale 1 (zero when synchronous)
 * @param statuses      the success statuses the verb may answer (a spec's declared codes); empty: ARM's usual ones
 */
public record VerbStyle(Mode mode, FinalStateVia finalStateVia, Duration duration, Set<Integer> statuses) {

    /** Synchronous, or the first answer of a long-running operation. */
    public enum Mode {
        /** Done within the request: {@code 200}/{@code 201} with the resource, {@code 200}/{@code 204} for DELETE. */
        SYNCHRONOUS,
        /** {@code 202 Accepted}, no body, {@code Azure-AsyncOperation}, {@code Location}, {@code Retry-After}. */
        ACCEPTED,
        /** {@code 201}/{@code 200} with the resource (provisioning state not terminal), {@code Azure-AsyncOperation}. */
        CREATED_OR_OK
    }

    /** Where a client reads the final state of a long-running operation (the spec's spelling in {@link #wireName}). */
    public enum FinalStateVia {
        AZURE_ASYNC_OPERATION("azure-async-operation"),
        LOCATION("location"),
        ORIGINAL_URI("original-uri"),
        OPERATION_LOCATION("operation-location");

        private final String wireName;

        FinalStateVia(String wireName) {
            this.wireName = wireName;
        }

        /** As the spec writes it, e.g. {@code original-uri}. */
        public String wireName() {
            return wireName;
        }

        /**
         * The value the spec writes, compared without case.
         *
         * @throws IllegalArgumentException for anything else
         */
        public static FinalStateVia parse(String wireName) {
            for (FinalStateVia v : values()) {
                if (v.wireName.equalsIgnoreCase(Objects.requireNonNull(wireName, "wireName == null").trim())) {
                    return v;
                }
            }
            throw new IllegalArgumentException("not a final-state-via: '" + wireName + "'");
        }
    }

    /** A style answering ARM's usual statuses. */
    public VerbStyle(Mode mode, FinalStateVia finalStateVia, Duration duration) {
        this(mode, finalStateVia, duration, Set.of());
    }

    public VerbStyle {
        statuses = Set.copyOf(Objects.requireNonNull(statuses, "statuses == null"));
        Objects.requireNonNull(mode, "mode == null");
        Objects.requireNonNull(duration, "duration == null");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative: " + duration);
        }
        if (mode == Mode.SYNCHRONOUS && finalStateVia != null) {
            throw new IllegalArgumentException("a synchronous verb has no final-state-via");
        }
        if (mode != Mode.SYNCHRONOUS) {
            Objects.requireNonNull(finalStateVia, "finalStateVia == null");
        }
    }

    /** Done within the request. */
    public static VerbStyle synchronous() {
        return new VerbStyle(Mode.SYNCHRONOUS, null, Duration.ZERO);
    }

    /** Long-running, answering {@code 202} with both status URLs; the final state is read at {@code Location}. */
    public static VerbStyle accepted(Duration duration) {
        return new VerbStyle(Mode.ACCEPTED, FinalStateVia.LOCATION, duration);
    }

    /**
     * Long-running PUT or PATCH answering {@code 201}/{@code 200} with the resource; the final state is read at the
     * resource's own URL ({@code original-uri}), as ARM's RPC has it.
     */
    public static VerbStyle createdOrOk(Duration duration) {
        return new VerbStyle(Mode.CREATED_OR_OK, FinalStateVia.ORIGINAL_URI, duration);
    }

    /** This style with another final-state-via (long-running only). */
    public VerbStyle finalStateVia(FinalStateVia value) {
        return new VerbStyle(mode, value, duration, statuses);
    }

    /** This style with another duration at time scale 1 (long-running only). */
    public VerbStyle duration(Duration value) {
        return new VerbStyle(mode, finalStateVia, value, statuses);
    }

    /**
     * This style answering only {@code values} (a spec's declared success codes, e.g. {@code 200} without
     * {@code 201}); empty for ARM's usual ones.
     */
    public VerbStyle statuses(Set<Integer> values) {
        return new VerbStyle(mode, finalStateVia, duration, values);
    }

    /**
     * The status to answer where ARM's rule gives {@code natural}: itself when declared (or nothing is), else the
     * closest declared one ({@code 201} -> {@code 200}, {@code 204} -> {@code 200}, {@code 200} -> {@code 201} or
     * {@code 204}).
     */
    public int status(int natural) {
        if (statuses.isEmpty() || statuses.contains(natural)) {
            return natural;
        }
        int[] closest = switch (natural) {
            case 201 -> new int[] {200, 202};
            case 200 -> new int[] {201, 204, 202};
            case 204 -> new int[] {200, 202};
            default -> new int[0];
        };
        for (int c : closest) {
            if (statuses.contains(c)) {
                return c;
            }
        }
        return natural;
    }

    public boolean longRunning() {
        return mode != Mode.SYNCHRONOUS;
    }

    @Override
    public String toString() {
        return longRunning() ? mode.name().toLowerCase(Locale.ROOT) + " (" + duration + ", final state via "
                + finalStateVia.wireName() + ")" : "synchronous";
    }
}
