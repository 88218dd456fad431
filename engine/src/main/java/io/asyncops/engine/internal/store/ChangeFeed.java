package io.asyncops.engine.internal.store;

/** A running subscription to other engine instances' notices; closing it stops the delivery. */
public interface ChangeFeed extends AutoCloseable {
    @Override
    void close();
}
