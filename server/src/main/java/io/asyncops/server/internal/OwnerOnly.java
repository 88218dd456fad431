package io.asyncops.server.internal;

import java.nio.file.FileSystems;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/** File attributes for secrets in the data dir (the TLS key, the H2 share's key): owner read/write only. */
public final class OwnerOnly {
    private OwnerOnly() {
    }

    /** Owner read/write only, where the file system knows POSIX permissions; none elsewhere. */
    public static FileAttribute<?>[] attributes() {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
        }
        return new FileAttribute<?>[0];
    }
}
