package io.asyncops.engine.internal.store;

/**
 * H2 2.x: one process, row locks, {@code FOR UPDATE SKIP LOCKED} supported; the ANSI claim works as is.
 * No notifications: one process means every change is seen by the in-process signal.
 */
final class H2Dialect extends SqlDialect {
    @Override
    public String migrationFolder() {
        return "h2";
    }
}
