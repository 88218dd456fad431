package io.asyncops.engine.internal.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on a dedicated connection and hands every notice to the engine. After a (re)connect it sends
 * {@link Notice#RESYNC}, since notices sent while it was away are lost and everything must be looked at again.
 */
final class PgChangeFeed implements ChangeFeed, Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(PgChangeFeed.class);
    /** How long one wait for notifications blocks; bounds how late a close is noticed. */
    private static final int WAIT_MILLIS = 250;
    /**
     * After a wake-up that brought this instance's own notices only, the wait before it reads again. PostgreSQL
     * delivers a notice to every listener, its sender's too, so a node storing a group of submits every
     * millisecond woke its listener as often (a poll and a read each: a quarter of the JVM's CPU on the submit
     * path). Waiting lets the notices of several groups arrive and be read in one wake-up. Nothing is lost (the
     * connection buffers them); another instance's notice arriving meanwhile is handed on at most this much later,
     * and only while this one keeps sending notices of its own.
     */
    static final int OWN_PAUSE_MILLIS = 5;

    private final javax.sql.DataSource dataSource;
    private final Consumer<Notice> sink;
    /** The payloads' start when this instance sent them: dropped before their ids are parsed. */
    private final String ownPrefix;
    private final Thread thread;
    private volatile boolean running = true;

    private PgChangeFeed(javax.sql.DataSource dataSource, String ownNode, Consumer<Notice> sink) {
        this.dataSource = dataSource;
        this.sink = sink;
        this.ownPrefix = ownNode + "|";
        // a platform thread: it wakes for every notice, its own node's too (one per group of submits or endings),
        // and a virtual one paid the scheduler's hand-offs and the poller's registrations on each wake-up
        this.thread = Thread.ofPlatform().daemon().name("asyncops-listen").unstarted(this);
    }

    static PgChangeFeed start(javax.sql.DataSource dataSource, String ownNode, Consumer<Notice> sink) {
        PgChangeFeed feed = new PgChangeFeed(dataSource, ownNode, sink);
        feed.thread.start();
        return feed;
    }

    @Override
    public void run() {
        while (running) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("listen " + PostgresDialect.CHANNEL);
                }
                sink.accept(Notice.RESYNC);
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
                    if (notifications == null) {
                        continue;
                    }
                    boolean othersToo = false;
                    for (PGNotification n : notifications) {
                        if (n.getParameter().startsWith(ownPrefix)) {
                            continue; // this instance's own change: it knows (a submit group's notice has 150 ids)
                        }
                        othersToo = true;
                        Notice notice = Notice.decode(n.getParameter());
                        if (notice != null) {
                            sink.accept(notice);
                        }
                    }
                    if (!othersToo) {
                        Thread.sleep(OWN_PAUSE_MILLIS);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warn("listening for engine changes failed; retrying in 1 s: {}", e.toString());
                    sleepQuietly();
                }
            }
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(WAIT_MILLIS * 8L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
