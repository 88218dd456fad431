package io.asyncops.testing.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** The emulator's temporary data folder: made at start, deleted with everything inside at close. */
public final class Folders {
    private Folders() {
    }

    /** A new, empty folder under the system's temporary folder. */
    public static Path temporary() {
        try {
            return Files.createTempDirectory("asyncops-emulator-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for the emulator's data", e);
        }
    }

    /** Deletes {@code folder} and everything in it; a missing folder is fine. */
    public static void delete(Path folder) {
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    if (e != null) {
                        throw e;
                    }
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException gone) {
            // already deleted
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the emulator's data folder " + folder, e);
        }
    }
}
