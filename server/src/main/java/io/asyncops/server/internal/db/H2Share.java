package io.asyncops.server.internal.db;

import io.asyncops.engine.Database;
import io.asyncops.server.internal.OwnerOnly;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Properties;
import org.h2.tools.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets local tools reach the H2 database of a data dir while a server holds it. H2 locks its file to one process,
 * so {@code asyncops token} and {@code asyncops sp create} could not open it while {@code serve} runs. The server
 * therefore shares its open database: an H2 TCP listener that takes local connections only, reachable only with a
 * random 128-bit key, advertised in {@value #FILE_NAME} in the data dir (owner-only permissions), removed on close.
 *
 * <p>H2's own automatic mixed mode ({@code AUTO_SERVER}) would do the same but accepts connections from other
 * hosts and cannot be combined with {@code DB_CLOSE_ON_EXIT=FALSE}, which the server needs for its graceful stop.
 */
public final class H2Share implements AutoCloseable {
    /** The file in the data dir that advertises a running share. */
    public static final String FILE_NAME = "h2-share.properties";
    private static final Logger LOG = LoggerFactory.getLogger(H2Share.class);

    private final Server server;
    private final Path file;

    private H2Share(Server server, Path file) {
        this.server = server;
        this.file = file;
    }

    /** Shares the H2 database of {@code dataDir}, which this process has open (through {@link Database#h2}). */
    public static H2Share start(Path dataDir) {
        byte[] raw = new byte[16];
        new SecureRandom().nextBytes(raw);
        String key = HexFormat.of().formatHex(raw);
        String database = Database.h2Url(dataDir).substring("jdbc:h2:".length()).split(";", 2)[0];
        Server server;
        try {
            server = Server.createTcpServer("-tcpPort", "0", "-tcpDaemon", "-key", key, database).start();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot share the H2 database with local tools: " + e.getMessage(), e);
        }
        Path file = dataDir.resolve(FILE_NAME);
        try {
            Properties p = new Properties();
            p.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
            p.setProperty("port", Integer.toString(server.getPort()));
            p.setProperty("key", key);
            Path tmp = Files.createTempFile(dataDir, FILE_NAME, ".tmp", OwnerOnly.attributes());
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.ISO_8859_1)) {
                p.store(w, "asyncops: the running server's H2 database, for local tools");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            server.stop();
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return new H2Share(server, file);
    }

    /**
     * The H2 database of {@code dataDir} for a short-lived tool: the file itself when this process or none holds it,
     * else through the share of the server that holds it. Close it when done.
     */
    public static Database open(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        if (Files.isRegularFile(file)) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
                p.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            boolean ours = Long.toString(ProcessHandle.current().pid()).equals(p.getProperty("pid"));
            if (!ours && p.getProperty("port") != null && p.getProperty("key") != null) {
                try {
                    return Database.open("jdbc:h2:tcp://127.0.0.1:" + Integer.parseInt(p.getProperty("port")) + "/"
                            + p.getProperty("key"), "sa", "", 2);
                } catch (RuntimeException stale) {
                    // the server that wrote it is gone (killed): its lock is released, open the file below
                    LOG.debug("the H2 share in {} does not answer; opening the file", file, stale);
                }
            }
        }
        // a small pool: the tool makes a few statements; in this process the file may already be open (H2 shares
        // it within one process)
        return Database.open(Database.h2Url(dataDir), "sa", "", 2);
    }

    /** Stops sharing: removes the advertisement, then the listener (connections of tools end with it). */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("cannot remove {}", file, e);
        } finally {
            server.stop();
        }
    }
}
