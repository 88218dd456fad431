package io.asyncops.server.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallSecretTest {

    @Test
    void secretIsMadeOnceOwnerOnlyAndReused(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        byte[] first = InstallSecret.loadOrCreate(data);
        assertThat(first).hasSize(32);
        Path file = data.resolve(InstallSecret.FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(InstallSecret.loadOrCreate(data)).isEqualTo(first);
        try (var files = Files.list(data)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(InstallSecret.FILE_NAME);
        }
    }

    @Test
    void racingCreatorsAgreeOnOneSecret(@TempDir Path dir) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<byte[]>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit((Callable<byte[]>) () -> InstallSecret.loadOrCreate(dir)));
            }
            byte[] expected = results.get(0).get();
            for (Future<byte[]> f : results) {
                assertThat(f.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
