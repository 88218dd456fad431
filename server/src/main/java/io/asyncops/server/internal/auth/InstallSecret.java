package io.asyncops.server.internal.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The per-install HS256 secret: 256 random bits kept in {@code <data-dir>/jwt-secret} (owner-only permissions),
 * made on first use. Two processes racing to create it agree on one file: it is written aside and linked into
 * place, which fails if another got there first.
 */
public final class InstallSecret {
    /** The secret's file name in the data dir. */
    public static final String FILE_NAME = "jwt-secret";
    private static final int BYTES = 32;

    private InstallSecret() {
    }

    /** The secret of the install at {@code dataDir}, created if missing. */
    public static byte[] loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dataDir);
                create(file);
            }
            byte[] secret = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
            if (secret.length < BYTES) {
                throw new IllegalStateException("the secret in " + file + " is shorter than 256 bits");
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the install secret " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the install secret " + file + " is not Base64", e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] secret = new byte[BYTES];
        new SecureRandom().nextBytes(secret);
        Path tmp = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp", ownerOnlyAttributes());
        try {
            Files.writeString(tmp, Base64.getEncoder().encodeToString(secret) + "\n", StandardCharsets.US_ASCII);
            try {
                Files.createLink(file, tmp);
            } catch (FileAlreadyExistsException raced) {
                // another process created it first: use theirs
            } catch (UnsupportedOperationException noLinks) {
                Files.move(tmp, file);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Owner read/write only, where the file system knows POSIX permissions (also for the TLS key). */
    public static FileAttribute<?>[] ownerOnlyAttributes() {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
        }
        return new FileAttribute<?>[0];
    }
}
