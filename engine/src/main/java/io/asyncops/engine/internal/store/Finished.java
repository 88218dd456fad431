package io.asyncops.engine.internal.store;

/**
 * What became of one {@link Ending}.
 *
 * @param applied true when it was written (with its effect)
 * @param failure the exception its effect threw (nothing was written), else null
 */
public record Finished(boolean applied, RuntimeException failure) {
    public static final Finished APPLIED = new Finished(true, null);
    public static final Finished LOST = new Finished(false, null);

    public static Finished failed(RuntimeException failure) {
        return new Finished(false, failure);
    }
}
