package io.asyncops.bench.poller;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/** A server the benchmark's operations run on, with the bookkeeping the measures need. */
interface Target extends AutoCloseable {

    /** The URL operation number {@code i} is started with (PUT). */
    URI operationUrl(int i);

    /** The body of that PUT. */
    String body(int i);

    /** The bearer token the server wants, if any. */
    Optional<String> token();

    /** Requests the server has answered so far. */
    long requests();

    /** The delay between operation {@code i}'s end and the client seeing it, in ms (NaN if unknown). */
    double noticeDelayMillis(int i, Instant clientSawEnd);

    @Override
    void close();
}
