package io.jkms.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Client names, machine IDs and addresses are personal data: the data directory is the owner's alone (0700) and
 * the database files are 0600, whatever the umask. The JVM cannot change its umask, so a umask of 000 is stood
 * in for by what it leaves behind: a directory 0777 and files 0666, which the registry must tighten at start.
 */
@Tag("database")
class FilePermissionsTest {
    @TempDir
    Path tempDir;

    @Test
    void aNewDataDirectoryAndItsDatabaseFilesAreOwnerOnly() throws Exception {
        Path data = tempDir.resolve("data");
        try (Registry registry = Registry.open(RegistrySettings.sqlite(data), java.time.Clock.systemUTC(),
                java.util.random.RandomGenerator.getDefault())) {
            write(registry);
            assertOwnerOnly(data);
        }
        assertOwnerOnly(data);
    }

    @Test
    void filesLeftWorldReadableByAUmaskOf000AreTightenedAtStart() throws Exception {
        Path data = tempDir.resolve("data");
        try (Registry registry = Registry.open(RegistrySettings.sqlite(data), java.time.Clock.systemUTC(),
                java.util.random.RandomGenerator.getDefault())) {
            write(registry);
        }
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.setPosixFilePermissions(data.resolve("registry.db"), PosixFilePermissions.fromString("rw-rw-rw-"));
        Files.writeString(data.resolve("registry.db-wal"), "");
        Files.setPosixFilePermissions(data.resolve("registry.db-wal"), PosixFilePermissions.fromString("rw-rw-rw-"));

        try (Registry registry = Registry.open(RegistrySettings.sqlite(data), java.time.Clock.systemUTC(),
                java.util.random.RandomGenerator.getDefault())) {
            write(registry);
            assertOwnerOnly(data);
        }
    }

    private static void write(Registry registry) throws Exception {
        registry.writer().offer(TestStore.record(UUID.randomUUID(), "PC", Instant.now(), 0));
        registry.writer().flush().get(1, TimeUnit.MINUTES);
    }

    private static void assertOwnerOnly(Path data) throws Exception {
        assertThat(mode(data)).as("data directory").isEqualTo("rwx------");
        try (var files = Files.list(data)) {
            for (Path file : files.toList()) {
                assertThat(mode(file)).as(file.getFileName().toString()).isEqualTo("rw-------");
            }
        }
        assertThat(Files.exists(data.resolve("registry.db"))).isTrue();
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
