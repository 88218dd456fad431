package io.asyncops.emulator.openapi.internal;

/**
 * A request that breaks its spec: {@code 400} with an ARM error code and the property or parameter at fault
 * ({@code target}, e.g. {@code properties.sku.name}). Thrown before anything is stored.
 */
public final class SpecViolation extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String code;
    private final String target;

    SpecViolation(String code, String message, String target) {
        super(message, null, false, false);
        this.code = code;
        this.target = target;
    }

    public String code() {
        return code;
    }

    public String target() {
        return target;
    }
}
