package org.licentia.client.activation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallationTest {

    @TempDir
    Path temp;

    @Test
    void keepsItsKeyAcrossRuns() {
        Path dir = temp.resolve("nested/installation");
        byte[] first = Installation.open(dir).publicKey();
        assertEquals(32, first.length);
        assertArrayEquals(first, Installation.open(dir).publicKey());
        assertFalse(
                Arrays.equals(first, Installation.open(temp.resolve("other")).publicKey()));
    }

    @Test
    void keepsItsFilesToItsOwner() throws IOException {
        Path dir = temp.resolve("installation");
        Installation.open(dir);
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertEquals(
                    EnumSet.of(
                            PosixFilePermission.OWNER_READ,
                            PosixFilePermission.OWNER_WRITE,
                            PosixFilePermission.OWNER_EXECUTE),
                    Files.getPosixFilePermissions(dir));
            assertEquals(
                    EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                    Files.getPosixFilePermissions(dir.resolve(Installation.KEY_FILE)));
        }
    }

    @Test
    void threadsOpeningAtOnceGetOneKey() throws Exception {
        Path dir = temp.resolve("installation");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> keys = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                keys.add(pool.submit(() -> Installation.open(dir).publicKey()));
            }
            for (Future<byte[]> key : keys) {
                assertArrayEquals(keys.get(0).get(), key.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void refusesADamagedKeyInsteadOfMakingANewOne() throws IOException {
        Path dir = temp.resolve("installation");
        Installation.open(dir);
        Files.writeString(dir.resolve(Installation.KEY_FILE), "not a key\n");
        assertThrows(UncheckedIOException.class, () -> Installation.open(dir));
    }
}
