package io.jkms.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkms.registry.TestStore.Backend;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A host process killed with SIGKILL loses at most what it had not flushed: everything written before
 * survives, the database opens and migrates cleanly afterwards (SQLite recovers its WAL).
 */
@Tag("database")
class CrashTest {
    private static final int STORED = 1500;
    private static final int PENDING = 300;

    @TempDir
    Path tempDir;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aKilledHostLosesAtMostItsLastFlushInterval(Backend backend) throws Exception {
        try (TestStore store = TestStore.create(backend, tempDir)) {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-cp", System.getProperty("java.class.path"), CrashingHost.class.getName(),
                    store.settings.dataDir().toString(), Integer.toString(STORED), Integer.toString(PENDING)));
            store.settings.databaseUrl().ifPresent(command::add);
            Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null && !line.equals("READY")) {
                    System.out.println("child: " + line);
                }
                assertThat(line).as("child got ready").isEqualTo("READY");
            } finally {
                child.destroyForcibly();
                assertThat(child.waitFor(1, TimeUnit.MINUTES)).isTrue();
            }

            try (Registry reopened = store.open()) {
                assertThat(reopened.stats().queueDepth()).isZero();
                assertThat(store.count("SELECT COUNT(*) FROM activations WHERE workstation LIKE 'stored-%'"))
                        .isEqualTo(STORED);
                assertThat(store.count("SELECT COUNT(*) FROM activations WHERE workstation LIKE 'pending-%'"))
                        .isBetween(0L, (long) PENDING);
                assertThat(store.count("SELECT COUNT(*) FROM clients")).isEqualTo(
                        store.count("SELECT COUNT(*) FROM activations"));
            }
        }
    }
}
